import type { ArrayReductionInfo, LoopInfo, OutputInfo, Thread } from "./abi.js";
import { combineInto, privateCopy, type ArrayCopy, type ReducedArray } from "./array-reduction.js";
import { enterCritical, exitCritical } from "./critical.js";
import { criticalSlot } from "./critical-slot.js";
import { combinerOf } from "./combine.js";
import {
  BIG_LOCK, CANCEL, exchangeEntry, F_BIG_NEXT, FINAL_CLAIMED, KIND, MAX_LEVELS, NEXT, ORDERED_NEXT, ORDERED_WAITERS, stealHead, workshareInstance, workshareNext, WS_TURN, type Control,
} from "./control.js";
import { spinIterations } from "./env.js";
import { ompError } from "./errors.js";
import { tripCount } from "./iteration-space.js";
import { resolveSchedule } from "./resolve-schedule.js";
import { guidedSize, staticChunkStart, staticStart } from "./schedule.js";
import { availableParallelism, state } from "./state.js";
import { cancelTeam, enterWorkshare, leaveWorkshare, teamBarrier, WAIT_CANCELLED, type Watch } from "./team-sync.js";

/**
 * `x` as an int32 when it is one, so that V8 keeps loop variables derived from it in integer
 * registers (a double loop variable turns `i % d` into a slow float modulo and `a[i]` into a
 * conversion per access). -0 stays a double.
 */
export function smallInt(x: number): number {
  return (x | 0) === x && (x !== 0 || 1 / x > 0) ? x | 0 : x;
}

/** What a thread holds in an output slot (TeamThread.outKinds). */
export const UNSET = 0;
export const NUMBER = 1;
export const OTHER = 2;

/** What a TeamThread needs to know of the region it runs (RegionRecord has it). */
export interface RegionView {
  readonly info: { readonly at: string };
  readonly loops: readonly LoopInfo[];
  readonly arrays: readonly ArrayReductionInfo[];
}

const NO_REGION: RegionView = { info: { at: "" }, loops: [], arrays: [] };

/** The lock that threads combine their copies of reduced arrays under: one at a time, in any order. */
const ARRAY_REDUCTION_SLOT = criticalSlot("tsomp: array reductions");

/** Tags of the exchange's entries (see TeamThread.exchange). */
const EXCHANGED_NOTHING = 0;
const EXCHANGED_NUMBER = 1;
const EXCHANGED_BOOLEAN = 2;

/** Chunk counters above this use the locked Float64 counter instead of int32 atomics. */
const INT32_LIMIT = 2 ** 31 - 1 - 1024;

/**
 * Sets up work stealing for a region of `n` iterations in chunks of `chunk` (0: 1) on `team`
 * threads: each thread's range head at its first chunk, the final chunk unclaimed (see
 * TeamThread.claimStealing). Thread 0 does it before ringing the doorbells, which publish it.
 */
export function prepareStealing(i32: Int32Array, n: number, chunk: number, team: number): void {
  const ranged = Math.ceil(n / Math.max(1, chunk)) - 1;
  for (let t = 0; t < team; t++) i32[stealHead(t)] = staticStart(ranged, team, t);
  i32[FINAL_CLAIMED] = 0;
}

/**
 * One thread's view of a running region: it claims chunks by the region's schedule (SPEC §5),
 * splits a collapsed chunk into rows of the innermost loop, and collects the thread's outputs.
 * A thread reuses one instance for all its regions, so a region allocates nothing here.
 */
export class TeamThread implements Thread {
  lo = 0;
  hi = 0;
  step = 1;
  at = 0;
  readonly index: number[] = [];
  /** True once this thread has claimed the chunk holding logical iteration N−1. */
  ranLast = false;
  /** First and end logical iteration of the chunk being run (for messages when the iteration is unknown). */
  chunkStart = 0;
  chunkEnd = 0;
  /**
   * The thread's outputs, by slot: `outKinds` says whether one is unset (UNSET), a number, held in
   * `outNumbers` unboxed (a double stored in a plain array would be boxed, a heap number per region),
   * or another value, in `outValues`; `outPositions` holds where a lastprivate was last assigned.
   */
  readonly outKinds: number[] = [];
  outNumbers = new Float64Array(4);
  outPositions = new Float64Array(4);
  readonly outValues: unknown[] = [];
  readonly initials: unknown[] = [];

  private ctl: Control | undefined;
  private t = 0;
  private p = 1;
  /** What the running region says of its worksharing loops and reduced arrays (a RegionRecord). */
  region: RegionView = NO_REGION;
  /** Thread 0 only: finds workers that died or never started while this thread waits for them. */
  watch: Watch | undefined;
  /** The words the current loop's chunks and ordered turns are counted in: the region's, or its worksharing slot's. */
  private counterAt = NEXT;
  private turnAt = ORDERED_NEXT;
  /** Worksharing constructs this thread has met in the current `parallel` block, and the slot of the loop it is in (−1: none). */
  private constructs = 0;
  private slot = -1;
  /** The outputs of the current `for` of a `parallel` block, and the exchange bank they go through (see EXCHANGE_OUTPUTS). */
  private loopOutputs: readonly OutputInfo[] = [];
  private bank = 0;
  private exchanges = 0;
  private kind: number = KIND.static;
  private chunk = 0;
  /** The region's logical iterations (the product of the trip counts), set by `start`. */
  n = 0;
  private levels = 1;
  private big = false;
  private claims = 0;
  private rowStart = 0;
  private rowBase = 0;
  readonly lower = new Float64Array(MAX_LEVELS);
  readonly steps = new Float64Array(MAX_LEVELS);
  readonly counts = new Float64Array(MAX_LEVELS);

  /**
   * Prepares for a region: thread `t` of `p`, schedule `kind` with `chunk` (0: default), over the
   * `levels` loops whose lower bounds, steps and trip counts are already in `lower`, `steps` and
   * `counts`, with `outputs` output slots; `ordered` for a loop with the `ordered` clause. The
   * iteration count is the counts' product, computed here rather than passed in: a double passed
   * to a call that is not inlined is boxed, which would allocate a heap number per region.
   */
  start(ctl: Control | undefined, t: number, p: number, kind: number, chunk: number, levels: number, outputs: number, ordered: boolean): void {
    this.ctl = ctl;
    this.t = t;
    this.p = p;
    this.counterAt = NEXT;
    this.turnAt = ORDERED_NEXT;
    this.constructs = 0;
    this.slot = -1;
    this.exchanges = 0;
    this.startLoop(kind, chunk, levels, ordered);
    if (this.outKinds.length !== outputs) {
      this.outKinds.length = outputs;
      this.outValues.length = outputs;
      if (this.outNumbers.length < outputs) {
        this.outNumbers = new Float64Array(outputs);
        this.outPositions = new Float64Array(outputs);
      }
    }
    for (let s = 0; s < outputs; s++) {
      this.outKinds[s] = UNSET;
      this.outValues[s] = undefined;
      this.outPositions[s] = -1;
    }
  }

  /** Prepares this thread's chunk claims for a loop (the region's, or a worksharing loop of a `parallel` block). */
  private startLoop(kind: number, chunk: number, levels: number, ordered: boolean): void {
    let n = 1;
    for (let d = 0; d < levels; d++) n *= this.counts[d]!;
    this.kind = kind;
    this.chunk = kind === KIND.static ? chunk : Math.max(1, chunk);
    this.n = n;
    this.levels = levels;
    // A thief's add can move a head past its range's end by half the range (claimStealing).
    this.big = kind === KIND.guided ? n > INT32_LIMIT : n / Math.max(1, this.chunk) > (kind === KIND.stealing ? INT32_LIMIT / 2 : INT32_LIMIT);
    this.claims = 0;
    this.rowStart = 0;
    this.chunkStart = 0;
    this.chunkEnd = 0;
    this.ranLast = false;
    this.ordered = ordered;
    this.orderedFrom = 0;
    this.orderedAt = -1;
    if (kind === KIND.stealing) {
      this.ranged = Math.ceil(n / this.chunk) - 1;
      this.ownHead = stealHead(this.t);
      this.ownEnd = staticStart(this.ranged, this.p, this.t + 1);
      this.ownDone = false;
      this.stolenNext = 0;
      this.stolenEnd = 0;
    }
    this.step = levels === 0 ? 1 : smallInt(this.steps[levels - 1]!);
    if (levels > 0 && this.index.length !== levels - 1) this.index.length = levels - 1;
  }

  /**
   * Starts worksharing loop `loop` of a `parallel` block (RegionInfo.loops) with the chunk size
   * the call passes (0: none) and each level's lower bound, upper bound and step: every thread of
   * the team calls it, and then claims chunks with `next()` as in a `parallel for`.
   */
  forLoop(loop: number, chunk: number, ...bounds: number[]): void {
    const info = this.region.loops[loop]!;
    const levels = info.vars.length;
    for (let d = 0; d < levels; d++) {
      this.counts[d] = tripCount(info.at, info.tests[d]!, bounds[3 * d], bounds[3 * d + 1], bounds[3 * d + 2]);
      this.lower[d] = bounds[3 * d]!;
      this.steps[d] = bounds[3 * d + 2]!;
    }
    const schedule = resolveSchedule(info, info.chunk === "arg" ? chunk : undefined);
    // Chunks claimed through the slot's counter: no work stealing, which needs per-thread lines of its own.
    const kind = schedule.kind === KIND.stealing ? KIND.dynamic : schedule.kind;
    if (this.ctl !== undefined && this.p > 1) {
      const instance = this.constructs++;
      this.slot = enterWorkshare(this.ctl.i32, instance, this.watch);
      this.counterAt = workshareNext(this.slot);
      this.turnAt = workshareInstance(this.slot) + WS_TURN;
    }
    this.startLoop(kind, schedule.chunk, levels, info.ordered === true && this.ctl !== undefined);
    if (this.big && this.slot >= 0 && kind !== KIND.static) throw ompError("LoopTooLongInBlock", { at: info.at });
    this.loopOutputs = info.outputs ?? [];
    if (this.loopOutputs.length > 0) this.bank = this.exchanges++ & 1;
  }

  loopReduce(slot: number, value: number | boolean): void {
    this.exchange(slot, value);
  }

  loopLast(slot: number, value: number | boolean): void {
    this.exchange(slot, this.ranLast ? value : undefined);
  }

  /** Writes this thread's entry for output `slot` of the current loop (undefined: nothing). */
  private exchange(slot: number, value: number | boolean | undefined): void {
    if (this.ctl === undefined) {
      this.alone[slot] = value;
      return;
    }
    const e = exchangeEntry(this.bank, slot, this.t);
    if (value !== undefined) this.ctl.exchangeValues[e] = Number(value);
    this.ctl.exchangeTags[e] = value === undefined ? EXCHANGED_NOTHING : typeof value === "number" ? EXCHANGED_NUMBER : EXCHANGED_BOOLEAN;
  }

  /** A team of one's loop outputs (no exchange needed). */
  private readonly alone: (number | boolean | undefined)[] = [];

  loopResult<T extends number | boolean>(slot: number, original: T): T {
    const output = this.loopOutputs[slot]!;
    const combine = combinerOf(output);
    let acc: unknown = original;
    for (let t = 0; t < this.p; t++) {
      let value: number | boolean | undefined;
      if (this.ctl === undefined) value = this.alone[slot];
      else {
        const e = exchangeEntry(this.bank, slot, t);
        const tag = this.ctl.exchangeTags[e];
        value = tag === EXCHANGED_NUMBER ? this.ctl.exchangeValues[e] : tag === EXCHANGED_BOOLEAN ? this.ctl.exchangeValues[e] !== 0 : undefined;
      }
      if (value === undefined) continue;
      acc = combine ? combine(acc, value) : value;
    }
    return acc as T;
  }

  keep(slot: number, value: unknown): void {
    if (this.t !== 0) return;
    this.setOutput(slot, value);
    this.outPositions[slot] = 0;
  }

  /** This thread's private copies of the region's reduced arrays, by slot (kept for the next region's reuse). */
  private readonly arrayCopies: ArrayCopy[] = [];

  arrayReduction<T extends ArrayBufferView>(slot: number, original: T, lower = 0, length?: number): T {
    const array = original as unknown as ReducedArray;
    const info = this.region.arrays[slot]!;
    const previous = this.arrayCopies[slot];
    const size = length ?? array.length - lower;
    const copy = privateCopy(this.region.info.at, info.name, info.reduce, array, lower, size, previous?.copy);
    // The record of a slot is reused from region to region: a warm region allocates nothing here.
    if (previous) {
      previous.original = array;
      previous.copy = copy;
      previous.lower = lower;
      previous.length = size;
    } else this.arrayCopies[slot] = { original: array, copy, lower, length: size };
    return copy as unknown as T;
  }

  reduceArrays(): void {
    const arrays = this.region.arrays;
    enterCritical(ARRAY_REDUCTION_SLOT);
    try {
      for (let s = 0; s < arrays.length; s++) combineInto(arrays[s]!.reduce, this.arrayCopies[s]!);
    } finally {
      exitCritical(ARRAY_REDUCTION_SLOT);
    }
  }

  /** Waits until every thread of the team has arrived (the `barrier` construct, and the end of a `for` or `single` without `nowait`). */
  barrier(): void {
    if (this.ctl === undefined || this.p === 1) return;
    teamBarrier(this.ctl.i32, this.p, spinIterations(state.waitPolicy, this.p > availableParallelism()), this.watch);
  }

  /** The `single` construct: true for the one thread of the team that runs its block (the first to arrive). */
  single(): boolean {
    if (this.ctl === undefined || this.p === 1) return true;
    const i32 = this.ctl.i32;
    const instance = this.constructs++;
    const slot = enterWorkshare(i32, instance, this.watch);
    const first = Atomics.add(i32, workshareNext(slot), 1) === 0;
    leaveWorkshare(i32, slot, instance, this.p);
    return first;
  }

  /** This thread's number in its team. */
  get num(): number {
    return this.t;
  }

  /** The `masked` construct: true on thread `filter` of the team (`master`: thread 0). */
  masked(filter: number): boolean {
    if (!(Number.isSafeInteger(filter) && filter >= 0)) throw ompError("MaskedFilterInvalid", { at: this.region.info.at, value: String(filter) });
    return this.t === filter;
  }

  /** Leaves the worksharing slot of the loop this thread has run out of chunks in. */
  private leaveLoop(): void {
    leaveWorkshare(this.ctl!.i32, this.slot, this.constructs - 1, this.p);
    this.slot = -1;
    this.counterAt = NEXT;
    this.turnAt = ORDERED_NEXT;
  }

  next(): boolean {
    if (this.rowStart < this.chunkEnd) return this.row();
    if (this.ordered && this.orderedFrom < this.chunkEnd) this.passOrdered(this.chunkEnd);
    if (this.ctl !== undefined && Atomics.load(this.ctl.i32, CANCEL) !== 0) return false;
    if (!this.claim()) {
      if (this.slot >= 0) this.leaveLoop();
      return false;
    }
    if (this.chunkEnd === this.n) this.ranLast = true;
    this.rowStart = this.chunkStart;
    this.orderedFrom = this.chunkStart;
    return this.row();
  }

  /** Claims this thread's next chunk into [chunkStart, chunkEnd); false when there is none. */
  private claim(): boolean {
    let a: number;
    let b: number;
    if (this.kind === KIND.static) {
      if (this.chunk === 0) {
        if (this.claims++ > 0) return false;
        a = staticStart(this.n, this.p, this.t);
        b = staticStart(this.n, this.p, this.t + 1);
      } else {
        a = staticChunkStart(this.n, this.p, this.t, this.chunk, this.claims++);
        b = Math.min(a + this.chunk, this.n);
      }
    } else if (this.ctl === undefined) {
      if (this.claims++ > 0) return false;
      a = 0;
      b = this.n;
    } else if (this.big) {
      a = this.claimLocked();
      b = this.lockedEnd;
    } else if (this.kind === KIND.dynamic) {
      a = Atomics.add(this.ctl.i32, this.counterAt, 1) * this.chunk;
      b = Math.min(a + this.chunk, this.n);
    } else if (this.kind === KIND.stealing) {
      const k = this.claimStealing(this.ctl.i32);
      if (k < 0) return false;
      a = k * this.chunk;
      b = Math.min(a + this.chunk, this.n);
    } else {
      const i32 = this.ctl.i32;
      for (;;) {
        a = Atomics.load(i32, this.counterAt);
        if (a >= this.n) return false;
        b = a + guidedSize(this.n, this.p, this.chunk, a);
        if (Atomics.compareExchange(i32, this.counterAt, a, b) === a) break;
      }
    }
    if (a >= b) return false;
    this.chunkStart = a;
    this.chunkEnd = b;
    return true;
  }

  /**
   * Under work stealing: the chunks in ranges (all but the final one), the word holding this
   * thread's range head and where its range ends, whether it is used up, and which thread this
   * one steals from next.
   */
  private ranged = 0;
  private ownHead = 0;
  private ownEnd = 0;
  private ownDone = false;
  private victim = 0;
  /** A block of chunks this thread stole, which it runs without touching shared words: [stolenNext, stolenEnd). */
  private stolenNext = 0;
  private stolenEnd = 0;

  /**
   * Work stealing (`nonmonotonic: dynamic`), as libomp's static_steal: chunks 0..C−2 are split
   * into one range per thread as `static` splits iterations, each with a head word on its owner's
   * cache line. A thread takes chunks from its own head (an atomic add no other core touches while
   * the loop is balanced), then from the heads of the others, round robin; the final chunk C−1
   * belongs to no range and goes, last, to the first thread that finds nothing else, so that the
   * thread that runs logical iteration N−1 runs nothing after it (lastprivate keeps its value).
   * A thief takes 1/(2p) of what its victim has left in one add, so that owner and thief fight
   * over the victim's head word a few times rather than once a chunk. Returns the chunk's number,
   * or −1 when there is none.
   */
  private claimStealing(i32: Int32Array): number {
    if (this.stolenNext < this.stolenEnd) return this.stolenNext++;
    if (!this.ownDone) {
      const k = Atomics.add(i32, this.ownHead, 1);
      if (k < this.ownEnd) return k;
      this.ownDone = true;
      this.victim = this.t;
    }
    for (let looked = 1; looked < this.p; looked++) {
      this.victim = this.victim + 1 === this.p ? 0 : this.victim + 1;
      if (this.victim === this.t) this.victim = this.victim + 1 === this.p ? 0 : this.victim + 1;
      const head = stealHead(this.victim);
      const end = staticStart(this.ranged, this.p, this.victim + 1);
      const left = end - Atomics.load(i32, head);
      if (left <= 0) continue;
      const take = Math.max(1, Math.floor(left / (2 * this.p)));
      const k = Atomics.add(i32, head, take);
      if (k < end) {
        this.stolenNext = k + 1;
        this.stolenEnd = Math.min(k + take, end);
        this.victim = this.victim === 0 ? this.p - 1 : this.victim - 1;
        return k;
      }
    }
    if (this.claims++ === 0 && Atomics.compareExchange(i32, FINAL_CLAIMED, 0, 1) === 0) return this.ranged;
    return -1;
  }

  private lockedEnd = 0;

  /**
   * Dynamic (stealing too) and guided chunks of loops too long for an int32 counter: a spin lock
   * around a Float64 counter. Returns the chunk's start; its end is left in `lockedEnd`.
   */
  private claimLocked(): number {
    const { i32, f64 } = this.ctl!;
    while (Atomics.compareExchange(i32, BIG_LOCK, 0, 1) !== 0);
    const a = f64[F_BIG_NEXT]!;
    const size = this.kind !== KIND.guided ? this.chunk : a < this.n ? guidedSize(this.n, this.p, this.chunk, a) : 0;
    this.lockedEnd = Math.max(a, Math.min(a + size, this.n));
    f64[F_BIG_NEXT] = this.lockedEnd;
    Atomics.store(i32, BIG_LOCK, 0);
    return a;
  }

  /** Sets lo/hi (and the outer indices) for the next row of the current chunk. */
  private row(): boolean {
    const last = this.levels - 1;
    const inner = this.counts[last]!;
    const r = this.rowStart;
    const offset = this.levels === 1 ? r : r % inner;
    const end = this.levels === 1 ? this.chunkEnd : Math.min(this.chunkEnd, r - offset + inner);
    if (this.levels > 1) {
      let q = Math.floor(r / inner);
      for (let d = last - 1; d >= 0; d--) {
        const c = this.counts[d]!;
        this.index[d] = smallInt(this.lower[d]! + (q % c) * this.steps[d]!);
        q = Math.floor(q / c);
      }
    }
    this.rowBase = r - offset;
    this.lo = smallInt(this.lower[last]! + offset * this.step);
    this.hi = smallInt(this.lower[last]! + (offset + end - r) * this.step);
    this.rowStart = end;
    return true;
  }

  initial(slot: number): unknown {
    return this.initials[slot];
  }

  reduce(slot: number, value: unknown): void {
    this.setOutput(slot, value);
  }

  last(slot: number, value: unknown): void {
    if (this.ranLast) this.setOutput(slot, value);
  }

  lastAssigned(slot: number, value: unknown, position: number): void {
    if (position < 0) return;
    this.setOutput(slot, value);
    this.outPositions[slot] = position;
  }

  /** Output `slot`'s value, boxed if it is a number (for the paths that are not hot). */
  output(slot: number): unknown {
    return this.outKinds[slot] === NUMBER ? this.outNumbers[slot] : this.outValues[slot];
  }

  private setOutput(slot: number, value: unknown): void {
    if (typeof value === "number") {
      this.outNumbers[slot] = value;
      this.outKinds[slot] = NUMBER;
    } else {
      this.outValues[slot] = value;
      this.outKinds[slot] = OTHER;
    }
  }

  position(value: number): number {
    return this.rowBase + (value - this.lower[this.levels - 1]!) / this.step;
  }

  /**
   * `ordered` (SPEC §2): ORDERED_NEXT holds the logical iteration whose turn it is. A thread's
   * iterations from `orderedFrom` up to the one it is at are its own and done, so once it is
   * their turn it can hand the turn straight on: at an ordered block to the block's iteration,
   * and at the end of a chunk past the chunk. No hook runs at the end of every iteration.
   */
  private ordered = false;
  private orderedFrom = 0;
  private orderedAt = -1;

  orderedEnter(value: number): void {
    if (this.ctl === undefined || !this.ordered) return;
    const k = this.position(value);
    if (k === this.orderedAt) throw ompError("OrderedTwice", { iteration: this.valuesAt(k).join(", ") });
    this.passOrdered(k);
    this.orderedAt = k;
  }

  orderedExit(): void {
    if (this.ctl === undefined || !this.ordered) return;
    this.handOrdered(this.orderedAt + 1);
  }

  /** Waits for the turn of `orderedFrom`, then passes it to logical iteration `to`. */
  private passOrdered(to: number): void {
    const i32 = this.ctl!.i32;
    for (let spins = 0; ; spins++) {
      const turn = Atomics.load(i32, this.turnAt);
      if (turn === this.orderedFrom) break;
      if (Atomics.load(i32, CANCEL) !== 0) throw WAIT_CANCELLED;
      if (spins < 1000) continue;
      // Thread 0 checks, now and then, that the thread whose turn it is can still come (SPEC §7: no hang).
      if (this.watch !== undefined && spins % 100 === 0 && this.watch()) cancelTeam(i32);
      Atomics.add(i32, ORDERED_WAITERS, 1);
      Atomics.wait(i32, this.turnAt, turn, 1);
      Atomics.sub(i32, ORDERED_WAITERS, 1);
    }
    this.handOrdered(to);
  }

  /** Makes it logical iteration `to`'s turn, waking the threads waiting for a turn. */
  private handOrdered(to: number): void {
    const i32 = this.ctl!.i32;
    this.orderedFrom = to;
    Atomics.store(i32, this.turnAt, to);
    if (Atomics.load(i32, ORDERED_WAITERS) > 0) Atomics.notify(i32, this.turnAt);
  }

  /** The loop variables' values at logical iteration `k`, outermost first (for messages). */
  valuesAt(k: number): number[] {
    const out: number[] = [];
    let q = k;
    for (let d = this.levels - 1; d >= 0; d--) {
      const c = this.counts[d]!;
      out.unshift(this.lower[d]! + (d === 0 ? q : q % c) * this.steps[d]!);
      q = Math.floor(q / c);
    }
    return out;
  }

  /** The loop variables' values of the iteration the body last recorded in `at` (the innermost value). */
  currentValues(): number[] {
    return [...this.index, this.at];
  }
}
