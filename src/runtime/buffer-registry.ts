/**
 * Numbers the SharedArrayBuffers that regions share, so that a region names a buffer by a
 * number in shared memory and each worker receives each buffer once. When thread 0's buffer
 * object is collected, its number is released so workers can drop their handles too.
 */
export class BufferRegistry {
  private readonly ids = new WeakMap<SharedArrayBuffer, number>();
  private nextId = 1;
  private readonly finalizer = new FinalizationRegistry<number>((id) => this.released.push(id));
  /** Ids whose buffers thread 0 no longer holds; the pool tells the workers, then clears this. */
  readonly released: number[] = [];

  /** The buffer's id, assigning one on first sight. */
  idOf(sab: SharedArrayBuffer): number {
    let id = this.ids.get(sab);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(sab, id);
      this.finalizer.register(sab, id);
    }
    return id;
  }
}
