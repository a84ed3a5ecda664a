// Jacobi relaxation of a heated plate: many short parallel regions in a row (two per step; see
// kernels/stencil.ts), which is what a stencil code looks like and what fork/join overhead shows up in.
import { relax } from "./kernels/stencil.js";
import { report } from "./timing.js";

report("jacobi", () => relax(400, 400));
