import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { compileCase } from "./helpers/compile-case.js";
import { FIXTURES, findCases } from "./helpers/fixture-files.js";

/** The verdict tsomp gives a loop: a race reported (error or warning), rejected for another reason, or nothing. */
type Verdict = "error" | "warning" | "rejected" | "clean";

/** The codes of race verdicts: scalars written by every iteration (3001, 3013), proven (3031) and unproven (3032) races, dependences in simd loops (3033). */
const RACE_CODES = new Set([3001, 3013, 3031, 3032, 3033]);

/**
 * Race-free programs that tsomp rejects for a reason of its own, not as a race (docs/races.md):
 * a plain assignment to a reduction variable (OMP3008), a write through a plain array of typed
 * arrays (OMP3003), firstprivate of a module-level variable (OMP3020).
 */
const REJECTED = ["races/drb-121-reduction", "races/drb-196-diffusion2", "races/drb-198-prodcons"];

/**
 * The race corpus (fixtures/races: our own cases and DataRaceBench's, ported): each case starts
 * with `// race: …` or `// no race: …`. Every racy program must get an error or a warning; no
 * race-free program may get a race error. The test prints the confusion matrix (and the goldens
 * of each case are checked by fixtures.test.ts).
 */
it("race corpus: every race is reported, no race-free program gets a race error", () => {
  const rows: { name: string; racy: boolean; verdict: Verdict }[] = [];
  for (const name of findCases(path.join(FIXTURES, "races"))) {
    const dir = path.join(FIXTURES, name);
    const first = fs.readFileSync(path.join(dir, "input.ts"), "utf8").split("\n")[0]!;
    expect(first, `${name} is labelled`).toMatch(/^\/\/ (no )?race: /);
    const diagnostics = [...compileCase(dir).results.values()].flatMap((r) => r.diagnostics);
    const race = diagnostics.filter((d) => RACE_CODES.has(d.code));
    const verdict: Verdict = race.some((d) => d.category === "error")
      ? "error"
      : diagnostics.some((d) => d.category === "error")
        ? "rejected"
        : race.some((d) => d.category === "warning")
          ? "warning"
          : "clean";
    rows.push({ name, racy: first.startsWith("// race:"), verdict });
  }
  const line = (label: string, racy: boolean) => {
    const n = (v: Verdict) => rows.filter((r) => r.racy === racy && r.verdict === v).length;
    return `${label} (${rows.filter((r) => r.racy === racy).length})`.padEnd(20) + [n("error"), n("warning"), n("rejected"), n("clean")].map((c, k) => `${c}`.padStart([6, 9, 10, 7][k]!)).join("");
  };
  console.log(["race corpus          error  warning  rejected  clean", line("racy", true), line("race-free", false)].join("\n"));
  expect(rows.filter((r) => r.racy && r.verdict === "clean").map((r) => r.name), "races missed").toEqual([]);
  expect(rows.filter((r) => !r.racy && r.verdict === "error").map((r) => r.name), "false errors").toEqual([]);
  expect(rows.filter((r) => !r.racy && r.verdict === "rejected").map((r) => r.name), "race-free programs rejected").toEqual(REJECTED);
  expect(rows.length).toBeGreaterThanOrEqual(150);
});
