import { ompWarning } from "./errors.js";

/** A schedule as omp_get_schedule and OMP_SCHEDULE describe it. */
export interface RuntimeSchedule {
  readonly kind: "static" | "dynamic" | "guided" | "auto";
  /** The chunk size; 0 means the kind's default. */
  readonly chunk: number;
  /** True for the `nonmonotonic:` modifier: `dynamic` then steals work. */
  readonly nonmonotonic?: boolean;
}

/** Parses OMP_NUM_THREADS (its first entry, as for the outermost level); warns and returns undefined if invalid. */
export function parseNumThreads(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const first = value.split(",")[0]!.trim();
  const n = Number(first);
  if (/^\d+$/.test(first) && n >= 1) return n;
  ompWarning("BadEnvironment", { name: "OMP_NUM_THREADS", value, expected: "a positive integer" });
  return undefined;
}

/** Parses OMP_SCHEDULE, `[monotonic:|nonmonotonic:]kind[,chunk]`; warns and returns undefined if invalid. */
export function parseSchedule(value: string | undefined): RuntimeSchedule | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const m = /^\s*(?:(monotonic|nonmonotonic)\s*:\s*)?(static|dynamic|guided|auto)\s*(?:,\s*(\d+)\s*)?$/i.exec(value);
  const chunk = m?.[3] === undefined ? 0 : Number(m[3]);
  if (m && chunk >= 0 && !(m[2]!.toLowerCase() === "auto" && m[3] !== undefined)) {
    const kind = m[2]!.toLowerCase() as RuntimeSchedule["kind"];
    return m[1]?.toLowerCase() === "nonmonotonic" ? { kind, chunk, nonmonotonic: true } : { kind, chunk };
  }
  ompWarning("BadEnvironment", { name: "OMP_SCHEDULE", value, expected: "[modifier:]kind[,chunk] with kind static, dynamic, guided or auto" });
  return undefined;
}

/** OMP_WAIT_POLICY: `active` (spin long), `passive` (park at once), or undefined (tsomp's default). */
export type WaitPolicy = "active" | "passive" | undefined;

/** Parses OMP_WAIT_POLICY, case-insensitively; warns and returns undefined if invalid. */
export function parseWaitPolicy(value: string | undefined): WaitPolicy {
  const p = value?.trim().toLowerCase();
  if (p === undefined || p === "") return undefined;
  if (p === "active" || p === "passive") return p;
  ompWarning("BadEnvironment", { name: "OMP_WAIT_POLICY", value: value!, expected: "active or passive" });
  return undefined;
}

/** How many times an idle thread checks for work before it parks, under `policy`, alone on its core or not (`oversubscribed`). */
export function spinIterations(policy: WaitPolicy, oversubscribed: boolean): number {
  if (policy === "passive") return 0;
  if (policy === "active") return oversubscribed ? 20_000 : 50_000_000;
  return oversubscribed ? 2_000 : 200_000;
}
