/**
 * The pass over the access log that recomputes every link of the hash chain
 * h_i = SHA-256(h_{i-1} ‖ canonical row_i) (cf. RFC 9162 §2.1). Built for millions of rows (the cost
 * is decrypting the pages, crossing into SQLite and hashing; scripts/bench/audit.mjs measures it):
 * - a row is stored as the canonical text its hash covers (migration 0160), so JavaScript receives
 *   one string per row and hashes it as it is;
 * - rows come in chunks, and each hash is one call into OpenSSL over a reused buffer; logouts are
 *   found through the index on the action instead of looking at every row;
 * - a large log is split in two ranges: a worker thread with its own read-only connection scans the
 *   older one while this thread scans the newer one (the tail may hold rows of the caller's open
 *   transaction, which only this connection sees).
 */
import { hash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { GENESIS_HASH } from '../../domain/audit.js';
import type { ReadableDB } from '../../store/database.js';
import { auditHead } from '../../store/repositories/audit-log.js';
import { auditMessages } from './messages.js';

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

export interface ScanOptions {
  /** `PRAGMA key` value for the worker's own connection; without it the scan stays in this thread. */
  readonly keyPragma?: string;
  /** Below this many rows one thread is faster than starting a worker. */
  readonly minRowsForWorker?: number;
}

/** What one range yields; plain data, so a worker can send it back. */
interface RangeResult {
  count: number;
  firstSeq: number;
  /** Hash of the row before the range as this connection read it (GENESIS_HASH before row 1). */
  startPrev: string;
  lastHash: string;
  lastSeq: number;
  brokenAt: number | null;
  hashesAt: [number, string][];
}

/**
 * One row as one string: the stored canonical text (migration 0160: the exact text the hash covers)
 * followed by the stored hash (64 hex digits, ASCII): one write into the buffer after the previous
 * hash gives exactly the bytes to hash, plus the 64 bytes to leave out. The stored prev_hash is not
 * read: each link is computed from the hash of the row before, which is what it must equal.
 */
const ROW_SQL = 'SELECT canonical || hash FROM audit_log WHERE seq BETWEEN @from AND @to ORDER BY seq';
const SEQ_SQL = 'SELECT seq FROM audit_log WHERE seq BETWEEN @from AND @to ORDER BY seq';
const PREV_SQL = 'SELECT hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1';

/**
 * Scans rows from..to of a connection. Self-contained on purpose (no imports, no closures): its
 * source is also what the worker runs. Rows come in chunks (fewer crossings into SQLite); a full
 * chunk holds exactly the seqs lo..hi (seq is the integer primary key), so seqs are read only for
 * a chunk with a gap.
 */
function scanRange(
  db: { prepare(sql: string): { pluck(): { all(...p: unknown[]): unknown[]; get(...p: unknown[]): unknown } } },
  sql: { row: string; seq: string; prev: string },
  sha256Hex: (data: Uint8Array) => string,
  from: number,
  to: number,
  wanted: ReadonlySet<number>,
): RangeResult {
  const genesis = '0'.repeat(64);
  const startPrev = from <= 1 ? genesis : ((db.prepare(sql.prev).pluck().get(from) as string | undefined) ?? genesis);
  const out: RangeResult = { count: 0, firstSeq: 0, startPrev, lastHash: '', lastSeq: from - 1, brokenAt: null, hashesAt: [] };
  const rowsOf = db.prepare(sql.row).pluck();
  const seqsOf = db.prepare(sql.seq).pluck();
  let buf = Buffer.alloc(1 << 16);
  let prev = startPrev;
  for (let lo = from; lo <= to; lo += 8192) {
    const hi = Math.min(to, lo + 8191);
    const rows = rowsOf.all({ from: lo, to: hi }) as string[];
    const seqs = rows.length === hi - lo + 1 ? null : (seqsOf.all({ from: lo, to: hi }) as number[]);
    for (let i = 0; i < rows.length; i++) {
      const s = rows[i] as string;
      const seq = seqs ? (seqs[i] as number) : lo + i;
      if (out.count === 0) out.firstSeq = seq;
      if (out.brokenAt === null && seq !== out.lastSeq + 1) out.brokenAt = seq;
      let rowHash: string | undefined;
      if (out.brokenAt === null) {
        if (s.length * 3 + 32 > buf.length) buf = Buffer.alloc(s.length * 3 + 32);
        buf.write(prev, 0, 32, 'hex');
        const written = buf.write(s, 32, 'utf8');
        const computed = sha256Hex(buf.subarray(0, written - 32));
        if (s.endsWith(computed)) rowHash = computed;
        else out.brokenAt = seq;
      }
      rowHash ??= s.slice(s.length - 64);
      if (wanted.has(seq)) out.hashesAt.push([seq, rowHash]);
      prev = rowHash;
      out.lastHash = rowHash;
      out.lastSeq = seq;
      out.count++;
    }
  }
  return out;
}

const sha256Hex = (data: Uint8Array): string => hash('sha256', data, 'hex');
const SQL = { row: ROW_SQL, seq: SEQ_SQL, prev: PREV_SQL };

/** The worker: opens its own read-only connection and scans one range with the same function. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const Database = require('better-sqlite3-multiple-ciphers');
const scanRange = ${scanRange.toString()};
const { file, keyPragma, sql, from, to, wanted } = workerData;
const db = new Database(file, { readonly: true, fileMustExist: true });
try {
  db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.pragma('key=' + keyPragma);
  db.pragma('temp_store = MEMORY'); db.pragma('query_only = ON');
  parentPort.postMessage(scanRange(db, sql, (d) => hash('sha256', d, 'hex'), from, to, new Set(wanted)));
} finally { db.close(); }
`;

function scanInWorker(file: string, keyPragma: string, from: number, to: number, wanted: ReadonlySet<number>): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, keyPragma, sql: SQL, from, to, wanted: [...wanted] } });
    worker.once('message', (r: RangeResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(auditMessages.workerExited(code)))));
  });
}

/** `session.logout` rows that succeeded, by the index on the action (migration 0160). */
function logoutsOf(db: ReadableDB): Array<readonly [number, number]> {
  const rows = db
    .prepare(`SELECT seq, actor_id FROM audit_log WHERE action = 'session.logout' AND result = 'ok' AND actor_id IS NOT NULL ORDER BY seq`)
    .raw(true)
    .all() as [number, number][];
  return rows;
}

/** Joins ranges scanned in order: the first row of each range must follow the last of the one before. */
function join(parts: readonly RangeResult[], logouts: Array<readonly [number, number]>): ChainScan {
  let head = GENESIS_HASH;
  let lastSeq = 0;
  let entries = 0;
  let brokenAt: number | undefined;
  const hashesAt = new Map<number, string>();
  for (const p of parts) {
    if (p.count === 0) continue;
    if (brokenAt === undefined && (p.startPrev !== head || p.firstSeq !== lastSeq + 1)) brokenAt = p.firstSeq;
    if (brokenAt === undefined && p.brokenAt !== null) brokenAt = p.brokenAt;
    for (const [seq, h] of p.hashesAt) hashesAt.set(seq, h);
    head = p.lastHash;
    lastSeq = p.lastSeq;
    entries += p.count;
  }
  return { entries, head, lastSeq, ...(brokenAt === undefined ? {} : { brokenAt }), logouts, hashesAt };
}

/** Scans the whole log; `wanted` are seqs whose stored hash the caller needs. */
export async function scanChain(db: ReadableDB, wanted: ReadonlySet<number> = new Set(), options: ScanOptions = {}): Promise<ChainScan> {
  const max = auditHead(db)?.seq ?? 0;
  const min = options.minRowsForWorker ?? 200_000;
  if (options.keyPragma === undefined || max < min || max < 2 || availableParallelism() < 2) return join([scanRange(db, SQL, sha256Hex, 1, max, wanted)], logoutsOf(db));
  // a passphrase costs the worker a key derivation (PBKDF2, 256 000 rounds) before it reads: give it less
  const workerShare = options.keyPragma.startsWith(`"x'`) ? 0.5 : 0.4;
  const split = Math.floor(max * workerShare);
  const older = scanInWorker(db.name, options.keyPragma, 1, split, wanted);
  let newer: RangeResult;
  try {
    newer = scanRange(db, SQL, sha256Hex, split + 1, max, wanted);
  } catch (e) {
    await older.catch(() => undefined);
    throw e;
  }
  return join([await older, newer], logoutsOf(db));
}
