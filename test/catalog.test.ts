import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatCode, Messages } from "../src/diagnostics/messages.js";
import { FIXTURES, ROOT } from "./helpers/fixture-files.js";

const entries = Object.entries(Messages);

/** All text of the golden diagnostics files under `dir`. */
function goldenText(dir: string): string {
  if (!fs.existsSync(dir)) return "";
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === "diagnostics.txt")
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), "utf8"))
    .join("\n");
}

/** All text of the test files (run-time codes are checked by tests rather than golden fixtures). */
function testText(): string {
  const dir = path.join(ROOT, "test");
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), "utf8"))
    .join("\n");
}

describe("diagnostics catalog", () => {
  it("has unique codes in increasing order", () => {
    const codes = entries.map(([, m]) => m.code);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("puts each code in the band of its kind (SPEC §8)", () => {
    for (const [, m] of entries) expect(m.code >= 1000 && m.code < 5000).toBe(true);
  });

  const goldens = goldenText(FIXTURES);
  const tests = testText();
  for (const [key, m] of entries) {
    const code = formatCode(m.code);
    if (m.code < 4000) it(`${code} ${key} has a fixture`, () => expect(goldens).toContain(` ${code}: `));
    else it(`${code} ${key} is checked by a test`, () => expect(tests).toContain(code));
  }
});
