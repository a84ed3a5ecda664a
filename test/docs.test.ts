import path from "node:path";
import { expect, it } from "vitest";
import { formatCode, Messages } from "../src/diagnostics/messages.js";
import { ROOT } from "./helpers/fixture-files.js";

/** Sample arguments that make every message template readable in the table. */
const sample = new Proxy({}, { get: (_, key) => `{${String(key)}}` });

it("docs/diagnostics.md lists every catalog entry (regenerate with vitest -u)", async () => {
  const bands = [[1000, "Directive syntax and placement"], [2000, "Loop shape and control flow"], [3000, "Data sharing"], [4000, "Run time (thrown or warned by tsomp/runtime)"]] as const;
  const lines = ["# Diagnostics", "", "Every message tsomp shows has a stable code. Errors stop emission for their file (compile time) or throw (run time);", "warnings and notes do not. Generated from `src/diagnostics/messages.ts` by `test/docs.test.ts`.", ""];
  for (const [band, title] of bands) {
    lines.push(`## ${title}`, "", "| code | category | message |", "|---|---|---|");
    for (const [key, m] of Object.entries(Messages)) {
      if (m.code < band || m.code >= band + 1000) continue;
      const text = (m.text as (a: unknown) => string)(sample).replace(/\|/g, "\\|");
      lines.push(`| ${formatCode(m.code)} <br> ${key} | ${m.category} | ${text} |`);
    }
    lines.push("");
  }
  await expect(lines.join("\n")).toMatchFileSnapshot(path.join(ROOT, "docs", "diagnostics.md"));
});
