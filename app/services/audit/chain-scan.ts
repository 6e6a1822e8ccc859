/**
 * One pass over the access log that recomputes every link of the hash chain. Built for speed (the
 * log reaches millions of rows): rows are read as raw arrays and the canonical encoding is
 * assembled from the stored JSON of `objects` instead of parsing it. A stored `objects` text that is
 * not exactly what the program wrote hashes differently and so shows as a broken link — which it is.
 */
import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '../../domain/audit.js';
import type { ReadableDB } from '../../store/database.js';

export interface ChainScan {
  readonly entries: number;
  /** Hash of the last row (GENESIS_HASH when empty). */
  readonly head: string;
  readonly lastSeq: number;
  /** seq of the first row whose link or hash is wrong, or whose seq is not the next number. */
  readonly brokenAt?: number;
  /** `session.logout` rows: [seq, actor id]. */
  readonly logouts: ReadonlyArray<readonly [number, number]>;
  /** Row hashes at the given seqs (checkpoints and anchors look them up without a second query). */
  readonly hashesAt: ReadonlyMap<number, string>;
}

type RawRow = [number, string, string, number | null, string, string, string, string, string, string, string];

const str = JSON.stringify;

/** Scans the rows in order; `wanted` are seqs whose stored hash the caller needs. */
export function scanChain(db: ReadableDB, wanted: ReadonlySet<number> = new Set()): ChainScan {
  const stmt = db
    .prepare('SELECT seq, at, actor, actor_id, action, register, objects, result, detail, prev_hash, hash FROM audit_log ORDER BY seq')
    .raw(true);
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let brokenAt: number | undefined;
  let entries = 0;
  const logouts: Array<readonly [number, number]> = [];
  const hashesAt = new Map<number, string>();
  for (const r of stmt.iterate() as IterableIterator<RawRow>) {
    const [seq, at, actor, actorId, action, register, objects, result, detail, prevHash, hash] = r;
    entries++;
    if (brokenAt === undefined) {
      const canonical = `[${seq},${str(at)},${str(actor)},${actorId === null ? 'null' : actorId},${str(action)},${str(register)},${objects},${str(result)},${str(detail)}]`;
      const computed = createHash('sha256').update(Buffer.from(prevHash, 'hex')).update(canonical, 'utf8').digest('hex');
      if (seq !== expectedSeq || prevHash !== expectedPrev || computed !== hash) brokenAt = seq;
    }
    if (action === 'session.logout' && result === 'ok' && actorId !== null) logouts.push([seq, actorId]);
    if (wanted.has(seq)) hashesAt.set(seq, hash);
    expectedPrev = hash;
    expectedSeq = seq + 1;
  }
  return { entries, head: expectedPrev, lastSeq: expectedSeq - 1, ...(brokenAt === undefined ? {} : { brokenAt }), logouts, hashesAt };
}
