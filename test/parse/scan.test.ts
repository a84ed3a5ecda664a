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
// are directives, which statement each applies to, and what is wrong with where they stand.
// SPEC §1.

describe("comment forms", () => {
  it("line comment", () => expectAppliesTo(`// @omp parallel for\n${FOR}\n`, ["ForStatement"]));
  it("line comment without a space", () => expectAppliesTo(`//@omp parallel for\n${FOR}\n`, ["ForStatement"]));
  it("line comment with several spaces", () => expectAppliesTo(`//    @omp parallel for\n${FOR}\n`, ["ForStatement"]));
  it("indented with tabs", () => expectAppliesTo(`\t// @omp parallel for\n\t${FOR}\n`, ["ForStatement"]));
  it("CRLF line ends", () => expectAppliesTo(`// @omp parallel for\r\n${FOR}\r\n`, ["ForStatement"]));
  it("block comment", () => expectAppliesTo(`/* @omp parallel for */\n${FOR}\n`, ["ForStatement"]));
  it("block comment over two lines", () => expectAppliesTo(`/* @omp parallel for\n   private(x) */\n${FOR}\n`, ["ForStatement"]));
  it("block comment with @omp on its second line", () => expectAppliesTo(`/*\n   @omp parallel for\n*/\n${FOR}\n`, ["ForStatement"]));
  it("blank lines between directive and loop", () => expectAppliesTo(`// @omp parallel for\n\n\n${FOR}\n`, ["ForStatement"]));
  it("an ordinary comment between directive and loop", () => expectAppliesTo(`// @omp parallel for\n// a note\n${FOR}\n`, ["ForStatement"]));
  it("an ordinary comment before the directive", () => expectAppliesTo(`// a note\n// @omp parallel for\n${FOR}\n`, ["ForStatement"]));
  it("a continued ordinary comment before the directive", () => expectAppliesTo(`// a note \\\n// @omp parallel for\n${FOR}\n`, ["ForStatement"]));
  it("two loops, two directives", () => expectAppliesTo(`// @omp parallel for\n${FOR}\n// @omp parallel for\n${FOR}\n`, ["ForStatement", "ForStatement"]));

  it("the comment's text keeps every offset and blanks the markers", () => {
    const p = parse(`x;\n/* @omp parallel for */\n${FOR}\n`);
    const c = p.comments[0]!;
    expect({ kind: c.kind, pos: c.pos, end: c.end }).toEqual({ kind: "block", pos: 3, end: 26 });
    expect(c.text).toBe("   @omp parallel for   ");
    expect(c.text.length).toBe(c.end - c.pos);
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
  it("white space after the backslash", () => expectAppliesTo(`// @omp parallel for \\   \n//   private(x)\n${FOR}\n`, ["ForStatement"]));
  it("an empty continued line", () => expectAppliesTo(`// @omp parallel for \\\n// \\\n// private(x)\n${FOR}\n`, ["ForStatement"]));
  it("CRLF line ends", () => expectAppliesTo(`// @omp parallel for \\\r\n//   private(x)\r\n${FOR}\r\n`, ["ForStatement"]));
  it("an error on a continued line points at its text", () =>
    expect(summarize(parse(`// @omp parallel for \\\n//   privte(x)\n${FOR}\n`))).toEqual([["OMP1004", "privte"]]));
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
  it("a backslash before code is reported, not ignored", () =>
    expect(summarize(parse(`// @omp parallel for \\\n${FOR}\n`))).toEqual([["OMP1007", "\\"]]));
});

describe("comments that are not directives", () => {
  it("mentions @omp later in the text", () => expectNoDirective(`// see @omp docs\n${FOR}\n`));
  it("@ompx", () => expectNoDirective(`// @ompx parallel for\n${FOR}\n`));
  it("@omp_parallel", () => expectNoDirective(`// @omp_parallel for\n${FOR}\n`));
  it("@omp$", () => expectNoDirective(`// @omp$ parallel for\n${FOR}\n`));
  it("@OMP (directives are case-sensitive)", () => expectNoDirective(`// @OMP parallel for\n${FOR}\n`));
  it("in a string", () => expectNoDirective(`const s = "// @omp parallel for";\n${FOR}\n`));
  it("in a single-quoted string", () => expectNoDirective(`const s = '/* @omp parallel for */';\n${FOR}\n`));
  it("in a template literal", () => expectNoDirective("const t = `\n// @omp parallel for\n`;\n" + FOR + "\n"));
  it("in a template literal's tail", () => expectNoDirective("const t = `${a}\n// @omp parallel for\n`;\n" + FOR + "\n"));
  it("in a regular expression", () => expectNoDirective(`const r = /\\/\\/ @omp parallel for/;\n${FOR}\n`));
});

describe("where a directive stands", () => {
  it("after code on the same line (line comment)", () =>
    expectReports(`f();\nx = 1; // @omp parallel for\n${FOR}\n`, [["OMP1019", "// @omp parallel for"]]));
  it("after code on the same line (block comment)", () =>
    expectReports(`f();\nx = 1; /* @omp parallel for */\n${FOR}\n`, [["OMP1019", "/* @omp parallel for */"]]));
  it("after the loop it means, on the loop's line", () =>
    expectReports(`f();\n${FOR} // @omp parallel for\n`, [["OMP1019", "// @omp parallel for"]]));
  it("after a label on the same line", () =>
    expectReports(`f();\nouter: // @omp parallel for\n${FOR}\n`, [["OMP1019", "// @omp parallel for"]]));
  it("before code on the same line", () =>
    expectReports(`f();\n/* @omp parallel for */ ${FOR}\n`, [["OMP1019", "/* @omp parallel for */"]]));
  it("before code on the same line, first in the file", () =>
    expectReports(`/* @omp parallel for */ ${FOR}\n`, [["OMP1019", "/* @omp parallel for */"]]));
  it("a two-line block comment followed by code", () =>
    expectReports(`/* @omp parallel for\n   private(x) */ ${FOR}\n`, [["OMP1019", "/* @omp parallel for\n   private(x) */"]]));
  it("a block directive followed by another comment", () =>
    expectReports(`/* @omp parallel for */ // x\n${FOR}\n`, [["OMP1019", "/* @omp parallel for */"]]));
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
  it("a labelled loop", () => expectAppliesTo(`// @omp parallel for\nouter: ${FOR}\n`, ["LabeledStatement"]));
  it("a loop with two labels", () => expectAppliesTo(`// @omp parallel for\nouter: inner: ${FOR}\n`, ["LabeledStatement"]));
  it("a loop after a label on the line above", () => expectAppliesTo(`outer:\n// @omp parallel for\n${FOR}\n`, ["ForStatement"]));
  it("the body of an outer for loop", () => expectAppliesTo(`for (let j = 0; j < m; j++)\n  // @omp parallel for\n  ${FOR}\n`, ["ForStatement"]));
  it("nested loops, each with a directive", () =>
    expectAppliesTo(`// @omp parallel for\nfor (let j = 0; j < m; j++) {\n  // @omp parallel for\n  ${FOR}\n}\n`, ["ForStatement", "ForStatement"]));
  it("the body of a while loop", () => expectAppliesTo(`while (c)\n  // @omp parallel for\n  ${FOR}\n`, ["ForStatement"]));
  it("the then-branch of an if", () => expectAppliesTo(`if (c)\n  // @omp parallel for\n  ${FOR}\n`, ["ForStatement"]));
  it("the else-branch of an if", () => expectAppliesTo(`if (c) {} else\n  // @omp parallel for\n  ${FOR}\n`, ["ForStatement"]));
  it("a case clause", () => expectAppliesTo(`switch (k) {\n  case 1:\n    // @omp parallel for\n    ${FOR}\n}\n`, ["ForStatement"]));
  it("a namespace", () => expectAppliesTo(`namespace N {\n  // @omp parallel for\n  ${FOR}\n}\n`, ["ForStatement"]));
  it("a method", () => expectAppliesTo(`class C {\n  m() {\n    // @omp parallel for\n    ${FOR}\n  }\n}\n`, ["ForStatement"]));
  it("an arrow function", () => expectAppliesTo(`const f = () => {\n  // @omp parallel for\n  ${FOR}\n};\n`, ["ForStatement"]));
});

describe("a directive that applies to nothing", () => {
  const nothing = (src: string, comment = "// @omp parallel for") => expectReports(src, [["OMP1020", comment]]);
  it("at the end of the file", () => nothing(`${FOR}\n// @omp parallel for\n`));
  it("alone in the file", () => nothing(`// @omp parallel for\n`));
  it("at the end of a block", () => nothing(`function f() {\n  ${FOR}\n  // @omp parallel for\n}\n`));
  it("inside an argument list", () => nothing(`f(\n  // @omp parallel for\n  x);\n`));
  it("inside an object literal", () => nothing(`const o = {\n  // @omp parallel for\n  a: 1,\n};\n`));
  it("before a class member", () => nothing(`class C {\n  // @omp parallel for\n  m() {}\n}\n`));
  it("before a case label", () => nothing(`switch (k) {\n  // @omp parallel for\n  case 1: break;\n}\n`));
  it("message", () => {
    const p = parse(`// @omp parallel for\n`);
    expect(p.diagnostics[0]!.message).toBe("'parallel for' must be followed by the statement it applies to.");
  });
});

describe("stacked directives", () => {
  /** The second directive is reported; the first still applies to the loop. */
  const stacked = (src: string, expected: [string, string][]) => {
    const p = parse(src);
    expect(summarize(p), render(p)).toEqual(expected);
    expect(statementKinds(p)).toEqual(["ForStatement"]);
  };
  it("two line comments", () =>
    stacked(`// @omp parallel for\n// @omp parallel for\n${FOR}\n`, [["OMP1018", "@omp parallel for"]]));
  it("separated by a blank line", () =>
    stacked(`// @omp parallel for\n\n// @omp parallel for private(x)\n${FOR}\n`, [["OMP1018", "@omp parallel for private(x)"]]));
  it("a line comment and a block comment", () =>
    stacked(`// @omp parallel for\n/* @omp parallel for simd */\n${FOR}\n`, [["OMP1018", "@omp parallel for simd"]]));
  it("names the first directive", () => {
    const p = parse(`// @omp parallel for simd\n// @omp parallel for\n${FOR}\n`);
    expect(p.diagnostics.map((d) => d.message)).toEqual([
      "Only one directive can apply to a statement, and 'parallel for simd' already applies to this one.",
    ]);
    expect(statementKinds(p)).toEqual(["ForStatement"]);
  });
});

describe("parallel for needs a for loop", () => {
  const needs = (src: string, found: string) => {
    const p = expectReports(src, [["OMP1021", "// @omp parallel for"]]);
    expect(p.diagnostics[0]!.message).toBe(`'parallel for' applies to a 'for (let …; …; …)' loop, not to ${found}.`);
  };
  it("while", () => needs(`// @omp parallel for\nwhile (i < n) i++;\n`, "a 'while' loop"));
  it("do…while", () => needs(`// @omp parallel for\ndo {} while (c);\n`, "a 'do…while' loop"));
  it("for…of", () => needs(`// @omp parallel for\nfor (const x of xs) {}\n`, "a 'for…of' loop"));
  it("for…in", () => needs(`// @omp parallel for\nfor (const k in o) {}\n`, "a 'for…in' loop"));
  it("block", () => needs(`// @omp parallel for\n{ }\n`, "a block"));
  it("labelled block", () => needs(`// @omp parallel for\nlabel: {}\n`, "a block"));
  it("labelled while", () => needs(`// @omp parallel for\nlabel: while (c) {}\n`, "a 'while' loop"));
  it("variable declaration", () => needs(`// @omp parallel for\nconst x = 1;\n`, "a variable declaration"));
  it("function declaration", () => needs(`// @omp parallel for\nexport function g() {}\n`, "a function declaration"));
  it("if", () => needs(`// @omp parallel for\nif (c) {}\n`, "an 'if' statement"));
  it("expression statement", () => needs(`// @omp parallel for\nf();\n`, "this statement"));
  it("the span covers a whole continued comment", () =>
    expectReports(`// @omp parallel for \\\n//   private(x)\nwhile (c) {}\n`, [["OMP1021", "// @omp parallel for \\\n//   private(x)"]]));

  it("summary of a file with several problems", () => {
    const p = parse(`// @omp parallel for\nwhile (c) {}\n// @omp parallel for\n${FOR}\n// @omp parallel for\n`);
    expect(summarize(p)).toEqual([
      ["OMP1021", "// @omp parallel for"],
      ["OMP1020", "// @omp parallel for"],
    ]);
    expect(p.diagnostics.map((d) => d.start)).toEqual([0, p.text.lastIndexOf("//")]);
    expect(statementKinds(p)).toEqual(["ForStatement"]);
  });
});
