import { ompWarning } from "./errors.js";

/** A schedule as omp_get_schedule and OMP_SCHEDULE describe it. */
export interface RuntimeSchedule {
  readonly kind: "static" | "dynamic" | "guided" | "auto";
  /** The chunk size; 0 means the kind's default. */
  readonly chunk: number;
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
  const m = /^\s*(?:(?:monotonic|nonmonotonic)\s*:\s*)?(static|dynamic|guided|auto)\s*(?:,\s*(\d+)\s*)?$/i.exec(value);
  const chunk = m?.[2] === undefined ? 0 : Number(m[2]);
  if (m && chunk >= 0 && !(m[1]!.toLowerCase() === "auto" && m[2] !== undefined)) {
    return { kind: m[1]!.toLowerCase() as RuntimeSchedule["kind"], chunk };
  }
  ompWarning("BadEnvironment", { name: "OMP_SCHEDULE", value, expected: "[modifier:]kind[,chunk] with kind static, dynamic, guided or auto" });
  return undefined;
}

/** The wait policy: how long idle threads spin before they park (OMP_WAIT_POLICY). */
export function spinIterations(policy: string | undefined, oversubscribed: boolean): number {
  const p = policy?.trim().toLowerCase();
  if (p === "passive") return 0;
  if (p === "active") return oversubscribed ? 20_000 : 50_000_000;
  if (p !== undefined && p !== "") ompWarning("BadEnvironment", { name: "OMP_WAIT_POLICY", value: policy!, expected: "active or passive" });
  return oversubscribed ? 2_000 : 200_000;
}
