import type { AreaViews } from "./areas.js";
import { smallInt } from "./team-thread.js";
import { STRIDE, TAG, VIEW_TYPES } from "./value-tags.js";

/**
 * A worker's side of the values area: turns each value slot back into a value. Shared views are
 * cached per slot, so a region that passes the same arrays as last time creates no new objects.
 */
export class ValueDecoder {
  readonly buffers = new Map<number, SharedArrayBuffer>();
  private readonly cacheKey: number[] = [];
  private readonly cacheView: ArrayBufferView[] = [];

  /** The value in `slot`; `messages` holds this region's structured-clone values. */
  decode(views: AreaViews, slot: number, messages: readonly unknown[]): unknown {
    const at = slot * STRIDE;
    const data = views.valueData;
    switch (views.valueTags[slot]) {
      case TAG.number: return smallInt(data[at]!);
      case TAG.boolean: return data[at] !== 0;
      case TAG.undefined: return undefined;
      case TAG.null: return null;
      case TAG.buffer: return this.buffers.get(data[at]!);
      case TAG.message: return messages[data[at]!];
      case TAG.view: return this.view(slot, data[at]!, data[at + 1]!, data[at + 2]!, data[at + 3]!);
    }
    throw new Error(`[tsomp] internal error: value slot ${slot} has no tag.`);
  }

  private view(slot: number, id: number, type: number, offset: number, length: number): ArrayBufferView {
    const k = slot * 4;
    const cached = this.cacheView[slot];
    const keys = this.cacheKey;
    if (cached && keys[k] === id && keys[k + 1] === type && keys[k + 2] === offset && keys[k + 3] === length) return cached;
    const View = VIEW_TYPES[type] as unknown as new (b: SharedArrayBuffer, o: number, l: number) => ArrayBufferView;
    const view = new View(this.buffers.get(id)!, offset, length);
    keys[k] = id;
    keys[k + 1] = type;
    keys[k + 2] = offset;
    keys[k + 3] = length;
    this.cacheView[slot] = view;
    return view;
  }

  /** Forgets buffers that thread 0 released (and any cached views on them). */
  release(ids: readonly number[]): void {
    for (const id of ids) this.buffers.delete(id);
    for (let slot = 0; slot < this.cacheView.length; slot++) if (ids.includes(this.cacheKey[slot * 4]!)) delete this.cacheView[slot];
  }
}
