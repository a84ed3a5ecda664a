import { serialize } from "node:v8";
import { put } from "./control.js";
import { ompError } from "./errors.js";
import type { Pool } from "./pool.js";
import { STRIDE, TAG, viewLength, viewTypeCode } from "./value-tags.js";

/**
 * Writes `count` values, starting at `values[from]`, into the pool's values area at `slot`, for the first
 * `workers` workers. Numbers, booleans, null and undefined go in as they are; typed arrays on
 * shared memory go in as (buffer id, type, offset, length), and each worker is sent a buffer the
 * first time it needs it; anything else is appended to `messages`, to be sent as one structured-clone message.
 */
export function encodeValues(pool: Pool, values: readonly unknown[], from: number, count: number, slot: number, workers: number, messages: unknown[], names: readonly string[], region: string): void {
  const { valueTags: tags, valueData: data } = pool.views;
  const encoded = pool.encoded;
  for (let i = 0; i < count; i++) {
    const v = values[from + i];
    const k = slot + i;
    if (encoded.holds(k, v, workers)) continue;
    encoded.forget(k);
    const at = k * STRIDE;
    switch (typeof v) {
      case "number":
        put(tags, k, TAG.number);
        if (!sameNumber(data[at]!, v)) data[at] = v;
        continue;
      case "boolean":
        put(tags, k, TAG.boolean);
        put(data, at, v ? 1 : 0);
        continue;
      case "undefined":
        put(tags, k, TAG.undefined);
        continue;
    }
    if (v === null) {
      put(tags, k, TAG.null);
      continue;
    }
    if (ArrayBuffer.isView(v) && v.buffer instanceof SharedArrayBuffer && viewTypeCode(v) >= 0) {
      put(tags, k, TAG.view);
      put(data, at, share(pool, v.buffer, workers));
      put(data, at + 1, viewTypeCode(v));
      put(data, at + 2, v.byteOffset);
      put(data, at + 3, viewLength(v));
      if (!(v.buffer as { growable?: boolean }).growable) encoded.remember(k, v, workers);
      continue;
    }
    if (v instanceof SharedArrayBuffer) {
      put(tags, k, TAG.buffer);
      put(data, at, share(pool, v, workers));
      continue;
    }
    checkCloneable(v, names[i] ?? `value ${k}`, region);
    put(tags, k, TAG.message);
    put(data, at, messages.length);
    messages.push(v);
  }
}

/** Object.is for two numbers, without boxing the float64 read from shared memory to call it. */
function sameNumber(a: number, b: number): boolean {
  return a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
}

/**
 * Throws OMP4007 for a value structured clone refuses (a function, a class instance holding one…)
 * before anything is sent, so that no worker is left with half a region's messages.
 */
function checkCloneable(value: unknown, name: string, region: string): void {
  try {
    serialize(value);
  } catch (error) {
    throw ompError("ValueNotCloneable", { at: region, name, message: error instanceof Error ? error.message : String(error) }, error);
  }
}

/** The buffer's id; queues the buffer for every worker of the team that does not have it yet. */
function share(pool: Pool, sab: SharedArrayBuffer, workers: number): number {
  const id = pool.registry.idOf(sab);
  for (let w = 1; w <= workers; w++) {
    const h = pool.handle(w);
    if (h.buffers.has(id)) continue;
    h.buffers.add(id);
    h.outbox.push({ t: "buffer", id, sab });
  }
  return id;
}

/** Queues the ids of buffers thread 0 no longer holds, so that workers drop their handles too. */
export function queueReleases(pool: Pool): void {
  const released = pool.registry.released;
  if (released.length === 0) return;
  pool.forEachHandle((h) => {
    const ids = released.filter((id) => h.buffers.delete(id));
    if (ids.length > 0) h.outbox.push({ t: "release", ids });
  });
  released.length = 0;
}
