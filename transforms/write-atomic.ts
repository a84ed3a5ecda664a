import fs from "node:fs";
import path from "node:path";

/** Writes a file so that readers see either the old or the whole new content: a temporary file, then a rename. */
export function writeAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes a file with `writeAtomic` unless it already holds exactly `content`, so that unchanged outputs keep their time stamps. */
export function writeAtomicIfChanged(file: string, content: string): void {
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content) writeAtomic(file, content);
}
