// Benchmark: Jacobi relaxation (examples/kernels/stencil.ts) on a 256 × 256 grid for 1000 steps:
// more than a thousand short regions (about 50 µs of work each), so fork/join cost shows.
import { relax } from "../../examples/kernels/stencil.js";
import { report } from "../../examples/timing.js";

await report("jacobi", () => relax(256, 1000));
