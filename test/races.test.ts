import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { compileCase } from "./helpers/compile-case.js";
import { FIXTURES, findCases } from "./helpers/fixture-files.js";

/** The verdict tsomp gives a loop: an error, a warning, or nothing. */
type Verdict = "error" | "warning" | "clean";

/**
 * The race corpus (fixtures/races): each case starts with `// race: …` or `// no race: …`.
 * Every racy loop must get an error or a warning; no race-free loop may get an error. The test
 * prints the confusion matrix (and the goldens of each case are checked by fixtures.test.ts).
 */
it("race corpus: every race is reported, no race-free loop gets an error", () => {
  const rows: { name: string; racy: boolean; verdict: Verdict }[] = [];
  for (const name of findCases(path.join(FIXTURES, "races"))) {
    const dir = path.join(FIXTURES, name);
    const first = fs.readFileSync(path.join(dir, "input.ts"), "utf8").split("\n")[0]!;
    expect(first, `${name} is labelled`).toMatch(/^\/\/ (no )?race: /);
    const diagnostics = [...compileCase(dir).results.values()].flatMap((r) => r.diagnostics);
    const verdict: Verdict = diagnostics.some((d) => d.category === "error") ? "error" : diagnostics.some((d) => d.category === "warning") ? "warning" : "clean";
    rows.push({ name, racy: first.startsWith("// race:"), verdict });
  }
  const count = (racy: boolean, verdict: Verdict) => rows.filter((r) => r.racy === racy && r.verdict === verdict).length;
  console.log(
    [
      "race corpus          error  warning  clean",
      `racy (${count(true, "error") + count(true, "warning") + count(true, "clean")})`.padEnd(20) + `${count(true, "error")}`.padStart(6) + `${count(true, "warning")}`.padStart(9) + `${count(true, "clean")}`.padStart(7),
      `race-free (${count(false, "error") + count(false, "warning") + count(false, "clean")})`.padEnd(20) + `${count(false, "error")}`.padStart(6) + `${count(false, "warning")}`.padStart(9) + `${count(false, "clean")}`.padStart(7),
    ].join("\n"),
  );
  expect(rows.filter((r) => r.racy && r.verdict === "clean").map((r) => r.name), "races missed").toEqual([]);
  expect(rows.filter((r) => !r.racy && r.verdict === "error").map((r) => r.name), "false errors").toEqual([]);
  expect(rows.length).toBeGreaterThanOrEqual(20);
});
