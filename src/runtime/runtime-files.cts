/**
 * Where the runtime's files are. Workers always run the ES module build (worker.ts uses top-level
 * await), and the code they evaluate imports its index.js, whichever build thread 0 loaded. This
 * module is CommonJS in both builds, so that it has `__dirname` (the bundle in dist/runtime, which
 * tsomp/runtime's `import` condition names, defines it): the CommonJS build, in
 * dist/cjs/src/runtime, finds the bundled ES module build in dist/runtime.
 */
import path = require("node:path");
import url = require("node:url");

const inCommonJsBuild = path.basename(path.resolve(__dirname, "../..")) === "cjs";
const esmFolder = inCommonJsBuild ? path.resolve(__dirname, "../../../runtime") : __dirname;

/** The worker entry of the ES module build, which every worker runs. */
const workerUrl = url.pathToFileURL(path.join(esmFolder, "worker.js"));
/** tsomp/runtime of the ES module build, which the code that workers evaluate imports. */
const runtimeUrl = url.pathToFileURL(path.join(esmFolder, "index.js")).href;
/** tsomp/runtime of the build this module belongs to (the CommonJS one in the CommonJS build). */
const runtimeFile = path.join(__dirname, "index.js");

export = { workerUrl, runtimeUrl, runtimeFile };
