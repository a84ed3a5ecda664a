/**
 * Which shared typed array each slot of the pool's values area holds, as thread 0 last encoded it,
 * and for how many workers. A region that passes the same arrays as the last one to use those
 * slots (the steady state of a loop run again and again) then skips encoding them: no buffer
 * lookup, no `.buffer` access (a property read that allocates where V8 cannot inline it), no
 * allocation. Arrays are held weakly, so the pool never keeps one alive.
 */
export class EncodedViews {
  private readonly views: (WeakRef<ArrayBufferView> | undefined)[] = [];
  private readonly workers: number[] = [];

  /** True when slot `slot` holds `value`, encoded for at least `workers` workers. */
  holds(slot: number, value: unknown, workers: number): boolean {
    return this.isShared(slot, value) && this.workers[slot]! >= workers;
  }

  /** True when `value` is the shared array slot `slot` last held (so its buffer is shared, whoever the workers were). */
  isShared(slot: number, value: unknown): boolean {
    return value !== undefined && this.views[slot]?.deref() === value;
  }

  /** Records that slot `slot` now holds the shared array `view`, encoded for `workers` workers. */
  remember(slot: number, view: ArrayBufferView, workers: number): void {
    if (this.views[slot]?.deref() !== view) this.views[slot] = new WeakRef(view);
    this.workers[slot] = workers;
  }

  /** Records that slot `slot` holds something else now. */
  forget(slot: number): void {
    if (this.views[slot] !== undefined) this.views[slot] = undefined;
  }

  /** Forgets every slot (the areas were reallocated, or a worker was started and has no buffers yet). */
  clear(): void {
    this.views.length = 0;
    this.workers.length = 0;
  }
}
