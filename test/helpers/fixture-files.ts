import fs from "node:fs";
import path from "node:path";

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, "../..");
/** The fixtures folder. */
export const FIXTURES = path.join(ROOT, "fixtures");

/** Every fixture case (a folder with an `input.ts`) under `dir`, as paths relative to FIXTURES. */
export function findCases(dir = FIXTURES): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sub = path.join(dir, entry.name);
    if (fs.existsSync(path.join(sub, "input.ts"))) out.push(path.relative(FIXTURES, sub).split(path.sep).join("/"));
    else out.push(...findCases(sub));
  }
  return out.sort();
}

/** The TypeScript modules of a case: `input.ts` first, then any others it imports (not goldens). */
export function caseModules(dir: string): string[] {
  const others = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "input.ts" && !f.startsWith("output")).sort();
  return ["input.ts", ...others].map((f) => path.join(dir, f));
}

/** A case's options.json, if it has one. */
export function caseOptions<T>(dir: string): Partial<T> {
  const file = path.join(dir, "options.json");
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Partial<T>) : {};
}
