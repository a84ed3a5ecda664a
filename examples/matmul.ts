// Dense matrix multiply C = A × B (row-major n × n; see kernels/matmul.ts). Each row of C is
// independent, so the rows are split between the threads.
import { matmul, matmulInputs, matrixChecksum } from "./kernels/matmul.js";
import { report } from "./timing.js";

function main(): void {
  const n = 512;
  const { a, b, c } = matmulInputs(n);
  report("matmul", () => {
    matmul(a, b, c, n);
    return matrixChecksum(c);
  });
}

main();
