// Dot product: a reduction over two long arrays (see kernels/dot.ts). Each element costs two
// loads and a multiply-add, so the loop is limited by memory bandwidth as much as by arithmetic.
import { dot, dotInputs } from "./kernels/dot.js";
import { report } from "./timing.js";

function main(): void {
  const { a, b } = dotInputs(8_000_000);
  report("dot", () => Math.round(dot(a, b) * 1000) / 1000);
}

main();
