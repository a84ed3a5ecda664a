import type { ArrayReductionInfo, LoopInfo, OutputInfo, Region, RegionBody, RegionInfo } from "./abi.js";
import { combinerOf, numericOperator, type Combiner } from "./combine.js";
import type { ModuleRecord } from "./modules.js";

/** Scratch arrays one invocation of a region fills: the call's values, the body's arguments, the outputs. */
export interface Frame {
  readonly values: unknown[];
  readonly args: unknown[];
  readonly out: unknown[];
}

/**
 * A region as the runtime keeps it: the compiler's info and body, the positions of each kind of
 * value in a call (see RegionInfo), and reusable scratch space. Each thread has its own records
 * (each thread evaluates the module's factory), so the scratch space is never shared.
 */
export class RegionRecord implements Region {
  readonly levels: number;
  /** The worksharing loops of a `parallel` block (none for a `parallel for`). */
  readonly loops: readonly LoopInfo[];
  /** The typed arrays the region reduces element by element. */
  readonly arrays: readonly ArrayReductionInfo[];
  readonly ifAt: number;
  readonly numThreadsAt: number;
  readonly chunkAt: number;
  readonly boundsAt: number;
  readonly outputsAt: number;
  readonly capturesAt: number;
  readonly valueCount: number;
  readonly outputs: readonly OutputInfo[];
  readonly outputNames: readonly string[];
  readonly combiners: readonly (Combiner | undefined)[];
  /** Per output, the numeric operator code of a `number` reduction (see combineNumbers), or −1. */
  readonly numericOps: readonly number[];
  readonly frame: Frame;
  busy = false;
  /** Thread 0's record of the module the region belongs to, looked up on the region's first run on a team. */
  module: ModuleRecord | undefined;
  /** Set once the copy-in warning for this region has been shown. */
  warned = false;
  /** Shared buffers reused for copying in each capture that is not on shared memory. */
  readonly copies: (SharedArrayBuffer | undefined)[];
  /** The arrays copied in for the region being run, by capture, to copy back at the join. */
  readonly originals: (ArrayBufferView | undefined)[];

  constructor(
    readonly info: RegionInfo,
    readonly body: RegionBody,
  ) {
    let at = 0;
    const take = (present: boolean | undefined) => (present ? at++ : -1);
    this.ifAt = take(info.if);
    this.numThreadsAt = take(info.numThreads);
    this.chunkAt = take(info.chunk === "arg");
    this.levels = info.vars?.length ?? 0;
    this.loops = info.loops ?? [];
    this.arrays = info.arrays ?? [];
    this.boundsAt = at;
    at += 3 * this.levels;
    this.outputs = info.outputs ?? [];
    this.outputsAt = at;
    at += this.outputs.length;
    this.capturesAt = at;
    this.valueCount = at + info.captures.length;
    this.outputNames = this.outputs.map((o) => o.name);
    this.combiners = this.outputs.map(combinerOf);
    this.numericOps = this.outputs.map(numericOperator);
    this.copies = info.captures.map(() => undefined);
    this.originals = info.captures.map(() => undefined);
    this.frame = this.newFrame();
  }

  /** Fresh scratch space, for a region entered again while it is running (recursion through nested regions). */
  newFrame(): Frame {
    return {
      values: new Array<unknown>(this.valueCount).fill(undefined),
      args: new Array<unknown>(1 + this.info.captures.length).fill(undefined),
      out: new Array<unknown>(this.outputs.length).fill(undefined),
    };
  }
}
