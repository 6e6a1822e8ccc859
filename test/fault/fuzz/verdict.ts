/**
 * What one fuzz case came to, and the rules that decide it (shared by the child, which judges, and the
 * parent, which counts). A reader may accept a damaged file or refuse it; it must refuse with a message
 * — a non-empty text with Chinese in it, as every refusal of the program is worded — and by its own
 * error type (ReaderError, ServiceError …). Anything else is a crash: a TypeError or RangeError from
 * inside a library, a refusal without text, a problem of a row with an empty message.
 */
export type VerdictKind = 'accepted' | 'rejected' | 'crash';

export interface Verdict {
  readonly kind: VerdictKind;
  /** For a refusal its first message; for a crash what went wrong (error class, message, stack). */
  readonly detail: string;
}

/** The input of one case: named files (one for the single-file readers) and a variant number. */
export interface FuzzInput {
  readonly files: readonly (readonly [string, Uint8Array])[];
  /** Chooses a way of reading where a reader has several (e.g. a package opened into a folder or not). */
  readonly variant: number;
}

/** A message the user can read: non-empty, with Chinese text (a bare library message is not). */
export function isMessage(text: unknown): text is string {
  return typeof text === 'string' && text.trim() !== '' && /[\u3400-\u9fff]/.test(text);
}

export const accepted = (detail = ''): Verdict => ({ kind: 'accepted', detail });
export const rejected = (detail: string): Verdict => ({ kind: 'rejected', detail });
export const crash = (detail: string): Verdict => ({ kind: 'crash', detail });

/** An error as one line plus the top of its stack. */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return `thrown non-Error ${typeof e}: ${String(e)}`;
  const stack = (e.stack ?? '').split('\n').slice(1, 6).join('\n');
  return `${e.constructor.name}: ${e.message}\n${stack}`;
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * A thrown error: a refusal when it is one of `allowed` (exactly, or a subclass) with a message, a
 * crash otherwise. Plain `Error` is only allowed when listed (some crypto helpers throw it on purpose).
 */
export function judgeThrown(e: unknown, allowed: readonly ErrorClass[]): Verdict {
  const known = allowed.some((c) => e instanceof c && (c !== Error || (e as Error).constructor === Error));
  if (!known) return crash(describeError(e));
  const message = (e as Error).message;
  return isMessage(message) ? rejected(message) : crash(`refusal without a message: ${describeError(e)}`);
}

/** Problems as the readers report them: every one must carry a message. */
export function checkProblems(problems: readonly { readonly message: string }[], where: string): Verdict | undefined {
  const bad = problems.find((p) => !isMessage(p.message));
  return bad === undefined ? undefined : crash(`${where}: a problem without a message: ${JSON.stringify(bad)}`);
}
