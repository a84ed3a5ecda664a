// Benchmark: the 512 × 512 matrix multiply of examples/matmul.ts (rows split statically).
import { matmul, matmulInputs, matrixChecksum } from "../../examples/kernels/matmul.js";
import { report } from "../../examples/timing.js";

const N = 512;
const { a, b, c } = matmulInputs(N);
await report("matmul", () => {
  matmul(a, b, c, N);
  return matrixChecksum(c);
});
