import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { ModuleMeta, ModuleOptions, Region, RegionFactory } from "./abi.js";
import { placeFactory } from "./factory-placement.js";

/** What thread 0 knows about a module with parallel regions. */
export interface ModuleRecord {
  readonly id: number;
  readonly factory: RegionFactory;
  readonly meta: ModuleMeta;
  readonly options: ModuleOptions;
  /** What workers evaluate for the module, built on first use by a worker. */
  source?: WorkerSource;
  /** Workers 1..sentTo have been sent the module, as of pool epoch `sentEpoch` (no worker started since). */
  sentTo: number;
  sentEpoch: number;
}

const records = new Map<RegionFactory, ModuleRecord>();
/** Each thread's regions, by the factory function that made them (thread 0's or a worker's own copy). */
const regions = new Map<RegionFactory, readonly Region[]>();

/** Registers a module's factory (generated code calls this at the top of every transformed module). */
export function registerModule(factory: RegionFactory, meta: ModuleMeta, options: ModuleOptions): void {
  if (records.has(factory)) return;
  records.set(factory, { id: records.size + 1, factory, meta, options, sentTo: 0, sentEpoch: -1 });
}

/** Thread 0's record of a registered factory, or undefined (in workers, and for unregistered code). */
export function moduleRecord(factory: RegionFactory): ModuleRecord | undefined {
  return records.get(factory);
}

/** This thread's regions of a factory: thread 0 calls the factory with its own imports and classes the first time. */
export function regionsOf(factory: RegionFactory): readonly Region[] {
  let list = regions.get(factory);
  if (list) return list;
  const record = records.get(factory);
  if (!record) throw new Error(`[tsomp] internal error: a parallel region's module was never registered (${factory.name}).`);
  list = (factory as (...a: unknown[]) => readonly Region[])(...(record.options.bindings?.() ?? []), ...(record.options.classes?.() ?? []));
  regions.set(factory, list);
  return list;
}

/** Records a worker's own evaluated factory and its regions, so nested regions in worker code find them. */
export function adoptRegions(factory: RegionFactory, list: readonly Region[]): void {
  regions.set(factory, list);
}

/** What a worker evaluates for a module (see `workerSource`). */
export interface WorkerSource {
  /**
   * A `data:` ES module that imports the runtime and the module's imports (resolved here, since a
   * data: module cannot resolve relative or bare specifiers), exports them as `imports`, and
   * exports either the factory as `default` or, when `factory` is given, an `__omp_evaluate` for it.
   */
  readonly module: string;
  /** The factory's source text with its source map, for `__omp_evaluate`. */
  readonly factory?: string;
}

/**
 * The source a worker evaluates for a module. The factory's text is placed on the line and column
 * where it stands in the module's JavaScript and named after the module (`//# sourceURL`), so that
 * stack traces from workers point at the right lines. Node applies a source map to a frame by its
 * script's file name, which for a data: module is the data: URL, so a map declared there is never
 * used, while a script run by `eval` is found by its sourceURL. So when the module has a source map
 * and source maps are on, the data: module exports an `__omp_evaluate` that runs the factory's
 * text, with the map inlined, by a direct `eval` (which sees the imports); otherwise it exports
 * the factory itself, and no code is generated from strings.
 */
export function workerSource(record: ModuleRecord, runtimeUrl: string): WorkerSource {
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
  const { expression, sourceUrl, sourceMap } = placeFactory(record.meta.url, record.factory.toString(), runtimeUrl);
  record.source = sourceMap
    ? { module: `${header} export const __omp_evaluate = (__omp_source) => eval(__omp_source);\n`, factory: `${expression}\n${sourceUrl}\n${sourceMap}\n` }
    : { module: `${header} export default ${expression};\n${sourceUrl}\n` };
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
