import { describe, expect, it } from "vitest";
import {
  clauseText,
  expectAppliesTo,
  expectClauses,
  expectDiagnostics,
  expectError,
  expectReports,
  expectWarning,
  FOR,
  loop,
  parse,
  render,
  summarize,
  underlined,
} from "./helpers.js";

// Directive names and clauses (src/2-parse), SPEC §2 and §4, in the style of esbuild's
// expectPrinted/expectParseError: one case per line, grouped by topic. Each directive is the text
// after `// @omp `, above a canonical loop. An error names its code and the exact text it underlines,
// which must lie inside the comment; `«…»` marks the span where the text alone would be ambiguous
// (and `«»` an empty span). Cases that show a defect of the front end stand alone, so that each
// failure names one input.

describe("schedule", () => {
  it("accepted forms", () => {
    expectClauses("parallel for schedule(static)", ["schedule(static)"]);
    expectClauses("parallel for schedule(dynamic, 4)", ["schedule(dynamic,4)"]);
    expectClauses("parallel for schedule(guided, n / 4)", ["schedule(guided,n / 4)"]);
    expectClauses("parallel for schedule(dynamic, a ? b : c)", ["schedule(dynamic,a ? b : c)"]);
    expectClauses("parallel for schedule(static, Math.max(a, 1))", ["schedule(static,Math.max(a, 1))"]);
    expectClauses("parallel for schedule(auto)", ["schedule(auto)"]);
    expectClauses("parallel for schedule(runtime)", ["schedule(runtime)"]);
    expectClauses("parallel for schedule(monotonic: dynamic)", ["schedule(monotonic:dynamic)"]);
    expectClauses("parallel for schedule(nonmonotonic:guided, 2)", ["schedule(nonmonotonic:guided,2)"]);
    expectClauses("parallel for schedule(simd: static)", ["schedule(static)"]);
  });
  it("an integer chunk literal has its value", () => {
    const c = expectClauses("parallel for schedule(static, 0x10)", ["schedule(static,0x10)"]).clauses[0]!;
    expect(c.kind === "schedule" && c.chunk?.literal).toBe(16);
  });
  it("a chunk with auto or runtime", () => {
    expectError("parallel for schedule(auto, 4)", "OMP1010", "4", "schedule(auto) takes no chunk size: the runtime chooses the chunks.");
    expectError("parallel for schedule(runtime, «n»)", "OMP1010", undefined, "schedule(runtime) takes no chunk size: the chunk comes from OMP_SCHEDULE.");
  });
  it("a chunk <= 0", () => {
    expectError("parallel for schedule(static, 0)", "OMP1011", "0", "The chunk size must be a positive integer; '0' is not.");
    expectError("parallel for schedule(dynamic, -1)", "OMP1011", "-1");
    expectError("parallel for schedule(guided, -0)", "OMP1011", "-0");
  });
  it("a non-integer chunk literal", () => expectError("parallel for schedule(dynamic, 1.5)", "OMP1011", "1.5"));
  it("kinds and modifiers", () => {
    expectError("parallel for schedule(statc)", "OMP1009", "statc", "Unknown schedule kind 'statc': expected static, dynamic, guided, auto or runtime. Did you mean 'static'?");
    expectError("parallel for schedule(foo: static)", "OMP1012", "foo", "'foo' is not a modifier of 'schedule': expected 'monotonic' or 'nonmonotonic'.");
    expectError("parallel for schedule(monotonic, nonmonotonic: static)", "OMP1024", "nonmonotonic", "'nonmonotonic' cannot be combined with 'monotonic'.");
    expectError("parallel for schedule(nonmonotonic: dynamic) ordered", "OMP1024", "schedule", "'schedule(nonmonotonic: …)' cannot be combined with 'ordered'.");
  });
  it("malformed", () => {
    expectError("parallel for schedule(«)»", "OMP1007", undefined, "Expected a schedule kind (static, dynamic, guided, auto or runtime) but found ')'.");
    expectError("parallel for schedule static", "OMP1007", "static", "Expected '(' after 'schedule' but found 'static'.");
    expectError("parallel for schedule(static«»", "OMP1007", undefined, "Expected ')' to close 'schedule(' but found the end of the directive.");
    expectError("parallel for schedule(static, «)»", "OMP1007", undefined, "Expected an expression in 'schedule' but found ')'.");
    expectError("parallel for schedule(static, n +)", "OMP1016", "n +", "'n +' is not a valid expression for 'schedule'.");
  });
});

describe("num_threads and if", () => {
  it("accepted forms", () => {
    expectClauses("parallel for num_threads(4)", ["num_threads(4)"]);
    expectClauses("parallel for num_threads(f(a, b) / 2)", ["num_threads(f(a, b) / 2)"]);
    expectClauses('parallel for num_threads(Number(")"))', ['num_threads(Number(")"))']);
    expectClauses("parallel for if(n > 1000)", ["if(n > 1000)"]);
    expectClauses("parallel for if(parallel: n > 1000)", ["if(n > 1000)"]);
    expectClauses("parallel for if(parallel : n > 1)", ["if(n > 1)"]);
    expectClauses("parallel for if(a ? b : c)", ["if(a ? b : c)"]);
  });
  it("errors", () => {
    expectError("parallel for num_threads(0)", "OMP1011", "0", "The number of threads must be a positive integer; '0' is not.");
    expectError("parallel for num_threads(-2)", "OMP1011", "-2");
    expectError("parallel for num_threads(4, 5)", "OMP1007", ",", "Expected ')' to close 'num_threads(' but found ','.");
    expectError("parallel for num_threads(n +* 2)", "OMP1016", "n +* 2", "'n +* 2' is not a valid expression for 'num_threads'.");
    expectError("parallel for num_threads((n)«»", "OMP1007", undefined, "Expected ')' to close 'num_threads(' but found the end of the directive.");
    expectError("parallel for if(simd: n > 1)", "OMP1012", "simd", "'simd' is not a modifier of 'if': expected 'parallel'.");
    expectError("parallel for if(«)»", "OMP1007", undefined, "Expected an expression in 'if' but found ')'.");
    expectError("parallel for if(parallel: «)»", "OMP1007");
    expectError("parallel for if(x::y)", "OMP1016", "x::y");
  });
  it("num_threads with a non-integer literal", () => expectError("parallel for num_threads(1.5)", "OMP1011", "1.5"));
});

describe("data-sharing clauses", () => {
  it("accepted forms", () => {
    expectClauses("parallel for private(x, y)", ["private(x,y)"]);
    expectClauses("parallel for firstprivate(a)", ["firstprivate(a)"]);
    expectClauses("parallel for shared(arr)", ["shared(arr)"]);
    expectClauses("parallel for lastprivate(x)", ["lastprivate(x)"]);
    expectClauses("parallel for lastprivate(conditional: x, y)", ["lastprivate(conditional:x,y)"]);
    expectClauses("parallel  for   private(  $x ,_y, x1  )", ["private($x,_y,x1)"]);
    expectClauses("parallel for private(x) private(y)", ["private(x)", "private(y)"]);
    expectClauses("parallel for default(none) private(x) shared(a) firstprivate(b) lastprivate(c) reduction(+:s)", [
      "default(none)", "private(x)", "shared(a)", "firstprivate(b)", "lastprivate(c)", "reduction(+:s)",
    ]);
  });
  it("variable spans point at the names", () => {
    const p = parse(loop("parallel for private(alpha, beta)"));
    const c = p.directives[0]!.clauses[0]!;
    expect(c.kind === "private" && c.variables.map((v) => underlined(p.text, v.span))).toEqual(["alpha", "beta"]);
    expect(underlined(p.text, c.span)).toBe("private(alpha, beta)");
  });
  it("errors", () => {
    expectError("parallel for lastprivate(cond: x)", "OMP1012", "cond", "'cond' is not a modifier of 'lastprivate': expected 'conditional'.");
    expectError("parallel for private(«)»", "OMP1007", undefined, "Expected a variable name in 'private' but found ')'.");
    expectError("parallel for firstprivate(x,«)»", "OMP1007");
    expectError("parallel for lastprivate(conditional:«)»", "OMP1007");
    expectError("parallel for shared(1)", "OMP1007", "1", "Expected a variable name in 'shared' but found '1'.");
    expectError("parallel for private(a[0])", "OMP1007", "[", "Expected ',' or ')' after 'a' (private takes plain variable names) but found '['.");
    expectError("parallel for lastprivate(o.x)", "OMP1007", ".");
    expectError("parallel for private(x y)", "OMP1007", "y", "Expected ')' to close 'private(' but found 'y'.");
    expectError("parallel for private(x«»", "OMP1007", undefined, "Expected ')' to close 'private(' but found the end of the directive.");
    expectError("parallel for private x", "OMP1007", "x", "Expected '(' after 'private' but found 'x'.");
  });
});

describe("reduction", () => {
  it("every operator", () => {
    for (const op of ["+", "*", "&", "|", "^", "&&", "||", "max", "min"]) {
      expectClauses(`parallel for reduction(${op}:s)`, [`reduction(${op}:s)`]);
    }
  });
  it("accepted forms", () => {
    expectClauses("parallel for reduction( + : a , b )", ["reduction(+:a,b)"]);
    expectClauses("parallel for reduction(+:s) reduction(max:m)", ["reduction(+:s)", "reduction(max:m)"]);
    expectClauses("parallel for reduction(default, +: s)", ["reduction(+:s)"]);
  });
  it("- is accepted with a deprecation warning", () =>
    expectWarning("parallel for reduction(-:d)", "warning", "OMP1014", "-", ["reduction(-:d)"],
      "The '-' reduction is deprecated since OpenMP 5.2; it combines the partial results by addition. Write 'reduction(+: …)' instead."));
  it("array sections", () => {
    expectClauses("parallel for reduction(+: a[0:n])", ["reduction(+:a[0:n])"]);
    expectClauses("parallel for reduction(max: m, hist[lo + 1 : len * 2])", ["reduction(max:m,hist[lo + 1:len * 2])"]);
    expectClauses("parallel for reduction(+: a[:n], b[k:], c[:])", ["reduction(+:a[:n],b[k:],c[:])"]);
    expectError("parallel for reduction(+: a[«0 n»])", "OMP1016");
    expectError("parallel for reduction(+: a[0:n«)»", "OMP1007", undefined, /']' to close the array section/);
  });
  it("modifiers", () => {
    expectError("parallel for reduction(inscan, +: s)", "OMP1012", "inscan", "expected 'default' (inscan and task reductions are not supported).");
    expectError("parallel for reduction(task, +: s)", "OMP1012", "task");
  });
  it("unknown operators", () => {
    expectError("parallel for reduction(%: s)", "OMP1013", "%", "Unknown reduction operator '%': expected one of + * - & | ^ && || max min.");
    expectError("parallel for reduction(avg: s)", "OMP1013", "avg", "Unknown reduction operator 'avg'");
    expectError("parallel for reduction(maximum: s)", "OMP1013", "maximum");
    expectError("parallel for reduction(«:» s)", "OMP1013");
  });
  it("** is reported as an unknown operator", () => expectError("parallel for reduction(**: s)", "OMP1013", "**", "Unknown reduction operator '**'"));
  it("malformed", () => {
    expectError("parallel for reduction(+ s)", "OMP1007", "s", "Expected ':' after the reduction operator '+' but found 's'.");
    expectError("parallel for reduction(max s)", "OMP1007", "s", "Expected ':' after the reduction operator 'max' but found 's'.");
    expectError("parallel for reduction(+:«)»", "OMP1007", undefined, "Expected a variable name in 'reduction' but found ')'.");
    expectError("parallel for reduction(+:s«»", "OMP1007", undefined, "Expected ')' to close 'reduction(' but found the end of the directive.");
    expectError("parallel for reduction«»", "OMP1007", undefined, "Expected '(' after 'reduction' but found the end of the directive.");
  });
});

describe("default, collapse, ordered, nowait, proc_bind", () => {
  it("accepted forms", () => {
    expectClauses("parallel for default(shared)", ["default(shared)"]);
    expectClauses("parallel for default(none)", ["default(none)"]);
    expectClauses("parallel for collapse(2)", ["collapse(2)"]);
    expectClauses("parallel for collapse( 3 )", ["collapse(3)"]);
    expectClauses("parallel for ordered", ["ordered"]);
  });
  it("default errors", () => {
    expectError("parallel for default(private)", "OMP1015", "private", "default(private): expected 'shared' or 'none'.");
    expectError("parallel for default(bad)", "OMP1015", "bad", "default(bad): expected 'shared' or 'none'.");
    expectError("parallel for default(«)»", "OMP1007", undefined, "Expected 'shared' or 'none' but found ')'.");
    expectError("parallel for default(none«,» shared)", "OMP1007");
  });
  it("collapse errors", () => {
    expectError("parallel for collapse(0)", "OMP1011", "0", /^The collapse depth .*positive integer.*; '0' is not\.$/);
    expectError("parallel for collapse(-1)", "OMP1011", "-1");
    expectError("parallel for collapse(n)", "OMP1011", "n", "'n' is not.");
    expectError("parallel for collapse(1+1)", "OMP1011", "1+1");
  });
  it("collapse() reports a missing depth, not ''", () => expectError("parallel for collapse(«)»", "OMP1007", undefined, "but found ')'"));
  it("ordered(n) and nowait", () => {
    expectError("parallel for ordered(2)", "OMP1005", "ordered", "Clause 'ordered(…)' is not allowed on 'parallel for': doacross loops (ordered(n)) are not supported.");
    expectError("parallel for nowait", "OMP1005", "nowait", "Clause 'nowait' is not allowed on 'parallel for': a parallel region always ends by joining its threads.");
    expectError("parallel for nowait(1)", "OMP1005", "nowait", "it takes no argument.");
  });
  it("proc_bind is accepted with a note", () => {
    for (const value of ["primary", "master", "close", "spread"]) {
      expectWarning(`parallel for proc_bind(${value})`, "note", "OMP1017", `proc_bind(${value})`, [`proc_bind(${value})`],
        "proc_bind has no effect: JavaScript cannot bind worker threads to cores.");
    }
  });
  it("proc_bind errors", () => {
    expectError("parallel for proc_bind(near)", "OMP1023", "near", "proc_bind(near): expected primary, master, close or spread.");
    expectError("parallel for proc_bind(«)»", "OMP1007", undefined, "Expected primary, master, close or spread but found ')'.");
  });
});

describe("simd", () => {
  it("accepted forms", () => {
    expect(expectClauses("parallel for simd", []).name).toBe("parallel for simd");
    expectClauses("parallel for simd safelen(4) simdlen(8) aligned(a, b: 64) nontemporal(a, b) reduction(+:s)", [
      "safelen", "simdlen", "aligned", "nontemporal", "reduction(+:s)",
    ]);
    expectClauses("parallel for simd private(x) schedule(static, 8)", ["private(x)", "schedule(static,8)"]);
  });
  it("simd hints only on the simd form", () => {
    expectError("parallel for safelen(4)", "OMP1004", "safelen", "Unknown clause 'safelen' on 'parallel for'.");
    expectError("parallel for simdlen(4)", "OMP1004", "simdlen");
    expectError("parallel for aligned(a)", "OMP1004", "aligned");
    expectError("parallel for nontemporal(a)", "OMP1004", "nontemporal");
  });
  it("a hint missing ')'", () => expectError("parallel for simd aligned(a«»", "OMP1007", undefined, "Expected ')' to close 'aligned(' but found the end of the directive."));
  it("duplicate simdlen", () => expectError("parallel for simd simdlen(4) «simdlen»(8)", "OMP1006", undefined, "Clause 'simdlen' appears more than once."));
  it("empty safelen()", () => expectError("parallel for simd safelen(«)»", "OMP1007"));
  it("safelen(0)", () => expectError("parallel for simd safelen(0)", "OMP1011", "0"));
});

describe("the simd directive (accepted, no effect)", () => {
  const accepted = (directive: string) => {
    const p = parse(loop(directive));
    expect(summarize(p), render(p)).toEqual([]);
    expect(p.directives, "simd is not compiled").toEqual([]);
  };
  it("accepted forms", () => {
    accepted("simd");
    accepted("simd safelen(4) simdlen(8) aligned(a: 32) private(x) lastprivate(y) reduction(+:s) collapse(1)");
  });
  it("errors", () => {
    expectError("simd schedule(static)", "OMP1004", "schedule", "Unknown clause 'schedule' on 'simd'.");
    expectError("simd num_threads(4)", "OMP1004", "num_threads");
    expectError("simd collapse(0)", "OMP1011", "0");
    expect(summarize(parse(`// @omp simd\nwhile (c) {}\n`))).toEqual([["OMP1021", "// @omp simd"]]);
    expect(summarize(parse(`// @omp simd\n`))).toEqual([["OMP1020", "// @omp simd"]]);
  });
  it("if(simd: …) is the modifier that fits simd", () => accepted("simd if(simd: n > 8)"));
});

describe("several clauses", () => {
  it("optional commas", () => {
    expectClauses("parallel for private(x),shared(a), reduction(+:s)", ["private(x)", "shared(a)", "reduction(+:s)"]);
    expectClauses("parallel for collapse(2) ordered reduction(max: m) num_threads(t) if(t > 1) schedule(dynamic)", [
      "collapse(2)", "ordered", "reduction(max:m)", "num_threads(t)", "if(t > 1)", "schedule(dynamic)",
    ]);
  });
  it("stray tokens", () => {
    expectError("parallel for private(x),«,» shared(a)", "OMP1007", undefined, "Expected a clause name but found ','.");
    expectError("parallel for private(x) ,«»", "OMP1007", undefined, "Expected a clause name but found the end of the directive.");
    expectError("parallel for schedule(static)«)»", "OMP1007", undefined, "Expected a clause name but found ')'.");
    expectError("parallel for 42", "OMP1007", "42", "Expected a clause name but found '42'.");
    expectError("parallel for «(»x)", "OMP1007");
    expectError("parallel for private(x) «/»/ note", "OMP1007");
  });
  it("duplicates", () => {
    expectError("parallel for schedule(static) «schedule»(dynamic)", "OMP1006", undefined, "Clause 'schedule' appears more than once.");
    expectError("parallel for num_threads(2) «num_threads»(4)", "OMP1006");
    expectError("parallel for if(a) «if»(b)", "OMP1006");
    expectError("parallel for default(none) «default»(shared)", "OMP1006");
    expectError("parallel for collapse(2) «collapse»(2)", "OMP1006");
    expectError("parallel for ordered «ordered»", "OMP1006");
    expectDiagnostics("parallel for proc_bind(close) proc_bind(spread)", [
      ["OMP1017", "proc_bind(close)"],
      ["OMP1017", "proc_bind(spread)"],
      ["OMP1006", "proc_bind"],
    ]);
  });
});

describe("unknown clauses", () => {
  it("did you mean", () => {
    expectError("parallel for privte(x)", "OMP1004", "privte", "Unknown clause 'privte' on 'parallel for'. Did you mean 'private'?");
    expectError("parallel for firstprivat(a)", "OMP1004", "firstprivat", "Did you mean 'firstprivate'?");
    expectError("parallel for scheduel(static)", "OMP1004", "scheduel", "Did you mean 'schedule'?");
    expectError("parallel for numthreads(4)", "OMP1004", "numthreads", "Did you mean 'num_threads'?");
    expectError("parallel for reduciton(+:s)", "OMP1004", "reduciton", "Did you mean 'reduction'?");
    expectError("parallel for Private(x)", "OMP1004", "Private", "Did you mean 'private'?");
    expectError("parallel for foo", "OMP1004", "foo", /^Unknown clause 'foo' on 'parallel for'\.$/);
  });
  it("later clauses are still read", () =>
    expectDiagnostics("parallel for foo(bar) privte(x)", [["OMP1004", "foo"], ["OMP1004", "privte"]]));
  it("a comma inside its parentheses", () => expectDiagnostics("parallel for foo(a, b) private(x)", [["OMP1004", "foo"]]));
  it("renders with a code frame", () => {
    const p = parse(`function f(n: number) {\n  // @omp parallel for privte(x)\n  ${FOR}\n}\n`);
    expect(render(p)).toBe(
      [
        "input.ts(2,24): error OMP1004: Unknown clause 'privte' on 'parallel for'. Did you mean 'private'?",
        "",
        "2     // @omp parallel for privte(x)",
        " ".repeat(4 + 23) + "~~~~~~",
        "",
      ].join("\n"),
    );
  });
});

describe("directive names", () => {
  it("empty and unknown", () => {
    expectError("", "OMP1008", "@omp", "Expected a directive name after '@omp', such as 'parallel for'.");
    expect(summarize(parse(`/* @omp */\n${FOR}\n`))).toEqual([["OMP1008", "@omp"]]);
    expectError("paralel for", "OMP1001", "paralel", "Unknown directive 'paralel'. Did you mean 'parallel'?");
    expectError("PARALLEL FOR", "OMP1001", "PARALLEL", "Did you mean 'parallel'?");
  });
  it("not supported yet", () => {
    for (const name of ["parallel master", "parallel masked"]) {
      expectError(name, "OMP1002", name, new RegExp(`^'${name}' .*not supported`));
    }
  });
  it.each([
    ["atomic", [], []],
    ["atomic update", ["update"], []],
    ["atomic capture seq_cst", ["capture", "seq_cst"], []],
    ["atomic relaxed read hint(0)", ["relaxed", "read", "hint"], []],
    ["atomic read write", [], [["OMP1024", "write"]]],
    ["atomic seq_cst relaxed", [], [["OMP1024", "relaxed"]]],
    ["atomic read(x)", [], [["OMP1005", "read"]]],
  ])("%s: its form and memory order", (directive, clauses, diagnostics) => {
    const p = parse(`// @omp ${directive}\na[i] += 1;\n`);
    expect(summarize(p), render(p)).toEqual(diagnostics);
    if (diagnostics.length === 0) expect(p.directives[0]!.clauses.map(clauseText)).toEqual(clauses);
  });
  it("atomic applies to an expression statement", () => {
    expectAppliesTo("// @omp atomic\na[i] += 1;\n", ["ExpressionStatement"]);
    expectReports("// @omp atomic\nif (c) a[i]++;\n", [["OMP1029", "// @omp atomic"]]);
  });
  it("critical, with or without a name, and hint", () => {
    expect(expectClauses("critical", []).argument).toBeUndefined();
    expect(expectClauses("critical(tally)", []).argument?.text).toBe("tally");
    expect(expectClauses("critical (tally) hint(1)", ["hint"]).argument?.text).toBe("tally");
    expectError("critical(7)", "OMP1007", "7", "Expected the name of the critical section but found '7'.");
    expectDiagnostics("critical(tally", [["OMP1007", ""]]);
    expectError("critical private(x)", "OMP1004", "private", "Unknown clause 'private' on 'critical'.");
  });
  it("critical applies to a statement that declares nothing", () => {
    expectAppliesTo("// @omp critical\n{ a[0]++; }\n", ["Block"]);
    expectAppliesTo("// @omp critical(x)\na[0]++;\n", ["ExpressionStatement"]);
    expectReports("// @omp critical\nconst v = a[0]++;\n", [["OMP1027", "// @omp critical"]]);
  });
  it("not in v1", () => {
    for (const name of ["task", "taskloop", "taskwait", "sections", "parallel sections", "target", "teams", "threadprivate", "cancel", "flush", "cancellation point", "parallel loop"]) {
      expectError(name, "OMP1003", name, new RegExp(`^'${name}' is not part of tsomp`));
    }
    expectError("target teams distribute", "OMP1003", "target");
    expectError("threadprivate(x)", "OMP1003", "threadprivate");
  });
  it("a misspelt second word suggests 'parallel for'", () => {
    const p = parse(loop("parallel fro"));
    expect(p.diagnostics, render(p)).toHaveLength(1);
    expect(underlined(p.text, p.diagnostics[0]!)).toContain("fro");
    expect(p.diagnostics[0]!.message).toContain("'parallel for'");
  });
  it("the name span", () => {
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
    expect(d.start, render(p)).toBeGreaterThanOrEqual(src.indexOf("(x") + 2);
    expect(d.start + d.length, render(p)).toBeLessThanOrEqual(src.indexOf("*/"));
  });
  it("clauses of a block comment over several lines", () => {
    const p = parse(`/* @omp parallel for\n   schedule(dynamic, 4)\n   reduction(+: s) */\n${FOR}\n`);
    expect(p.directives[0]!.clauses.map((c) => [clauseText(c), underlined(p.text, c.span)])).toEqual([
      ["schedule(dynamic,4)", "schedule(dynamic, 4)"],
      ["reduction(+:s)", "reduction(+: s)"],
    ]);
  });
  it("clause expressions", () => {
    const p = parse(loop("parallel for schedule(guided,  n >> 2 ) num_threads( t )"));
    const [s, t] = p.directives[0]!.clauses;
    expect(s!.kind === "schedule" && underlined(p.text, s!.chunk!.span)).toBe("n >> 2");
    expect(t!.kind === "num_threads" && underlined(p.text, t!.value.span)).toBe("t");
  });
});

describe("a directive with an error does not come back", () => {
  // parseDirectives promises that only well-formed directives come back. One with an error in a
  // clause must not reach the analysis, which then reports follow-up errors that are not the
  // user's: the clauses after the bad one are dropped, so the reduction variable `s` below is
  // reported as a write to an outer scalar (OMP3001).
  for (const directive of [
    "parallel for schedule(statc) reduction(+:s)",
    "parallel for privte(x) reduction(+:s)",
    "parallel for schedule(auto, 4) reduction(+:s)",
    "parallel for lastprivate(cond: x) reduction(+:s)",
  ]) {
    it(directive, () => {
      const p = parse(loop(directive));
      expect(p.diagnostics.some((d) => d.category === "error"), render(p)).toBe(true);
      expect(p.directives).toEqual([]);
    });
  }
  it("a warning and a note keep the directive", () => {
    const p = parse(loop("parallel for reduction(-:s) proc_bind(close)"));
    expect(p.diagnostics.map((d) => d.category)).toEqual(["warning", "note"]);
    expect(p.directives.map((d) => d.clauses.map(clauseText))).toEqual([["reduction(-:s)", "proc_bind(close)"]]);
  });
});
