import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The part of `@jridgewell/remapping` used here (its CommonJS type declarations do not parse in TypeScript 6). */
type Remapping = (map: unknown, loader: (source: string, ctx: { readonly depth: number }) => unknown) => { toString(): string };

/** A source map (version 3) whose `sources` are absolute URLs. */
interface SourceMapJson {
  version: 3;
  sources: string[];
  sourceRoot?: string;
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
}

/** The comment that links a script to its map (Node, like browsers, takes the last one). */
const MAP_COMMENT = /\/[*/]#\s+sourceMappingURL=([^\s]+)/g;
/** How many maps deep `chainedSourceMap` follows sources that are themselves generated. */
const MAX_DEPTH = 8;

/**
 * The source map of the JavaScript module at `url` whose text is `text`, as a
 * `//# sourceMappingURL=data:…` comment that works in any script: the map the text declares
 * (inline, or a relative or absolute URL, resolved against `url` as Node does), its sources made
 * absolute, and followed through the maps that those sources declare in turn (a .js file mapped to
 * a transformed .ts file that maps to the original), which Node itself does not do. Undefined when
 * the text declares no map that can be read. `requireFrom` is a file URL of this package, from
 * which the remapping library is loaded when it is needed.
 */
export function inlineSourceMap(url: string, text: string, requireFrom: string): string | undefined {
  const map = declaredMap(url, text);
  if (!map) return undefined;
  const chained = chain(map, requireFrom);
  return `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(chained)).toString("base64")}`;
}

/**
 * `map` followed back through its sources' own maps. The remapping library is loaded only when
 * some source has a map, so that the usual case (sources that are originals) costs nothing more.
 */
function chain(map: SourceMapJson, requireFrom: string): SourceMapJson {
  const maps = new Map<string, SourceMapJson | undefined>();
  const mapOf = (source: string): SourceMapJson | undefined => {
    if (!maps.has(source)) maps.set(source, fileMap(source));
    return maps.get(source);
  };
  if (!map.sources.some(mapOf)) return map;
  const remapping = createRequire(requireFrom)("@jridgewell/remapping") as Remapping;
  const chained = remapping(map, (source, ctx) => (ctx.depth <= MAX_DEPTH ? mapOf(source) : null));
  return JSON.parse(chained.toString()) as SourceMapJson;
}

/** The map that the file at `url` declares, if it is a file with one. */
function fileMap(url: string): SourceMapJson | undefined {
  if (!url.startsWith("file:")) return undefined;
  try {
    return declaredMap(url, fs.readFileSync(fileURLToPath(url), "utf8"));
  } catch {
    return undefined;
  }
}

/** The map that `text`, the text of the script at `url`, declares with its last sourceMappingURL comment. */
function declaredMap(url: string, text: string): SourceMapJson | undefined {
  let reference: string | undefined;
  for (const match of text.matchAll(MAP_COMMENT)) reference = match[1];
  if (reference === undefined) return undefined;
  try {
    const mapUrl = new URL(reference, url);
    const inline = mapUrl.protocol === "data:";
    if (!inline && mapUrl.protocol !== "file:") return undefined;
    const map = JSON.parse(inline ? dataUrlText(mapUrl) : fs.readFileSync(fileURLToPath(mapUrl), "utf8")) as SourceMapJson;
    const base = inline ? url : mapUrl.href;
    map.sources = map.sources.map((source) => absoluteSource(`${map.sourceRoot ?? ""}${source}`, base));
    delete map.sourceRoot;
    return map;
  } catch {
    return undefined;
  }
}

/** A map's source as an absolute URL: an absolute path as its file URL, anything else resolved against the map's URL. */
function absoluteSource(source: string, base: string): string {
  return path.isAbsolute(source) ? pathToFileURL(source).href : new URL(source, base).href;
}

/** The text a `data:` URL carries (base64 or percent-encoded). */
function dataUrlText(url: URL): string {
  const comma = url.pathname.indexOf(",");
  const data = url.pathname.slice(comma + 1);
  return url.pathname.slice(0, comma).endsWith(";base64") ? Buffer.from(data, "base64").toString("utf8") : decodeURIComponent(data);
}
