import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { runNode, spawnNode } from "../helpers/run-node.js";
import { CLI, listFiles, tempProject } from "../helpers/temp-project.js";
import { waitFor } from "../helpers/wait-for.js";

const kernel = (body: string) => `export function scale(a: Float64Array, k: number): void {
  // @omp parallel for
  for (let i = 0; i < a.length; i++) a[i] = ${body};
}
`;
const broken = kernel("a[i]! * k").replace("parallel for", "parallel for privte(x)");
const main = `import { scale } from "./lib/kernel.js";
const a = new Float64Array(1000);
scale(a, 3);
console.log(a[1]);
`;

/** Starts `tsomp build … --watch` in `dir`, killed when the test ends; counts the builds it reported and waits for conditions. */
function startWatch(dir: string, args: readonly string[]) {
  const watcher = spawnNode([CLI, "build", ...args, "--watch"], {}, dir);
  onTestFinished(() => watcher.kill("SIGKILL"));
  const builds = () => watcher.stdout().match(/\] Found .*\. Watching for file changes\.\n/g)?.length ?? 0;
  const read = (file: string) => (fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), "utf8") : "");
  const until = (what: string, condition: () => boolean) => waitFor(() => `${what}\n--- stdout:\n${watcher.stdout()}--- stderr:\n${watcher.stderr()}`, condition);
  return { ...watcher, builds, read, until };
}

describe("tsomp build --watch", () => {
  it("builds again when a module changes, keeps the last good output of a file with errors, and follows new imports", async () => {
    const dir = tempProject("watch-imports", { "main.ts": main, "lib/kernel.ts": kernel("a[i]! * k") });
    const w = startWatch(dir, ["main.ts", "--out-dir", "out", "--js"]);
    await w.until("the first build", () => w.builds() === 1);
    expect(w.stdout()).toMatch(/^\[.+\] Starting compilation in watch mode\.\.\.\n\[.+\] Found 0 errors, 0 warnings\. Watching for file changes\.\n$/);
    expect(listFiles(path.join(dir, "out"))).toEqual(["lib/kernel.js", "lib/kernel.js.map", "main.js", "main.js.map"]);

    fs.writeFileSync(path.join(dir, "lib/kernel.ts"), kernel("a[i]! * k + 1"));
    await w.until("the changed kernel", () => w.builds() >= 2 && w.read("out/lib/kernel.js").includes("k + 1"));
    expect(w.stdout()).toContain("] File change detected. Starting incremental compilation...\n");

    const good = w.read("out/lib/kernel.js");
    fs.writeFileSync(path.join(dir, "lib/kernel.ts"), broken);
    await w.until("the error", () => w.stdout().includes("] Found 1 error, 0 warnings. Watching for file changes.\n"));
    expect(w.stderr()).toContain("lib/kernel.ts(2,24): error OMP1004: Unknown clause 'privte' on 'parallel for'. Did you mean 'private'?\n\n2     // @omp parallel for privte(x)\n");
    expect(w.read("out/lib/kernel.js")).toBe(good);

    fs.writeFileSync(path.join(dir, "lib/kernel.ts"), kernel("a[i]! * k + 2"));
    await w.until("the fixed kernel", () => w.read("out/lib/kernel.js").includes("k + 2"));

    fs.writeFileSync(path.join(dir, "lib/offset.ts"), `export const offset = 1;\n`);
    fs.writeFileSync(path.join(dir, "main.ts"), `import { offset } from "./lib/offset.js";\n${main.replace("scale(a, 3)", "scale(a, 3 + offset)")}`);
    await w.until("the new module", () => w.read("out/lib/offset.js") !== "" && w.read("out/main.js").includes("3 + offset"));

    w.kill("SIGTERM");
    expect(await w.exited).toEqual({ code: 0, signal: null });
    expect(w.stderr()).not.toContain("tsomp:");
  });

  it("builds files added to an input folder, and neither reads its output folder nor rewrites unchanged outputs", async () => {
    const dir = tempProject("watch-folder", { "main.ts": main, "lib/kernel.ts": kernel("a[i]! * k") });
    const w = startWatch(dir, [".", "--out-dir", "out"]);
    await w.until("the first build", () => w.builds() >= 1 && w.read("out/lib/kernel.ts") !== "");
    const inode = (file: string) => fs.statSync(path.join(dir, "out", file)).ino;
    const kernelInode = inode("lib/kernel.ts");

    fs.writeFileSync(path.join(dir, "lib/plain.ts"), `export const answer = 42;\n`);
    await w.until("the added file", () => w.builds() >= 2 && w.read("out/lib/plain.ts") !== "");
    expect(inode("lib/kernel.ts")).toBe(kernelInode);

    const plainInode = inode("lib/plain.ts");
    fs.writeFileSync(path.join(dir, "lib/kernel.ts"), kernel("a[i]! * k + 1"));
    await w.until("the changed kernel", () => w.builds() >= 3 && w.read("out/lib/kernel.ts").includes("k + 1"));
    expect(inode("lib/plain.ts")).toBe(plainInode);
    expect(listFiles(path.join(dir, "out"))).toEqual(["lib/kernel.ts", "lib/kernel.ts.map", "lib/plain.ts", "main.ts", "main.ts.map"]);

    w.kill("SIGINT");
    expect(await w.exited).toEqual({ code: 0, signal: null });
    expect(w.builds()).toBe(3);
    expect(w.stderr()).toBe("");
  });

  it("cannot print JSON", async () => {
    const run = await runNode([CLI, "build", ".", "--out-dir", "out", "--watch", "--format", "json"], {}, 60_000, tempProject("watch-json", {}));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("option '-w, --watch' cannot be used with option '--format <format>'");
  });
});
