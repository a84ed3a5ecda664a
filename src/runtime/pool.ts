import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { allocateAreas, areaViews, type AreaViews, type Areas, valueCapacity } from "./areas.js";
import { BufferRegistry } from "./buffer-registry.js";
import { criticalWordsFrom } from "./critical.js";
import { EncodedViews } from "./encoded-views.js";
import { BOOTING, CONTROL_BYTES, DEAD, DEATHS, DONE, DOOR, MAX_WORKERS, MESSAGE, PARKED, STATE, controlViews, workerBase, type Control } from "./control.js";
import { spinIterations } from "./env.js";
import { ompError } from "./errors.js";
import runtimeFiles from "./runtime-files.cjs";
import { availableParallelism, state } from "./state.js";
import type { FromWorker, ToWorker } from "./value-tags.js";

/** Thread 0's handle on one worker. */
export interface WorkerHandle {
  readonly w: number;
  readonly worker: Worker;
  readonly port: MessagePort;
  /** Buffer ids this worker has received. */
  readonly buffers: Set<number>;
  /** Module ids this worker has received. */
  readonly modules: Set<number>;
  /** The areas this worker was last sent. */
  areas: Areas;
  /** Messages to post before the next doorbell. */
  readonly outbox: ToWorker[];
  /** How many messages have been posted to this worker in all. */
  posted: number;
  /** When the worker was created (performance.now()), to notice one that never starts. */
  readonly started: number;
}

/**
 * The persistent team of worker threads that thread 0 (the caller) forks regions onto. Workers
 * are created on first need, reused for every region, replaced when they die, and unref'd so
 * that they never keep the process alive.
 */
export class Pool {
  readonly ctl: Control = controlViews(new SharedArrayBuffer(CONTROL_BYTES));
  readonly registry = new BufferRegistry();
  /** Which shared arrays the values area holds, so that a region passing the same ones skips encoding them. */
  readonly encoded = new EncodedViews();
  areas: Areas = allocateAreas(16, 4);
  views: AreaViews = areaViews(this.areas);
  private capacity = valueCapacity(this.areas);
  /** The doorbell value of the current region (it only ever grows). */
  generation = 0;
  /** Scratch list of the current region's structured-clone values. */
  readonly messages: unknown[] = [];
  private readonly handles: (WorkerHandle | undefined)[] = [];

  private readonly cores = availableParallelism();
  private readonly spin = spinIterations(state.waitPolicy, false);
  private readonly crowdedSpin = spinIterations(state.waitPolicy, true);

  /**
   * How long thread 0 spins at a join before it parks, when `running` threads (itself included)
   * took part in the region (OMP_WAIT_POLICY, read once): long while each has a core, briefly
   * when they outnumber the cores, so as not to take a core from a thread still working.
   */
  joinSpin(running: number): number {
    return running > this.cores ? this.crowdedSpin : this.spin;
  }

  /** Workers 1..healthy were started and none had died when last checked, with `deathsSeen` deaths in all. */
  private healthy = 0;
  private deathsSeen = 0;
  /** Counts the workers started so far (a module or buffer sent to every worker before is not sent to a new one). */
  epoch = 0;

  /** Makes sure workers 1..count exist and are alive, starting or replacing them as needed. */
  ensure(count: number): void {
    if (count <= this.healthy && Atomics.load(this.ctl.i32, DEATHS) === this.deathsSeen) return;
    if (count > MAX_WORKERS) throw ompError("BadRuntimeArgument", { fn: "parallel region", detail: `a team can have at most ${MAX_WORKERS + 1} threads` });
    const deaths = Atomics.load(this.ctl.i32, DEATHS);
    for (let w = 1; w <= count; w++) {
      const h = this.handles[w];
      if (!h || Atomics.load(this.ctl.i32, workerBase(w) + STATE) === DEAD) this.handles[w] = this.spawn(w);
    }
    this.healthy = deaths === this.deathsSeen ? Math.max(this.healthy, count) : count;
    this.deathsSeen = deaths;
  }

  /** Starts workers 1..count if none has been started yet (the first registered module calls this). */
  prestart(count: number): void {
    if (this.handles.length === 0) this.ensure(Math.min(count, MAX_WORKERS));
  }

  /** Calls `f` for every worker started so far. */
  forEachHandle(f: (h: WorkerHandle) => void): void {
    for (const h of this.handles) if (h) f(h);
  }

  /** The handle of worker `w` (which `ensure` has started). */
  handle(w: number): WorkerHandle {
    return this.handles[w]!;
  }

  /** True when worker `w` has died (its exit handler says so). */
  isDead(w: number): boolean {
    return Atomics.load(this.ctl.i32, workerBase(w) + STATE) === DEAD;
  }

  /**
   * Workers of a team of `workers` that were started more than the boot timeout ago and never
   * came up (something failed before their code ran: a broken --import, no threads left). They
   * are marked dead and stopped, so that the next region starts fresh ones.
   */
  stuck(workers: number): number[] {
    const out: number[] = [];
    const limit = bootTimeout();
    for (let w = 1; w <= workers; w++) {
      const h = this.handles[w]!;
      if (Atomics.load(this.ctl.i32, workerBase(w) + STATE) !== BOOTING || performance.now() - h.started < limit) continue;
      Atomics.store(this.ctl.i32, workerBase(w) + STATE, DEAD);
      this.healthy = 0;
      void h.worker.terminate();
      out.push(w);
    }
    return out;
  }

  /** True when a worker of a team of `workers` is overdue to boot (see `stuck`, which also stops it). */
  bootOverdue(workers: number): boolean {
    const limit = bootTimeout();
    for (let w = 1; w <= workers; w++) {
      if (Atomics.load(this.ctl.i32, workerBase(w) + STATE) === BOOTING && performance.now() - this.handles[w]!.started >= limit) return true;
    }
    return false;
  }

  /** The error a dead worker posted before it exited (packed), if it posted one. */
  lastWords(w: number): unknown {
    const port = this.handles[w]!.port;
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      const message = m.message as FromWorker;
      if (message.t === "fatal") return message.error;
    }
    return undefined;
  }

  /** How many workers have died so far. */
  deaths(): number {
    return Atomics.load(this.ctl.i32, DEATHS);
  }

  /** Grows the shared areas to hold `values` values and `slots` outputs; workers get the new ones with their next region. */
  ensureAreas(values: number, slots: number): void {
    if (this.capacity >= values && this.areas.slots >= slots) return;
    this.areas = allocateAreas(Math.max(values, this.capacity * 2), Math.max(slots, this.areas.slots));
    this.encoded.clear();
    this.views = areaViews(this.areas);
    this.capacity = valueCapacity(this.areas);
  }

  /**
   * How many parked workers a region of a team of `workers` workers and thread 0 should wake:
   * all of them, unless the team has more threads than there are cores and the region has a gate
   * (dynamic or guided, which do not need every thread). Then only enough to keep every core busy
   * counting the workers still spinning: a thread woken beyond that can only take a core from one
   * that is working, and the kernel's wake-up costs tens of microseconds besides. A worker left
   * parked misses the region; the gate lets the join go on without it.
   */
  wakesFor(workers: number, gated: boolean): number {
    if (!gated || workers + 1 <= this.cores) return workers;
    let spinning = 0;
    for (let w = 1; w <= workers; w++) if (Atomics.load(this.ctl.i32, workerBase(w) + PARKED) === 0) spinning++;
    return Math.max(0, this.cores - 1 - spinning);
  }

  /**
   * Posts worker `w`'s pending messages, then rings its doorbell: the current generation times two,
   * plus one when the region's gate may close early (the worker must pass the gate then). Wakes
   * the worker if it is parked and `wake` is true; returns whether it woke it.
   */
  ring(w: number, closable: boolean, wake: boolean): boolean {
    const h = this.handles[w]!;
    const base = workerBase(w);
    if (h.areas !== this.areas) {
      h.outbox.unshift({ t: "areas", values: this.areas.values, results: this.areas.results, slots: this.areas.slots });
      h.areas = this.areas;
    }
    if (h.outbox.length > 0) {
      for (const message of h.outbox) h.port.postMessage(message);
      h.posted += h.outbox.length;
      this.ctl.i32[base + MESSAGE] = h.posted;
      h.outbox.length = 0;
    }
    Atomics.store(this.ctl.i32, base + DOOR, this.generation * 2 + (closable ? 1 : 0));
    if (!wake || Atomics.load(this.ctl.i32, base + PARKED) === 0) return false;
    Atomics.notify(this.ctl.i32, base + DOOR, 1);
    return true;
  }

  private spawn(w: number): WorkerHandle {
    this.encoded.clear();
    this.epoch++;
    const base = workerBase(w);
    Atomics.store(this.ctl.i32, base + STATE, 0);
    Atomics.store(this.ctl.i32, base + PARKED, 0);
    Atomics.store(this.ctl.i32, base + DOOR, this.generation * 2);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(runtimeFiles.workerUrl, {
      workerData: {
        control: this.ctl.sab, w, port: port2, waitPolicy: state.waitPolicy, values: this.areas.values, results: this.areas.results, slots: this.areas.slots, door: this.generation * 2,
        exit: { stateIndex: base + STATE, deathsIndex: DEATHS, doneIndex: DONE, dead: DEAD },
      },
      transferList: [port2],
    });
    worker.unref();
    worker.on("error", () => {});
    Atomics.store(this.ctl.i32, base + MESSAGE, 0);
    return { w, worker, port: port1, buffers: new Set(), modules: new Set(), areas: this.areas, outbox: [], posted: 0, started: performance.now() };
  }
}

/** How long a new worker may take to start before a region gives up on it: TSOMP_BOOT_TIMEOUT ms, default 20 s. */
function bootTimeout(): number {
  const ms = Number(process.env.TSOMP_BOOT_TIMEOUT);
  return Number.isFinite(ms) && ms > 0 ? ms : 20_000;
}

let pool: Pool | undefined;

/** The process's pool, created on first use. */
export function thePool(): Pool {
  pool ??= new Pool();
  return pool;
}

criticalWordsFrom(() => thePool().ctl.i32);
