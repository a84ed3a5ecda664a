import { it } from "vitest";
import { parse, loop, summarize, clauseText, statementKinds } from "./helpers.js";
const dirs = process.env.PROBE_DIRS ? JSON.parse(process.env.PROBE_DIRS) : [];
const srcs = process.env.PROBE_SRCS ? JSON.parse(process.env.PROBE_SRCS) : [];
it("probe", () => {
  for (const d of dirs) {
    const p = parse(loop(d));
    console.log(JSON.stringify(d), "=>", JSON.stringify(summarize(p)), p.diagnostics.map(x=>x.category[0]+":"+x.message).join(" | "), "::", JSON.stringify(p.directives.map(x=>x.clauses.map(clauseText))));
  }
  for (const s of srcs) {
    const p = parse(s);
    console.log(JSON.stringify(s), "=>", JSON.stringify(summarize(p)), p.diagnostics.map(x=>x.message).join(" | "), "::", JSON.stringify(statementKinds(p)), JSON.stringify(p.comments.map(c=>c.text)));
  }
});
