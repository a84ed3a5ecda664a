import { describe, expect, it } from "vitest";
import {
  expectAppliesTo,
  expectNoDirective,
  expectReports,
  FOR,
  parse,
  render,
  statementKinds,
  summarize,
  underlined,
} from "./helpers.js";

// Scanning (src/1-scan) and placement (the end of src/2-parse/parse-directives.ts): which comments
// are directives, which statement each applies to, and what is wrong with where they stand
// (SPEC §1). One case per line, grouped by topic; cases that show a defect stand alone.

describe("comment forms", () => {
  it("line and block comments", () => {
    expectAppliesTo(`// @omp parallel for\n${FOR}\n`, ["ForStatement"]);
    expectAppliesTo(`//@omp parallel for\n${FOR}\n`, ["ForStatement"]);
    expectAppliesTo(`\t//    @omp parallel for\n\t${FOR}\n`, ["ForStatement"]);
    expectAppliesTo(`// @omp parallel for\r\n${FOR}\r\n`, ["ForStatement"]);
    expectAppliesTo(`/* @omp parallel for */\n${FOR}\n`, ["ForStatement"]);
    expectAppliesTo(`/* @omp parallel for\n   private(x) */\n${FOR}\n`, ["ForStatement"]);
  });
  it("what may stand between the directive and its loop, and before it", () => {
    expectAppliesTo(`// @omp parallel for\n\n\n${FOR}\n`, ["ForStatement"]);
    expectAppliesTo(`// @omp parallel for\n// a note\n${FOR}\n`, ["ForStatement"]);
    expectAppliesTo(`// a note \\\n// @omp parallel for\n${FOR}\n`, ["ForStatement"]);
    expectAppliesTo(`// @omp parallel for\n${FOR}\n// @omp parallel for\n${FOR}\n`, ["ForStatement", "ForStatement"]);
  });
  it("a block comment with @omp on its second line", () =>
    expectAppliesTo(`/*\n   @omp parallel for\n*/\n${FOR}\n`, ["ForStatement"]));

  it("the comment's text keeps every offset and blanks the markers", () => {
    const p = parse(`x;\n/* @omp parallel for */\n${FOR}\n`);
    const c = p.comments[0]!;
    expect({ kind: c.kind, pos: c.pos, end: c.end }).toEqual({ kind: "block", pos: 3, end: 26 });
    expect(c.text).toBe("   @omp parallel for   ");
  });
  it("a directive's spans and source", () => {
    const p = parse(`// @omp parallel for   private(x)  \n${FOR}\n`);
    const d = p.directives[0]!;
    expect(d.name).toBe("parallel for");
    expect(underlined(p.text, d.nameSpan)).toBe("parallel for");
    expect(underlined(p.text, d.span)).toBe("@omp parallel for   private(x)");
    expect(d.source).toBe("parallel for private(x)");
    expect(d.comment).toEqual({ pos: 0, end: p.text.indexOf("\n") });
  });
});

describe("continuation lines", () => {
  it("over three lines", () => {
    const p = expectAppliesTo(`// @omp parallel for \\\n//   private(x) \\\n//   reduction(+:s)\n${FOR}\n`, ["ForStatement"]);
    const d = p.directives[0]!;
    expect(d.source).toBe("parallel for private(x) reduction(+:s)");
    expect(d.clauses.map((c) => underlined(p.text, c.span))).toEqual(["private(x)", "reduction(+:s)"]);
    expect(p.comments[0]!.end).toBe(p.text.indexOf("\nfor"));
  });
  it("white space, empty continued lines, CRLF", () => {
    expectAppliesTo(`// @omp parallel for \\   \n//   private(x)\n${FOR}\n`, ["ForStatement"]);
    expectAppliesTo(`// @omp parallel for \\\n// \\\n// private(x)\n${FOR}\n`, ["ForStatement"]);
    expectAppliesTo(`// @omp parallel for \\\r\n//   private(x)\r\n${FOR}\r\n`, ["ForStatement"]);
  });
  it("errors on a continued line point at its text", () => {
    expect(summarize(parse(`// @omp parallel for \\\n//   privte(x)\n${FOR}\n`))).toEqual([["OMP1004", "privte"]]);
    expect(summarize(parse(`// @omp parallel for \\\n${FOR}\n`))).toEqual([["OMP1007", "\\"]]);
  });
  it("renders the continued line in the code frame", () => {
    const p = parse(`// @omp parallel for \\\n//   schedule(statc)\n${FOR}\n`);
    expect(render(p)).toBe(
      [
        "input.ts(2,15): error OMP1009: Unknown schedule kind 'statc': expected static, dynamic, guided, auto or runtime. Did you mean 'static'?",
        "",
        "2   //   schedule(statc)",
        "                  ~~~~~",
        "",
      ].join("\n"),
    );
  });
});

describe("comments that are not directives", () => {
  it("@omp not at the start, or not a whole word", () => {
    expectNoDirective(`// see @omp docs\n${FOR}\n`);
    expectNoDirective(`// @ompx parallel for\n${FOR}\n`);
    expectNoDirective(`// @omp_parallel for\n${FOR}\n`);
    expectNoDirective(`// @omp$ parallel for\n${FOR}\n`);
    expectNoDirective(`// @OMP parallel for\n${FOR}\n`);
  });
  it("@omp in strings, templates and regular expressions", () => {
    expectNoDirective(`const s = "// @omp parallel for";\n${FOR}\n`);
    expectNoDirective(`const s = '/* @omp parallel for */';\n${FOR}\n`);
    expectNoDirective("const t = `\n// @omp parallel for\n`;\n" + FOR + "\n");
    expectNoDirective("const t = `${a}\n// @omp parallel for\n${b}`;\n" + FOR + "\n");
    expectNoDirective(`const r = /\\/\\/ @omp parallel for/;\n${FOR}\n`);
    expectNoDirective(`const r = /[/*] @omp parallel for/g;\n${FOR}\n`);
  });
});

describe("a directive that does not stand on its own line", () => {
  it("before code on the same line", () => {
    expectReports(`f();\n/* @omp parallel for */ ${FOR}\n`, [["OMP1019", "/* @omp parallel for */"]]);
    expectReports(`/* @omp parallel for */ ${FOR}\n`, [["OMP1019", "/* @omp parallel for */"]]);
    expectReports(`/* @omp parallel for\n   private(x) */ ${FOR}\n`, [["OMP1019", "/* @omp parallel for\n   private(x) */"]]);
    expectReports(`/* @omp parallel for */ // x\n${FOR}\n`, [["OMP1019", "/* @omp parallel for */"]]);
  });
  it("after code on the same line (line comment)", () =>
    expectReports(`f();\nx = 1; // @omp parallel for\n${FOR}\n`, [["OMP1019", "// @omp parallel for"]]));
  it("after code on the same line (block comment)", () =>
    expectReports(`f();\nx = 1; /* @omp parallel for */\n${FOR}\n`, [["OMP1019", "/* @omp parallel for */"]]));
  it("after the loop it means, on the loop's line", () =>
    expectReports(`f();\n${FOR} // @omp parallel for\n`, [["OMP1019", "// @omp parallel for"]]));
  it("after a label on the same line", () =>
    expectReports(`f();\nouter: // @omp parallel for\n${FOR}\n`, [["OMP1019", "// @omp parallel for"]]));
  it("renders DirectiveNotOnOwnLine", () => {
    const p = parse(`f();\n/* @omp parallel for */ ${FOR}\n`);
    expect(render(p)).toBe(
      [
        "input.ts(2,1): error OMP1019: A directive comment must stand on its own line, before the statement it applies to.",
        "",
        "2   /* @omp parallel for */ for (let i = 0; i < n; i++) {}",
        "    ~~~~~~~~~~~~~~~~~~~~~~~",
        "",
      ].join("\n"),
    );
  });
});

describe("what a directive applies to", () => {
  it("labels", () => {
    expectAppliesTo(`// @omp parallel for\nouter: ${FOR}\n`, ["LabeledStatement"]);
    expectAppliesTo(`// @omp parallel for\nouter: inner: ${FOR}\n`, ["LabeledStatement"]);
    expectAppliesTo(`outer:\n// @omp parallel for\n${FOR}\n`, ["ForStatement"]);
  });
  it("statements in blocks, bodies and clauses", () => {
    expectAppliesTo(`for (let j = 0; j < m; j++)\n  // @omp parallel for\n  ${FOR}\n`, ["ForStatement"]);
    expectAppliesTo(`// @omp parallel for\nfor (let j = 0; j < m; j++) {\n  // @omp parallel for\n  ${FOR}\n}\n`, ["ForStatement", "ForStatement"]);
    expectAppliesTo(`while (c)\n  // @omp parallel for\n  ${FOR}\n`, ["ForStatement"]);
    expectAppliesTo(`if (c) {} else\n  // @omp parallel for\n  ${FOR}\n`, ["ForStatement"]);
    expectAppliesTo(`switch (k) {\n  case 1:\n    // @omp parallel for\n    ${FOR}\n}\n`, ["ForStatement"]);
    expectAppliesTo(`namespace N {\n  // @omp parallel for\n  ${FOR}\n}\n`, ["ForStatement"]);
    expectAppliesTo(`class C {\n  m() {\n    // @omp parallel for\n    ${FOR}\n  }\n}\n`, ["ForStatement"]);
    expectAppliesTo(`const f = () => {\n  // @omp parallel for\n  ${FOR}\n};\n`, ["ForStatement"]);
  });
  it("the then-branch of an if", () => expectAppliesTo(`if (c)\n  // @omp parallel for\n  ${FOR}\n`, ["ForStatement"]));
});

describe("a directive that applies to nothing", () => {
  it("at the end of a file or block", () => {
    expectReports(`// @omp parallel for\n`, [["OMP1020", "// @omp parallel for"]]);
    expectReports(`${FOR}\n// @omp parallel for\n`, [["OMP1020", "// @omp parallel for"]]);
    expectReports(`function f() {\n  ${FOR}\n  // @omp parallel for\n}\n`, [["OMP1020", "// @omp parallel for"]]);
    expect(parse(`// @omp parallel for\n`).diagnostics[0]!.message).toBe("'parallel for' must be followed by the statement it applies to.");
  });
  it("where no statement can stand", () => {
    expectReports(`f(\n  // @omp parallel for\n  x);\n`, [["OMP1020", "// @omp parallel for"]]);
    expectReports(`const o = {\n  // @omp parallel for\n  a: 1,\n};\n`, [["OMP1020", "// @omp parallel for"]]);
    expectReports(`class C {\n  // @omp parallel for\n  m() {}\n}\n`, [["OMP1020", "// @omp parallel for"]]);
    expectReports(`switch (k) {\n  // @omp parallel for\n  case 1: break;\n}\n`, [["OMP1020", "// @omp parallel for"]]);
  });
});

describe("stacked directives", () => {
  /** The second directive is reported; the first still applies to the loop. */
  const stacked = (src: string, expected: [string, string][]) => {
    const p = parse(src);
    expect(summarize(p), render(p)).toEqual(expected);
    expect(statementKinds(p)).toEqual(["ForStatement"]);
    return p;
  };
  it("line comments", () => {
    stacked(`// @omp parallel for\n// @omp parallel for\n${FOR}\n`, [["OMP1018", "@omp parallel for"]]);
    stacked(`// @omp parallel for\n\n// @omp parallel for private(x)\n${FOR}\n`, [["OMP1018", "@omp parallel for private(x)"]]);
    const p = stacked(`// @omp parallel for simd\n// @omp parallel for\n${FOR}\n`, [["OMP1018", "@omp parallel for"]]);
    expect(p.diagnostics[0]!.message).toBe("Only one directive can apply to a statement, and 'parallel for simd' already applies to this one.");
  });
  it("a line comment and a block comment", () =>
    stacked(`// @omp parallel for\n/* @omp parallel for simd */\n${FOR}\n`, [["OMP1018", "@omp parallel for simd"]]));
});

describe("parallel for needs a for loop", () => {
  const needs = (src: string, found: string, comment = "// @omp parallel for") => {
    const p = expectReports(src, [["OMP1021", comment]]);
    expect(p.diagnostics[0]!.message).toBe(`'parallel for' applies to a 'for (let …; …; …)' loop, not to ${found}.`);
  };
  it("other loops", () => {
    needs(`// @omp parallel for\nwhile (i < n) i++;\n`, "a 'while' loop");
    needs(`// @omp parallel for\ndo {} while (c);\n`, "a 'do…while' loop");
    needs(`// @omp parallel for\nfor (const x of xs) {}\n`, "a 'for…of' loop");
    needs(`// @omp parallel for\nfor (const k in o) {}\n`, "a 'for…in' loop");
    needs(`// @omp parallel for\nlabel: while (c) {}\n`, "a 'while' loop");
  });
  it("blocks and other statements", () => {
    needs(`// @omp parallel for\n{ }\n`, "a block");
    needs(`// @omp parallel for\nlabel: {}\n`, "a block");
    needs(`// @omp parallel for\nconst x = 1;\n`, "a variable declaration");
    needs(`// @omp parallel for\nexport function g() {}\n`, "a function declaration");
    needs(`// @omp parallel for\nif (c) {}\n`, "an 'if' statement");
    needs(`// @omp parallel for\nf();\n`, "this statement");
  });
  it("the span covers a whole continued comment", () =>
    needs(`// @omp parallel for \\\n//   private(x)\nwhile (c) {}\n`, "a 'while' loop", "// @omp parallel for \\\n//   private(x)"));
  it("several problems in one file", () => {
    const p = parse(`// @omp parallel for\nwhile (c) {}\n// @omp parallel for\n${FOR}\n// @omp parallel for\n`);
    expect(summarize(p)).toEqual([
      ["OMP1021", "// @omp parallel for"],
      ["OMP1020", "// @omp parallel for"],
    ]);
    expect(p.diagnostics.map((d) => d.start)).toEqual([0, p.text.lastIndexOf("//")]);
    expect(statementKinds(p)).toEqual(["ForStatement"]);
  });
});
