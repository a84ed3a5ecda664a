/** Loaded with `node --import` by `tsomp run`: installs the hooks that serve compiled TypeScript. */
import { register } from "node:module";

const manifest = process.env.TSOMP_RUN_MANIFEST;
if (manifest) register("./hooks.js", import.meta.url, { data: { manifest } });
