/** Prints a plain value (objects, arrays, strings, numbers, booleans) as a compact, readable literal. */
export function printLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(printLiteral).join(", ")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${printLiteral(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}
