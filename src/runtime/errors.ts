import { formatCode, type MessageArgs, type MessageKey, Messages } from "../diagnostics/messages.js";

/** An error thrown by the tsomp runtime; `code` is the catalog code, e.g. `OMP4004`. */
export class OmpError extends Error {
  readonly code: string;

  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OmpError";
    this.code = code;
  }
}

/** Builds the runtime error for a catalog entry: `OMP4001: …`, with an optional cause. */
export function ompError<K extends MessageKey>(key: K, args: MessageArgs<K>, cause?: unknown): OmpError {
  const spec = Messages[key] as { code: number; text: (a: MessageArgs<K>) => string };
  const code = formatCode(spec.code);
  return new OmpError(`${code}: ${spec.text(args)}`, code, cause === undefined ? undefined : { cause });
}

/** Emits a runtime warning from the catalog through Node's process warnings (so `--no-warnings` silences it). */
export function ompWarning<K extends MessageKey>(key: K, args: MessageArgs<K>): void {
  const spec = Messages[key] as { code: number; text: (a: MessageArgs<K>) => string };
  process.emitWarning(spec.text(args), { code: formatCode(spec.code), type: "TsompWarning" });
}
