/** Checks `condition` every 50 ms until it holds; after `timeout` ms throws with `what()`, which can show the output so far. */
export async function waitFor(what: () => string, condition: () => boolean, timeout = 20_000): Promise<void> {
  for (const end = Date.now() + timeout; !condition(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
  }
}
