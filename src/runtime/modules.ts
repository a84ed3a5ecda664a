import fs from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ModuleMeta, ModuleOptions, Region, RegionFactory } from "./abi.js";

/** What thread 0 knows about a module with parallel regions. */
export interface ModuleRecord {
  readonly id: number;
  readonly factory: RegionFactory;
  readonly meta: ModuleMeta;
  readonly options: ModuleOptions;
  /** The worker module's source, built on first use by a worker. */
  source?: string;
}

const records = new Map<RegionFactory, ModuleRecord>();
/** Each thread's regions, by the factory function that made them (thread 0's or a worker's own copy). */
const regions = new Map<RegionFactory, readonly Region[]>();

/** Registers a module's factory (generated code calls this at the top of every transformed module). */
export function registerModule(factory: RegionFactory, meta: ModuleMeta, options: ModuleOptions): void {
  if (records.has(factory)) return;
  records.set(factory, { id: records.size + 1, factory, meta, options });
}

/** Thread 0's record of a registered factory, or undefined (in workers, and for unregistered code). */
export function moduleRecord(factory: RegionFactory): ModuleRecord | undefined {
  return records.get(factory);
}

/** This thread's regions of a factory: thread 0 calls the factory with its own imports the first time. */
export function regionsOf(factory: RegionFactory): readonly Region[] {
  let list = regions.get(factory);
  if (list) return list;
  const record = records.get(factory);
  if (!record) throw new Error(`[tsomp] internal error: a parallel region's module was never registered (${factory.name}).`);
  list = (factory as (...a: unknown[]) => readonly Region[])(...(record.options.bindings?.() ?? []));
  regions.set(factory, list);
  return list;
}

/** Records a worker's own evaluated factory and its regions, so nested regions in worker code find them. */
export function adoptRegions(factory: RegionFactory, list: readonly Region[]): void {
  regions.set(factory, list);
}

/**
 * The source of the ES module a worker evaluates for a module: the runtime and the module's
 * imports (resolved here, since a data: module cannot resolve relative or bare specifiers), and
 * the factory's own source text, placed on the same line as in the file it comes from so that
 * stack traces from workers point at the right lines.
 */
export function workerSource(record: ModuleRecord, runtimeUrl: string): string {
  if (record.source !== undefined) return record.source;
  const specs = record.options.imports ?? [];
  const imports = specs.map(([specifier, name], k) => {
    const url = JSON.stringify(resolveSpecifier(record.meta, specifier));
    if (name === "*") return `import * as __omp_import_${k} from ${url};`;
    if (name === "default") return `import __omp_import_${k} from ${url};`;
    return `import { ${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)} as __omp_import_${k} } from ${url};`;
  });
  const values = specs.map(([, name], k) => importValue(`__omp_import_${k}`, name, record.meta.commonJs === true));
  const header = `import * as __omp from ${JSON.stringify(runtimeUrl)}; ${imports.join(" ")} export const imports = [${values.join(", ")}];`;
  const factorySource = record.factory.toString();
  const line = lineOf(record.meta.url, factorySource);
  const padding = line !== undefined && line > 1 ? "\n".repeat(line - 1) : "\n";
  const sourceUrl = line !== undefined ? `\n//# sourceURL=${record.meta.url}` : "";
  record.source = `${header}${padding}export default (${factorySource});${sourceUrl}\n`;
  return record.source;
}

/**
 * What an import binds to in a worker. For a CommonJS module, that is what TypeScript's
 * `__importDefault` and `__importStar` gave thread 0: an ES module compiled to CommonJS marks its
 * exports with `__esModule`, and its default export is then `exports.default`, not `module.exports`.
 */
function importValue(local: string, name: string, commonJs: boolean): string {
  if (commonJs && name === "default") return `(${local}?.__esModule ? ${local}.default : ${local})`;
  if (commonJs && name === "*") return `(${local}.default?.__esModule ? ${local}.default : ${local})`;
  return local;
}

/** Resolves an import specifier of a module the way the module itself would. */
function resolveSpecifier(meta: ModuleMeta, specifier: string): string {
  if (meta.resolve) return meta.resolve(specifier);
  return pathToFileURL(createRequire(meta.url).resolve(specifier)).href;
}

/** The 1-based line where `text` starts in the file at `url`, or undefined if it cannot be found there. */
function lineOf(url: string, text: string): number | undefined {
  if (!url.startsWith("file:")) return undefined;
  try {
    const file = fs.readFileSync(fileURLToPath(url), "utf8");
    const at = file.indexOf(text);
    return at < 0 ? undefined : file.slice(0, at).split("\n").length;
  } catch {
    return undefined;
  }
}
