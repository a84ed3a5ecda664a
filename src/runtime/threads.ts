import { TeamThread } from "./team-thread.js";

const stack: TeamThread[] = [];
let depth = 0;

/** Takes this thread's TeamThread for the next nesting depth (regions nest through called functions). */
export function enterThread(): TeamThread {
  const t = (stack[depth] ??= new TeamThread());
  depth++;
  return t;
}

/** Gives back the TeamThread taken by the matching `enterThread`. */
export function leaveThread(): void {
  depth--;
}
