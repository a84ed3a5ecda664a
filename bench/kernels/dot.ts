// Benchmark: the dot product of examples/dot.ts over two vectors of 8,000,000 doubles: a
// reduction limited by memory bandwidth.
import { dot, dotInputs } from "../../examples/kernels/dot.js";
import { report } from "../../examples/timing.js";

const { a, b } = dotInputs(8_000_000);
await report("dot", () => Math.round(dot(a, b) * 1000) / 1000);
