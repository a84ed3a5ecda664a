import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./fixture-files.js";

/** Creates a fresh folder under `.tmp/` (inside the repository, so `tsomp/runtime` resolves) with the given files. */
export function tempProject(name: string, files: Record<string, string>): string {
  const dir = path.join(ROOT, ".tmp", "projects", name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** The path of the built CLI. */
export const CLI = path.join(ROOT, "dist", "bin", "tsomp.js");
