// piscina's fork/join: one empty task per thread of a pool of p threads, posted and awaited
// together, the closest a message-passing pool comes to an empty `parallel for`.
import { perCall, result, teamSize } from "../kernels/per-call.js";
import { createPool } from "./pool.js";

const p = teamSize();
const pool = createPool(p);
await Promise.all(Array.from({ length: p }, () => pool.run({ kind: "empty" })));
result({ name: "piscina", us: await perCall(() => Promise.all(Array.from({ length: p }, () => pool.run({ kind: "empty" })))) });
await pool.destroy();
