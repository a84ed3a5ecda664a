import { moduleText } from "./module-text.js";
import { inlineSourceMap } from "./source-maps.js";

/** How a worker's copy of a module's factory is laid out so that its stack frames read like thread 0's. */
export interface FactoryPlacement {
  /**
   * The factory's source text in parentheses, padded so that, started anywhere on a script's
   * first line, the text stands at the line and column where it stands in the module's
   * JavaScript (one column further right if that is the file's first line).
   */
  readonly expression: string;
  /** `//# sourceURL=` naming the module, when the factory was found in its JavaScript; else "". */
  readonly sourceUrl: string;
  /** The module's source map as an inline `//# sourceMappingURL=` comment, when source maps are on and the module has one. */
  readonly sourceMap: string | undefined;
}

/**
 * Places the source text of the factory of the module at `url` as it stands in the module's
 * JavaScript; `runtimeUrl` (tsomp/runtime's file URL) is where source-map tools are loaded from.
 */
export function placeFactory(url: string, factorySource: string, runtimeUrl: string): FactoryPlacement {
  const text = moduleText(url);
  const at = text?.indexOf(factorySource) ?? -1;
  if (text === undefined || at < 0) return { expression: `(${factorySource})`, sourceUrl: "", sourceMap: undefined };
  const { line, column } = position(text, at);
  return {
    expression: `(${"\n".repeat(line)}${" ".repeat(column)}${factorySource})`,
    sourceUrl: `//# sourceURL=${url}`,
    sourceMap: process.sourceMapsEnabled === false ? undefined : inlineSourceMap(url, text, runtimeUrl),
  };
}

/** The 0-based line and column of `offset` in `text`, counting line terminators as JavaScript does. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = [...before.matchAll(/\r\n?|[\n\u2028\u2029]/g)];
  const last = breaks.at(-1);
  return { line: breaks.length, column: last ? offset - last.index - last[0].length : offset };
}
