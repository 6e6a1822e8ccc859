/**
 * The pass over the access log that recomputes every link of the hash chain
 * h_i = SHA-256(h_{i-1} ‖ canonical row_i) (cf. RFC 9162 §2.1). Built for millions of rows:
 * - SQLite assembles each row's canonical JSON itself (json_quote of every text column, the stored
 *   `objects` JSON as written), so JavaScript receives one string per row instead of eleven values;
 *   json_quote escapes exactly as JSON.stringify does for the text the program stores (tested), and
 *   a stored value that is not what the program wrote hashes differently — a broken link, as it is;
 * - each hash is one call into OpenSSL over a reused buffer;
 * - a large log is split in two ranges: a worker thread with its own read-only connection scans the
 *   older one while this thread scans the newer one (the tail may hold rows of the caller's open
 *   transaction, which only this connection sees).
 */
import { hash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
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
  firstPrev: string;
  lastHash: string;
  lastSeq: number;
  brokenAt: number | null;
  logouts: [number, number][];
  hashesAt: [number, string][];
}

/**
 * One row as one string: canonical JSON, then '\x1f' prev_hash hash seq '\x1f' action '\x1f' actor_id
 * '\x1f' result. The canonical part comes first so that its UTF-8 bytes are a prefix of the whole
 * string's: one write into the buffer serves the hash (json_quote escapes every control character,
 * so the first '\x1f' ends the canonical part; the tail is ASCII by construction — a row whose tail
 * is not, was not written by the program and fails its hash).
 */
const ROW_SQL = `SELECT '[' || seq || ',' || json_quote(at) || ',' || json_quote(actor) || ',' || ifnull(actor_id, 'null') || ',' ||
  json_quote(action) || ',' || json_quote(register) || ',' || objects || ',' || json_quote(result) || ',' || json_quote(detail) || ']' ||
  char(31) || prev_hash || hash || seq || char(31) || action || char(31) || ifnull(actor_id, '') || char(31) || result
  FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq`;

/**
 * Scans rows from..to. Self-contained on purpose (no imports, no closures): its source is also
 * what the worker runs.
 */
function scanRange(rows: Iterable<string>, sha256Hex: (data: Uint8Array) => string, from: number, wanted: ReadonlySet<number>): RangeResult {
  let buf = Buffer.alloc(1 << 16);
  const out: RangeResult = { count: 0, firstSeq: 0, firstPrev: '', lastHash: '', lastSeq: from - 1, brokenAt: null, logouts: [], hashesAt: [] };
  let expectedPrev = '';
  for (const s of rows) {
    const end = s.indexOf('\x1f');
    const h = end + 1; // prev_hash at h, hash at h + 64, seq from h + 128
    const f1 = s.indexOf('\x1f', h + 128);
    const f2 = s.indexOf('\x1f', f1 + 1);
    const f3 = s.indexOf('\x1f', f2 + 1);
    const seq = Number(s.slice(h + 128, f1));
    const stored = s.slice(h + 64, h + 128);
    if (out.count === 0) {
      out.firstPrev = s.slice(h, h + 64);
      out.firstSeq = seq;
      if (seq !== from) out.brokenAt = seq;
    } else if (out.brokenAt === null && (seq !== out.lastSeq + 1 || !s.startsWith(expectedPrev, h))) out.brokenAt = seq;
    if (out.brokenAt === null) {
      if (s.length * 3 + 32 > buf.length) buf = Buffer.alloc(s.length * 3 + 32);
      buf.write(s.slice(h, h + 64), 0, 32, 'hex');
      const written = buf.write(s, 32, 'utf8');
      const canonicalBytes = written - (s.length - end);
      if (sha256Hex(buf.subarray(0, 32 + canonicalBytes)) !== stored) out.brokenAt = seq;
    }
    if (s.startsWith('session.logout\x1f', f1 + 1) && s.endsWith('\x1fok') && f3 > f2 + 1) out.logouts.push([seq, Number(s.slice(f2 + 1, f3))]);
    if (wanted.has(seq)) out.hashesAt.push([seq, stored]);
    expectedPrev = stored;
    out.lastHash = stored;
    out.lastSeq = seq;
    out.count++;
  }
  return out;
}

const sha256Hex = (data: Uint8Array): string => hash('sha256', data, 'hex');

function scanHere(db: ReadableDB, from: number, to: number, wanted: ReadonlySet<number>): RangeResult {
  const rows = db.prepare(ROW_SQL).pluck().iterate(from, to) as IterableIterator<string>;
  return scanRange(rows, sha256Hex, from, wanted);
}

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
  const rows = db.prepare(sql).pluck().iterate(from, to);
  parentPort.postMessage(scanRange(rows, (d) => hash('sha256', d, 'hex'), from, new Set(wanted)));
} finally { db.close(); }
`;

function scanInWorker(file: string, keyPragma: string, from: number, to: number, wanted: ReadonlySet<number>): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, keyPragma, sql: ROW_SQL, from, to, wanted: [...wanted] } });
    worker.once('message', (r: RangeResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`审计日志校验线程异常退出（${code}）`))));
  });
}

/** Joins ranges scanned in order: the first row of each range must follow the last of the one before. */
function join(parts: readonly RangeResult[]): ChainScan {
  let head = GENESIS_HASH;
  let lastSeq = 0;
  let entries = 0;
  let brokenAt: number | undefined;
  const logouts: Array<readonly [number, number]> = [];
  const hashesAt = new Map<number, string>();
  for (const p of parts) {
    if (p.count === 0) continue;
    if (brokenAt === undefined && p.firstPrev !== head) brokenAt = p.firstSeq;
    if (brokenAt === undefined && p.brokenAt !== null) brokenAt = p.brokenAt;
    logouts.push(...p.logouts);
    for (const [seq, h] of p.hashesAt) hashesAt.set(seq, h);
    head = p.lastHash;
    lastSeq = p.lastSeq;
    entries += p.count;
  }
  return { entries, head, lastSeq, ...(brokenAt === undefined ? {} : { brokenAt }), logouts, hashesAt };
}

/** Scans the whole log; `wanted` are seqs whose stored hash the caller needs. */
export async function scanChain(db: ReadableDB, wanted: ReadonlySet<number> = new Set(), options: ScanOptions = {}): Promise<ChainScan> {
  const max = (db.prepare('SELECT COALESCE(MAX(seq), 0) FROM audit_log').pluck().get() as number) ?? 0;
  const min = options.minRowsForWorker ?? 200_000;
  if (options.keyPragma === undefined || max < min || max < 2 || availableParallelism() < 2) return join([scanHere(db, 1, max, wanted)]);
  const split = Math.floor(max / 2);
  const older = scanInWorker(db.name, options.keyPragma, 1, split, wanted);
  let newer: RangeResult;
  try {
    newer = scanHere(db, split + 1, max, wanted);
  } catch (e) {
    await older.catch(() => undefined);
    throw e;
  }
  return join([await older, newer]);
}
