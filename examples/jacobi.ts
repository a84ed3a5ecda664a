// Jacobi relaxation of a heated plate: many short parallel regions in a row (two per step), which
// is what a stencil code looks like and what fork/join overhead shows up in.
import { change, sweep } from "./kernels/stencil.js";
import { report } from "./timing.js";

function main(): void {
  const n = 400;
  const steps = 400;
  let a = new Float64Array(n * n);
  let b = new Float64Array(n * n);
  report("jacobi", () => {
    a.fill(0);
    b.fill(0);
    for (let j = 0; j < n; j++) {
      a[j] = 100;
      b[j] = 100;
    }
    let delta = 0;
    for (let step = 0; step < steps; step++) {
      sweep(a, b, n);
      if (step % 50 === 49) delta = change(a, b);
      [a, b] = [b, a];
    }
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += a[i]!;
    return Math.round(sum * 1e6) / 1e6 + Math.round(delta * 1e9) / 1e9;
  });
}

main();
