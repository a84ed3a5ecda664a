import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { placeFactory } from "../../src/runtime/factory-placement.js";
import { inlineSourceMap } from "../../src/runtime/source-maps.js";
import { tempProject } from "../helpers/temp-project.js";

/** A file URL inside this package, from which the runtime loads its source-map library. */
const HERE = import.meta.url;

/** Line 1 of the generated file maps to line 2 of its source (`AACA`: columns 0, source 0, line +1, column 0). */
const map = (sources: string[], extra: object = {}) => JSON.stringify({ version: 3, sources, names: [], mappings: "AACA", ...extra });
const base64 = (text: string) => Buffer.from(text).toString("base64");

/** The map an inline `//# sourceMappingURL=data:…;base64,…` comment carries. */
function decode(comment: string | undefined): { sources: string[]; sourceRoot?: string; mappings: string } {
  expect(comment).toMatch(/^\/\/# sourceMappingURL=data:application\/json;base64,/);
  return JSON.parse(Buffer.from(comment!.slice(comment!.indexOf(",") + 1), "base64").toString("utf8"));
}

describe("the source map a worker gets for a module", () => {
  const dir = tempProject("source-maps", {
    "maps/gen.js.map": map(["orig.ts"], { sourceRoot: "../src/" }),
    "src/mid.ts": "//# sourceMappingURL=mid.ts.map\n",
    "src/mid.ts.map": `{"version":3,"sources":["orig.ts"],"names":[],"mappings":";AAEA"}`,
    "src/orig.ts": "a\nb\nc\nd\n",
  });
  const url = pathToFileURL(path.join(dir, "gen.js")).href;
  const orig = pathToFileURL(path.join(dir, "src/orig.ts")).href;

  it("is read from a relative, an absolute or an inline sourceMappingURL, with absolute sources", () => {
    const absolute = pathToFileURL(path.join(dir, "maps/gen.js.map")).href;
    const inline = `data:application/json;base64,${base64(map(["src/orig.ts"]))}`;
    for (const reference of ["maps/gen.js.map", absolute, inline]) {
      const found = decode(inlineSourceMap(url, `x;\n//# sourceMappingURL=${reference}\n`, HERE));
      expect(found.sources).toEqual([orig]);
      expect(found.sourceRoot).toBeUndefined();
    }
    expect(inlineSourceMap(url, "x;\n", HERE)).toBeUndefined();
    expect(inlineSourceMap(url, "x;\n//# sourceMappingURL=missing.map\n", HERE)).toBeUndefined();
  });

  it("is followed through the maps its sources declare, back to the original", () => {
    const chained = inlineSourceMap(url, `x;\n//# sourceMappingURL=data:application/json;base64,${base64(map(["src/mid.ts"]))}\n`, HERE);
    // Line 1 of gen.js is line 2 of mid.ts, which is line 3 of orig.ts (`AAEA`: line +2).
    expect(decode(chained)).toMatchObject({ sources: [orig], mappings: "AAEA" });
  });
});

describe("the placement of a factory's text for a worker", () => {
  const factory = "function __omp_regions() {\n  return [];\n}";
  const dir = tempProject("factory-placement", { "m.js": `import x from "y";\r\n\r\n  ${factory}\n//# sourceMappingURL=m.js.map\n`, "m.js.map": map(["m.ts"]) });
  const url = pathToFileURL(path.join(dir, "m.js")).href;

  it("puts the text at its line and column in the module's JavaScript, named after the module, with its map when source maps are on", () => {
    const enabled = process.sourceMapsEnabled;
    try {
      process.setSourceMapsEnabled(true);
      const placed = placeFactory(url, factory, HERE);
      expect(placed.expression).toBe(`(\n\n  ${factory})`);
      expect(placed.sourceUrl).toBe(`//# sourceURL=${url}`);
      expect(decode(placed.sourceMap).sources).toEqual([pathToFileURL(path.join(dir, "m.ts")).href]);
      process.setSourceMapsEnabled(false);
      expect(placeFactory(url, factory, HERE).sourceMap).toBeUndefined();
    } finally {
      process.setSourceMapsEnabled(enabled);
    }
  });

  it("leaves the text unplaced and unnamed when the module's JavaScript does not hold it", () => {
    expect(placeFactory(url, "function other() {}", HERE)).toEqual({ expression: "(function other() {})", sourceUrl: "", sourceMap: undefined });
  });
});
