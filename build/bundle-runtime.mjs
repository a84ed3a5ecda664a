// Bundles the ES module build of tsomp/runtime (dist/src/runtime, from tsc) into dist/runtime:
// the public entry, the worker entry and the chunks they share, three or four files instead of
// thirty-five. Node's ES module loader takes about a millisecond per module, so the bundle is
// what makes a program's first parallel loop (and a worker's start) some 25 ms sooner. Both
// entries import the same shared chunk, so a worker has one copy of the runtime's state.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(fileURLToPath(import.meta.url), "../..");
const from = path.join(root, "dist/src/runtime");
const outdir = path.join(root, "dist/runtime");
fs.rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [path.join(from, "index.js"), path.join(from, "worker.js")],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  // source-maps.ts loads @jridgewell/remapping with createRequire, from the package's dependencies.
  external: ["@jridgewell/remapping"],
  // runtime-files.cts is CommonJS in both builds (see there): give it require and __dirname.
  banner: {
    js: [
      'import { createRequire as __tsompCreateRequire } from "node:module";',
      'import { fileURLToPath as __tsompFileURLToPath } from "node:url";',
      "const require = __tsompCreateRequire(import.meta.url);",
      'const __dirname = __tsompFileURLToPath(new URL(".", import.meta.url));',
    ].join(" "),
  },
  logLevel: "warning",
});
