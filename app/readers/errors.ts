/** Errors of the readers: a file they refuse. Callers turn them into a file-level problem. */
import type { LimitName, ReaderLimits } from './limits.js';
import { limitMessage, readerMessages } from './messages.js';

/** The file is damaged, forged or of a kind the reader does not take (message in Chinese). */
export class ReaderError extends Error {
  override name = 'ReaderError';
}

/** The file passes one of the bounds of limits.ts; `limit` names it. */
export class ReaderLimitError extends ReaderError {
  override name = 'ReaderLimitError';
  constructor(
    readonly limit: LimitName,
    limits: ReaderLimits,
    actual?: number,
    where?: string,
  ) {
    super(limitMessage(limit, limits, actual, where));
  }
}

/** Throws ReaderLimitError when `actual` is over the bound. */
export function bound(limit: LimitName, limits: ReaderLimits, actual: number, where?: string): void {
  if (actual > limits[limit]) throw new ReaderLimitError(limit, limits, actual, where);
}

/**
 * The time budget of one file: `check()` at safe points (between parts, every few thousand elements or
 * lines) throws once the budget is spent. The clock is injectable for tests.
 */
export class Budget {
  private readonly started: number;
  constructor(
    private readonly limits: ReaderLimits,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.started = clock();
  }

  elapsed(): number {
    return this.clock() - this.started;
  }

  check(): void {
    const spent = this.elapsed();
    if (spent > this.limits.timeMs) throw new ReaderLimitError('timeMs', this.limits, Math.round(spent));
  }
}

/**
 * The file-level message for a refused file: a bound names itself; a file that is no ZIP at all is
 * `notKind` (`不是有效的 Word 文件（.docx）`); other damage is `notKind：reason`.
 */
export function refusalMessage(error: ReaderError, notKind: string): string {
  if (error instanceof ReaderLimitError) return readerMessages.notRead(error.message);
  if (error.message === readerMessages.notZip) return notKind;
  return `${notKind}：${error.message}`;
}
