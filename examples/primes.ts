// Counting primes by trial division: later numbers take longer to test, so static blocks would
// leave the first thread idle; `schedule(dynamic, 1000)` balances the work, and a reduction
// counts the primes.
import { report } from "./timing.js";

/** True when n is prime (trial division by odd numbers up to √n). */
function isPrime(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

/** How many primes are below `limit`. */
export function countPrimes(limit: number): number {
  let count = 0;
  // @omp parallel for reduction(+:count) schedule(dynamic, 1000)
  for (let n = 0; n < limit; n++) {
    if (isPrime(n)) count++;
  }
  return count;
}

function main(): void {
  report("primes", () => countPrimes(3_000_000));
}

main();
