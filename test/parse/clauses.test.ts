import { describe, expect, it } from "vitest";
import {
  clauseText,
  expectClauses,
  expectDiagnostics,
  expectError,
  expectWarning,
  FOR,
  loop,
  parse,
  render,
  summarize,
  underlined,
} from "./helpers.js";

// Directive names and clauses (src/2-parse), SPEC §2 and §4. Every case is written as the text after
// `// @omp `, above a canonical loop. Errors name their code and the exact text they underline,
// which must lie inside the comment; `«…»` marks the span where the text alone would be ambiguous.

describe("schedule", () => {
  it("static", () => expectClauses("parallel for schedule(static)", ["schedule(static)"]));
  it("dynamic with a chunk", () => expectClauses("parallel for schedule(dynamic, 4)", ["schedule(dynamic,4)"]));
  it("guided with an expression chunk", () => expectClauses("parallel for schedule(guided, n / 4)", ["schedule(guided,n / 4)"]));
  it("a conditional chunk", () => expectClauses("parallel for schedule(dynamic, a ? b : c)", ["schedule(dynamic,a ? b : c)"]));
  it("a call chunk with a comma inside", () => expectClauses("parallel for schedule(static, Math.max(a, 1))", ["schedule(static,Math.max(a, 1))"]));
  it("auto", () => expectClauses("parallel for schedule(auto)", ["schedule(auto)"]));
  it("runtime", () => expectClauses("parallel for schedule(runtime)", ["schedule(runtime)"]));
  it("monotonic modifier", () => expectClauses("parallel for schedule(monotonic: dynamic)", ["schedule(monotonic:dynamic)"]));
  it("nonmonotonic modifier with a chunk", () => expectClauses("parallel for schedule(nonmonotonic:guided, 2)", ["schedule(nonmonotonic:guided,2)"]));
  it("the simd modifier is accepted", () => expectClauses("parallel for schedule(simd: static)", ["schedule(static)"]));
  it("chunk literal value", () => {
    const d = expectClauses("parallel for schedule(static, 0x10)", ["schedule(static,0x10)"]);
    const c = d.clauses[0]!;
    expect(c.kind === "schedule" && c.chunk?.literal).toBe(16);
  });

  it("chunk with auto", () => expectError("parallel for schedule(auto, 4)", "OMP1010", "4", "schedule(auto) takes no chunk size: the runtime chooses the chunks."));
  it("chunk with runtime", () => expectError("parallel for schedule(runtime, 2)", "OMP1010", "2", "the chunk comes from OMP_SCHEDULE"));
  it("chunk 0", () => expectError("parallel for schedule(static, 0)", "OMP1011", "0", "The chunk size must be a positive integer; '0' is not."));
  it("chunk -1", () => expectError("parallel for schedule(dynamic, -1)", "OMP1011", "-1"));
  it("chunk 0 with guided", () => expectError("parallel for schedule(guided, 0)", "OMP1011", "0"));
  it("a non-integer chunk literal", () => expectError("parallel for schedule(dynamic, 1.5)", "OMP1011", "1.5"));
  it("unknown kind with a suggestion", () => expectError("parallel for schedule(statc)", "OMP1009", "statc", "Did you mean 'static'?"));
  it("unknown modifier", () => expectError("parallel for schedule(foo: static)", "OMP1012", "foo", "expected 'monotonic' or 'nonmonotonic'"));
  it("conflicting modifiers", () => expectError("parallel for schedule(monotonic, nonmonotonic: static)", "OMP1024", "nonmonotonic", "'nonmonotonic' cannot be combined with 'monotonic'."));
  it("nonmonotonic with ordered", () => expectError("parallel for schedule(nonmonotonic: dynamic) ordered", "OMP1024", "schedule", "'schedule(nonmonotonic: …)' cannot be combined with 'ordered'."));
  it("empty", () => expectError("parallel for schedule(«)»", "OMP1007", undefined, /^Expected a schedule kind .* but found '\)'\.$/));
  it("no parenthesis", () => expectError("parallel for schedule static", "OMP1007", "static", "Expected '(' after 'schedule' but found 'static'."));
  it("missing ')'", () => expectError("parallel for schedule(static«»", "OMP1007", undefined, "Expected ')' to close 'schedule(' but found the end of the directive."));
  it("empty chunk", () => expectError("parallel for schedule(static, «»)", "OMP1007", undefined, "Expected an expression in 'schedule' but found ')'."));
  it("malformed chunk expression", () => expectError("parallel for schedule(static, n +)", "OMP1016", "n +", "'n +' is not a valid expression for 'schedule'."));
});

describe("num_threads and if", () => {
  it("num_threads literal", () => expectClauses("parallel for num_threads(4)", ["num_threads(4)"]));
  it("num_threads expression", () => expectClauses("parallel for num_threads(f(a, b) / 2)", ["num_threads(f(a, b) / 2)"]));
  it("num_threads string with a parenthesis", () => expectClauses('parallel for num_threads(Number(")"))', ['num_threads(Number(")"))']));
  it("num_threads 0", () => expectError("parallel for num_threads(0)", "OMP1011", "0", "The number of threads must be a positive integer; '0' is not."));
  it("num_threads -2", () => expectError("parallel for num_threads(-2)", "OMP1011", "-2"));
  it("num_threads 1.5", () => expectError("parallel for num_threads(1.5)", "OMP1011", "1.5"));
  it("num_threads with two arguments", () => expectError("parallel for num_threads(4, 5)", "OMP1007", ",", "Expected ')' to close 'num_threads(' but found ','."));
  it("num_threads malformed", () => expectError("parallel for num_threads(n +* 2)", "OMP1016", "n +* 2"));
  it("num_threads unbalanced", () => expectError("parallel for num_threads((n)«»", "OMP1007", undefined, "found the end of the directive"));
  it("if", () => expectClauses("parallel for if(n > 1000)", ["if(n > 1000)"]));
  it("if with the parallel modifier", () => expectClauses("parallel for if(parallel: n > 1000)", ["if(n > 1000)"]));
  it("if with a spaced modifier", () => expectClauses("parallel for if(parallel : n > 1)", ["if(n > 1)"]));
  it("if with a conditional", () => expectClauses("parallel for if(a ? b : c)", ["if(a ? b : c)"]));
  it("if with a wrong modifier", () => expectError("parallel for if(simd: n > 1)", "OMP1012", "simd", "'simd' is not a modifier of 'if': expected 'parallel'."));
  it("if empty", () => expectError("parallel for if(«)»", "OMP1007", undefined, "Expected an expression in 'if' but found ')'."));
  it("if with the modifier only", () => expectError("parallel for if(parallel: «)»", "OMP1007"));
  it("if malformed", () => expectError("parallel for if(x::y)", "OMP1016", "x::y"));
});

describe("data-sharing clauses", () => {
  it("private", () => expectClauses("parallel for private(x, y)", ["private(x,y)"]));
  it("firstprivate", () => expectClauses("parallel for firstprivate(a)", ["firstprivate(a)"]));
  it("shared", () => expectClauses("parallel for shared(arr)", ["shared(arr)"]));
  it("lastprivate", () => expectClauses("parallel for lastprivate(x)", ["lastprivate(x)"]));
  it("lastprivate conditional", () => expectClauses("parallel for lastprivate(conditional: x, y)", ["lastprivate(conditional:x,y)"]));
  it("identifier characters", () => expectClauses("parallel for private($x, _y, x1)", ["private($x,_y,x1)"]));
  it("generous white space", () => expectClauses("parallel  for   private(  x ,y  )", ["private(x,y)"]));
  it("the same clause twice is fine", () => expectClauses("parallel for private(x) private(y)", ["private(x)", "private(y)"]));
  it("all of them", () =>
    expectClauses("parallel for default(none) private(x) shared(a) firstprivate(b) lastprivate(c) reduction(+:s)", [
      "default(none)", "private(x)", "shared(a)", "firstprivate(b)", "lastprivate(c)", "reduction(+:s)",
    ]));
  it("variable spans point at the names", () => {
    const p = parse(loop("parallel for private(alpha, beta)"));
    const c = p.directives[0]!.clauses[0]!;
    expect(c.kind === "private" && c.variables.map((v) => underlined(p.text, v.span))).toEqual(["alpha", "beta"]);
    expect(underlined(p.text, c.span)).toBe("private(alpha, beta)");
  });
  it("lastprivate with a wrong modifier", () => expectError("parallel for lastprivate(cond: x)", "OMP1012", "cond", "expected 'conditional'"));
  it("empty list", () => expectError("parallel for private(«)»", "OMP1007", undefined, "Expected a variable name in 'private' but found ')'."));
  it("trailing comma", () => expectError("parallel for firstprivate(x,«)»", "OMP1007"));
  it("a number", () => expectError("parallel for shared(1)", "OMP1007", "1"));
  it("an element", () => expectError("parallel for private(a[0])", "OMP1007", "[", "(private takes plain variable names)"));
  it("a property", () => expectError("parallel for lastprivate(o.x)", "OMP1007", "."));
  it("missing comma", () => expectError("parallel for private(x y)", "OMP1007", "y", "Expected ')' to close 'private(' but found 'y'."));
  it("missing ')'", () => expectError("parallel for private(x«»", "OMP1007", undefined, "found the end of the directive"));
  it("missing '('", () => expectError("parallel for private x", "OMP1007", "x", "Expected '(' after 'private' but found 'x'."));
});

describe("reduction", () => {
  for (const op of ["+", "*", "&", "|", "^", "&&", "||", "max", "min"]) {
    it(`operator ${op}`, () => expectClauses(`parallel for reduction(${op}:s)`, [`reduction(${op}:s)`]));
  }
  it("white space and several variables", () => expectClauses("parallel for reduction( + : a , b )", ["reduction(+:a,b)"]));
  it("two reductions", () => expectClauses("parallel for reduction(+:s) reduction(max:m)", ["reduction(+:s)", "reduction(max:m)"]));
  it("the default modifier", () => expectClauses("parallel for reduction(default, +: s)", ["reduction(+:s)"]));
  it("- is deprecated", () => expectWarning("parallel for reduction(-:d)", "warning", "OMP1014", "-", ["reduction(-:d)"], "Write 'reduction(+: …)' instead."));
  it("inscan modifier", () => expectError("parallel for reduction(inscan, +: s)", "OMP1012", "inscan", "inscan and task reductions are not supported"));
  it("task modifier", () => expectError("parallel for reduction(task, +: s)", "OMP1012", "task"));
  it("array section", () => expectError("parallel for reduction(+: a[0:n])", "OMP1022", "a[0:n]", "'a[0:n]': reductions over typed arrays and array sections are not supported yet"));
  it("array section after a scalar", () => expectError("parallel for reduction(max: m, hist[lo:len])", "OMP1022", "hist[lo:len]"));
  it("unknown symbol operator", () => expectError("parallel for reduction(%: s)", "OMP1013", "%", "Unknown reduction operator '%': expected one of + * - & | ^ && || max min."));
  it("unknown word operator", () => expectError("parallel for reduction(avg: s)", "OMP1013", "avg", "Unknown reduction operator 'avg'"));
  it("maximum is not max", () => expectError("parallel for reduction(maximum: s)", "OMP1013", "maximum"));
  it("** is not *", () => expectError("parallel for reduction(**: s)", "OMP1013", "**", "Unknown reduction operator '**'"));
  it("missing operator", () => expectError("parallel for reduction(«:» s)", "OMP1013"));
  it("missing ':'", () => expectError("parallel for reduction(+ s)", "OMP1007", "s", "Expected ':' after the reduction operator '+' but found 's'."));
  it("missing ':' after max", () => expectError("parallel for reduction(max s)", "OMP1007", "s", "after the reduction operator 'max'"));
  it("missing variable", () => expectError("parallel for reduction(+:«)»", "OMP1007", undefined, "Expected a variable name in 'reduction' but found ')'."));
  it("missing ')'", () => expectError("parallel for reduction(+:s«»", "OMP1007"));
});

describe("default, collapse, ordered, nowait, proc_bind", () => {
  it("default(shared)", () => expectClauses("parallel for default(shared)", ["default(shared)"]));
  it("default(none)", () => expectClauses("parallel for default(none)", ["default(none)"]));
  it("default(private)", () => expectError("parallel for default(private)", "OMP1015", "private", "default(private): expected 'shared' or 'none'."));
  it("default(bad)", () => expectError("parallel for default(bad)", "OMP1015", "bad"));
  it("default()", () => expectError("parallel for default(«)»", "OMP1007", undefined, "Expected 'shared' or 'none' but found ')'."));
  it("collapse(2)", () => expectClauses("parallel for collapse(2)", ["collapse(2)"]));
  it("collapse with spaces", () => expectClauses("parallel for collapse( 3 )", ["collapse(3)"]));
  it("collapse(0)", () => expectError("parallel for collapse(0)", "OMP1011", "0", "The collapse depth (an integer literal) must be a positive integer; '0' is not."));
  it("collapse(-1)", () => expectError("parallel for collapse(-1)", "OMP1011", "-1"));
  it("collapse(n)", () => expectError("parallel for collapse(n)", "OMP1011", "n"));
  it("collapse(1+1)", () => expectError("parallel for collapse(1+1)", "OMP1011", "1+1"));
  it("collapse()", () => expectError("parallel for collapse(«)»", "OMP1007", undefined, "but found ')'"));
  it("ordered", () => expectClauses("parallel for ordered", ["ordered"]));
  it("ordered(n)", () => expectError("parallel for ordered(2)", "OMP1005", "ordered", "doacross loops (ordered(n)) are not supported."));
  it("nowait", () => expectError("parallel for nowait", "OMP1005", "nowait", "Clause 'nowait' is not allowed on 'parallel for': a parallel region always ends by joining its threads."));
  it("nowait(1)", () => expectError("parallel for nowait(1)", "OMP1005", "nowait", "it takes no argument."));
  for (const value of ["primary", "master", "close", "spread"]) {
    it(`proc_bind(${value}) is a note`, () =>
      expectWarning(`parallel for proc_bind(${value})`, "note", "OMP1017", `proc_bind(${value})`, [`proc_bind(${value})`], "proc_bind has no effect"));
  }
  it("proc_bind(near)", () => expectError("parallel for proc_bind(near)", "OMP1023", "near", "proc_bind(near): expected primary, master, close or spread."));
  it("proc_bind()", () => expectError("parallel for proc_bind(«)»", "OMP1007"));
});

describe("simd", () => {
  it("parallel for simd", () => {
    const d = expectClauses("parallel for simd", []);
    expect(d.name).toBe("parallel for simd");
  });
  it("all hints", () =>
    expectClauses("parallel for simd safelen(4) simdlen(8) aligned(a, b: 64) nontemporal(a, b) reduction(+:s)", [
      "safelen", "simdlen", "aligned", "nontemporal", "reduction(+:s)",
    ]));
  it("loop clauses on the simd form", () => expectClauses("parallel for simd private(x) schedule(static, 8)", ["private(x)", "schedule(static,8)"]));
  it("safelen without simd", () => expectError("parallel for safelen(4)", "OMP1004", "safelen", "Unknown clause 'safelen' on 'parallel for'."));
  it("simdlen without simd", () => expectError("parallel for simdlen(4)", "OMP1004", "simdlen"));
  it("aligned without simd", () => expectError("parallel for aligned(a)", "OMP1004", "aligned"));
  it("nontemporal without simd", () => expectError("parallel for nontemporal(a)", "OMP1004", "nontemporal"));
  it("hint missing ')'", () => expectError("parallel for simd aligned(a«»", "OMP1007", undefined, "Expected ')' to close 'aligned('"));
  it("duplicate simdlen", () => expectError("parallel for simd simdlen(4) «simdlen»(8)", "OMP1006", undefined, "Clause 'simdlen' appears more than once."));
  it("empty safelen", () => expectError("parallel for simd safelen(«)»", "OMP1007"));
  it("safelen(0)", () => expectError("parallel for simd safelen(0)", "OMP1011", "0"));
});

describe("several clauses", () => {
  it("commas between clauses", () => expectClauses("parallel for private(x),shared(a), reduction(+:s)", ["private(x)", "shared(a)", "reduction(+:s)"]));
  it("many clauses", () =>
    expectClauses("parallel for collapse(2) ordered reduction(max: m) num_threads(t) if(t > 1) schedule(dynamic)", [
      "collapse(2)", "ordered", "reduction(max:m)", "num_threads(t)", "if(t > 1)", "schedule(dynamic)",
    ]));
  it("two commas", () => expectError("parallel for private(x),«,» shared(a)", "OMP1007", undefined, "Expected a clause name but found ','."));
  it("a trailing comma", () => expectError("parallel for private(x) ,«»", "OMP1007", undefined, "Expected a clause name but found the end of the directive."));
  it("an extra ')'", () => expectError("parallel for schedule(static)«)»", "OMP1007", undefined, "Expected a clause name but found ')'."));
  it("a number instead of a clause", () => expectError("parallel for 42", "OMP1007", "42"));
  it("a parenthesis instead of a clause", () => expectError("parallel for «(»x)", "OMP1007"));
  it("a second comment", () => expectError("parallel for private(x) // note", "OMP1007", "/"));
  for (const [clause, args] of [
    ["schedule", "(static) «schedule»(dynamic)"],
    ["num_threads", "(2) «num_threads»(4)"],
    ["if", "(a) «if»(b)"],
    ["default", "(none) «default»(shared)"],
    ["collapse", "(2) «collapse»(2)"],
    ["ordered", " «ordered»"],
  ] as const) {
    it(`duplicate ${clause}`, () => expectError(`parallel for ${clause}${args}`, "OMP1006", undefined, `Clause '${clause}' appears more than once.`));
  }
  it("duplicate proc_bind", () =>
    expectDiagnostics("parallel for proc_bind(close) proc_bind(spread)", [
      ["OMP1017", "proc_bind(close)"],
      ["OMP1017", "proc_bind(spread)"],
      ["OMP1006", "proc_bind"],
    ]));
});

describe("unknown clauses", () => {
  it("typo of private", () => expectError("parallel for privte(x)", "OMP1004", "privte", "Unknown clause 'privte' on 'parallel for'. Did you mean 'private'?"));
  it("typo of firstprivate", () => expectError("parallel for firstprivat(a)", "OMP1004", "firstprivat", "Did you mean 'firstprivate'?"));
  it("typo of schedule", () => expectError("parallel for scheduel(static)", "OMP1004", "scheduel", "Did you mean 'schedule'?"));
  it("typo of num_threads", () => expectError("parallel for numthreads(4)", "OMP1004", "numthreads", "Did you mean 'num_threads'?"));
  it("typo of reduction", () => expectError("parallel for reduciton(+:s)", "OMP1004", "reduciton", "Did you mean 'reduction'?"));
  it("typo of shared", () => expectError("parallel for share(a)", "OMP1004", "share", "Did you mean 'shared'?"));
  it("wrong case", () => expectError("parallel for Private(x)", "OMP1004", "Private", "Did you mean 'private'?"));
  it("no suggestion for a far word", () => {
    const p = expectError("parallel for foo", "OMP1004", "foo");
    expect(p.diagnostics[0]!.message).toBe("Unknown clause 'foo' on 'parallel for'.");
  });
  it("later clauses are still read", () => {
    const p = parse(loop("parallel for foo(bar) privte(x)"));
    expect(summarize(p)).toEqual([["OMP1004", "foo"], ["OMP1004", "privte"]]);
  });
  it("a comma inside its parentheses", () => {
    const p = parse(loop("parallel for foo(a, b) private(x)"));
    expect(summarize(p), render(p)).toEqual([["OMP1004", "foo"]]);
  });
  it("renders with a code frame", () => {
    const p = parse(`function f(n: number) {\n  // @omp parallel for privte(x)\n  ${FOR}\n}\n`);
    expect(render(p)).toBe(
      [
        "input.ts(2,24): error OMP1004: Unknown clause 'privte' on 'parallel for'. Did you mean 'private'?",
        "",
        "2     // @omp parallel for privte(x)",
        "                          ~~~~~~",
        "",
      ].join("\n"),
    );
  });
});

describe("directive names", () => {
  it("empty // @omp", () => expectError("", "OMP1008", "@omp", "Expected a directive name after '@omp', such as 'parallel for'."));
  it("empty block comment", () => {
    const p = parse(`/* @omp */\n${FOR}\n`);
    expect(summarize(p)).toEqual([["OMP1008", "@omp"]]);
  });
  it("typo with a suggestion", () => expectError("paralel for", "OMP1001", "paralel", "Unknown directive 'paralel'. Did you mean 'parallel'?"));
  it("upper case", () => expectError("PARALLEL FOR", "OMP1001", "PARALLEL", "Did you mean 'parallel'?"));
  it("a misspelt second word", () => {
    const p = parse(loop("parallel fro"));
    expect(p.directives).toEqual([]);
    expect(p.diagnostics).toHaveLength(1);
    expect(underlined(p.text, p.diagnostics[0]!)).toContain("fro");
    expect(p.diagnostics[0]!.message).toContain("'parallel for'");
  });
  for (const name of ["parallel", "for", "for simd", "simd", "critical", "barrier", "single", "masked", "master", "ordered", "parallel master", "parallel masked"]) {
    it(`${name}: not supported yet`, () =>
      expectError(name, "OMP1002", name, `'${name}' is an OpenMP directive that tsomp does not support yet`));
  }
  it("atomic update: not supported yet", () => expectError("atomic update", "OMP1002", "atomic"));
  it("critical(name): not supported yet", () => expectError("critical(name)", "OMP1002", "critical"));
  for (const name of ["task", "taskloop", "taskwait", "sections", "parallel sections", "target", "teams", "threadprivate", "cancel", "flush", "cancellation point", "parallel loop"]) {
    it(`${name}: not in v1`, () => expectError(name, "OMP1003", name, `'${name}' is not part of tsomp`));
  }
  it("target teams: the first word is reported", () => expectError("target teams distribute", "OMP1003", "target"));
  it("threadprivate(x): not in v1", () => expectError("threadprivate(x)", "OMP1003", "threadprivate"));
  it("the directive's name span", () => {
    const d = expectClauses("parallel for simd private(x)", ["private(x)"]);
    expect(d.nameSpan).toMatchObject({ start: "// @omp ".length, length: "parallel for simd".length });
  });
});

describe("spans inside the comment", () => {
  it("a missing ')' in a block comment points inside the comment", () => {
    const src = `/* @omp parallel for private(x */\n${FOR}\n`;
    const p = parse(src);
    expect(p.diagnostics.map((d) => d.code)).toEqual([1007]);
    const d = p.diagnostics[0]!;
    expect(d.start).toBeGreaterThanOrEqual(src.indexOf("(x") + 2);
    expect(d.start + d.length).toBeLessThanOrEqual(src.indexOf("*/"));
  });
  it("clause spans in a block comment", () => {
    const p = parse(`/* @omp parallel for\n   schedule(dynamic, 4)\n   reduction(+: s) */\n${FOR}\n`);
    expect(p.directives[0]!.clauses.map((c) => [clauseText(c), underlined(p.text, c.span)])).toEqual([
      ["schedule(dynamic,4)", "schedule(dynamic, 4)"],
      ["reduction(+:s)", "reduction(+: s)"],
    ]);
  });
  it("expression spans", () => {
    const p = parse(loop("parallel for schedule(guided,  n >> 2 ) num_threads( t )"));
    const [s, t] = p.directives[0]!.clauses;
    expect(s!.kind === "schedule" && underlined(p.text, s!.chunk!.span)).toBe("n >> 2");
    expect(t!.kind === "num_threads" && underlined(p.text, t!.value.span)).toBe("t");
  });
});

describe("a directive with an error does not come back", () => {
  // parseDirectives promises that only well-formed directives come back; a directive with an error
  // in a clause must not reach the analysis, which would report spurious follow-up errors (a
  // reduction variable dropped with the clauses after the error is reported as a write to an
  // outer scalar, OMP3001).
  for (const directive of [
    "parallel for schedule(statc) reduction(+:s)",
    "parallel for privte(x) reduction(+:s)",
    "parallel for schedule(auto, 4) reduction(+:s)",
    "parallel for num_threads(0) reduction(+:s)",
    "parallel for lastprivate(cond: x) reduction(+:s)",
    "parallel for reduction(+:s),, private(x)",
  ]) {
    it(directive, () => {
      const p = parse(loop(directive));
      expect(p.diagnostics.some((d) => d.category === "error"), render(p)).toBe(true);
      expect(p.directives).toEqual([]);
    });
  }
  it("a warning alone keeps the directive", () => {
    const p = parse(loop("parallel for reduction(-:s) proc_bind(close)"));
    expect(p.diagnostics.map((d) => d.category)).toEqual(["warning", "note"]);
    expect(p.directives).toHaveLength(1);
  });
});
