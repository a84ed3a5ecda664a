import { CRITICAL_SLOTS } from "./control.js";

/**
 * The lock slot of the `critical` constructs named `name` ("" for unnamed ones): FNV-1a of the
 * name, modulo the slots. The compiler writes it into the generated code (critical.ts).
 */
export function criticalSlot(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 0) % CRITICAL_SLOTS;
}
