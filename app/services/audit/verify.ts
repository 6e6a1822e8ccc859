/**
 * Verification of the access log (`qbank audit verify`), in Chinese. It proves, in order:
 * 1. the hash chain: every row follows from the one before (edits, deletions, insertions, swaps);
 * 2. the signing keys: each is certified by an earlier key or by itself (the 三员 of first run);
 * 3. the checkpoints: a continuous chain of their own, each signed by its signer's key and naming a
 *    row that is still there with the same hash (re-signing needs an account's password; deleting a
 *    checkpoint leaves a gap or a broken link);
 * 4. every logout has the checkpoint its session signed (deleting trailing checkpoints shows);
 * 5. anchors kept outside the database: the anchor file of this OS account (a database older than
 *    it, or with rows the program never wrote, shows) and any anchor text the caller gives;
 * 6. with `pages`, that every page of every table and index still decrypts (a page changed on disk
 *    outside the log), naming the damaged tables.
 */
import { GENESIS_HASH } from '../../domain/audit.js';
import { keyIdOf, verifySignature } from '../../../crypto/signing.js';
import { closeDatabase, openReadOnly, type ReadableDB } from '../../store/database.js';
import { isDamagedPageError, NotADatabaseError } from '../../store/errors.js';
import { walkAllPages, type PageWalk } from '../../store/page-walk.js';
import { listAccountKeys, type AccountKeyRecord } from '../../store/repositories/account-keys.js';
import { countLegacyCheckpoints, legacyCheckpointedSeq, listCheckpoints, type CheckpointRecord } from '../../store/repositories/audit-checkpoints.js';
import { anchorText, readAnchorFile, type AnchorFile, type AnchorHead } from './anchor.js';
import { scanChain, type ChainScan } from './chain-scan.js';
import { keyCertificationProblems, workstationId } from './keys.js';
import { checkpointHash, checkpointMessage } from './checkpoint-format.js';
import { auditMessages } from './messages.js';

export interface VerifyOptions {
  /** Folder of the anchor file (null: do not consult one). */
  readonly anchorDir?: string | null;
  /** Anchors the caller vouches for (printed on a register, a disc, paper). */
  readonly anchors?: readonly AnchorHead[];
  /** Lets a large log be scanned by two threads (the second opens its own connection with this key). */
  readonly keyPragma?: string;
  /** The caller signs a checkpoint right after a successful verification (no rows stay unsigned). */
  readonly signsNow?: boolean;
  /** Also read every page of the file (about half the time of the chain scan again). */
  readonly pages?: boolean;
  /** For tests: the size from which a second thread helps. */
  readonly minRowsForWorker?: number;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  /** Hash of the last row (the chain head), GENESIS_HASH when empty. */
  readonly head: string;
  /** seq of the first row whose link is broken. */
  readonly brokenAt?: number;
  readonly checkpoints: number;
  /** Rows after the last signed checkpoint (signed at the next logout or verification). */
  readonly unsigned: number;
  /** Pages of the file read and found intact (with `pages`; 0 when some are damaged). */
  readonly pagesRead?: number;
  /** Every problem found, in Chinese. */
  readonly problems: readonly string[];
  /** What could not be checked (e.g. no anchor file on this OS account), in Chinese. */
  readonly warnings: readonly string[];
  /** One-line Chinese verdict. */
  readonly message: string;
}

function checkCheckpoints(db: ReadableDB, accountKeys: readonly AccountKeyRecord[], checkpoints: readonly CheckpointRecord[], scan: ChainScan, problems: string[]): void {
  const wsId = workstationId(db);
  const keys = new Map(accountKeys.map((k) => [k.keyId, k]));
  problems.push(...keyCertificationProblems(db, accountKeys));
  let prevHash = GENESIS_HASH;
  let expected = 1;
  for (const c of checkpoints) {
    const name = auditMessages.checkpointName(c.seq, c.at);
    if (c.seq !== expected) problems.push(auditMessages.seqGap(expected, c.seq - 1));
    if (c.prevHash !== prevHash) problems.push(auditMessages.brokenLink(name));
    const message = checkpointMessage(wsId, c);
    const key = keys.get(c.keyId);
    if (!key || key.accountId !== c.signerId) problems.push(auditMessages.keyNotSigner(name, c.keyId, c.signer));
    else if (!verifySignature(key.publicKeyPem, message, c.signature)) problems.push(auditMessages.badSignature(name));
    if (checkpointHash(message, c.signature) !== c.hash) problems.push(auditMessages.badHash(name));
    if (c.auditSeq > scan.lastSeq) problems.push(auditMessages.truncated(name, c.auditSeq, scan.lastSeq));
    else if (c.auditSeq > 0 && scan.hashesAt.get(c.auditSeq) !== c.auditHash) problems.push(auditMessages.rowChanged(name, c.auditSeq));
    else if (c.auditSeq === 0 && c.auditHash !== GENESIS_HASH) problems.push(auditMessages.badGenesis(name));
    prevHash = c.hash;
    expected = c.seq + 1;
  }
}

/**
 * Pairs, per account, the i-th logout row with the i-th logout checkpoint that account signed.
 * Logouts up to `legacyUntil` were checkpointed before schema 150 (audit_checkpoints_v1).
 */
function checkLogouts(checkpoints: readonly CheckpointRecord[], scan: ChainScan, legacyUntil: number, problems: string[]): void {
  const signed = new Map<number, number[]>();
  for (const c of checkpoints) if (c.reason === 'logout') signed.set(c.signerId, [...(signed.get(c.signerId) ?? []), c.auditSeq]);
  const used = new Map<number, number>();
  const missing: number[] = [];
  for (const [seq, actorId] of scan.logouts) {
    if (seq <= legacyUntil) continue;
    const list = signed.get(actorId) ?? [];
    const i = used.get(actorId) ?? 0;
    const at = list[i];
    if (at === undefined || at < seq) missing.push(seq);
    else used.set(actorId, i + 1);
  }
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).map((s) => auditMessages.row(s)).join('、');
    problems.push(auditMessages.unsignedLogouts(missing.length, shown, missing.length > 5));
  }
}

function checkGivenAnchor(a: AnchorHead, scan: ChainScan, problems: string[]): void {
  if (a.seq > scan.lastSeq) problems.push(auditMessages.anchorBeyondLog(a.seq, a.hash.slice(0, 12), scan.lastSeq));
  else if (a.seq > 0 && scan.hashesAt.get(a.seq) !== a.hash) problems.push(auditMessages.anchorMismatch(a.seq, a.hash.slice(0, 12)));
}

function checkAnchorFile(accountKeys: readonly AccountKeyRecord[], file: AnchorFile, scan: ChainScan, checkpoints: readonly CheckpointRecord[], problems: string[]): void {
  const present = new Set(accountKeys.filter((k) => keyIdOf(k.publicKeyPem) === k.keyId).map((k) => k.keyId));
  const gone = file.keys.filter((id) => !present.has(id));
  if (gone.length > 0) problems.push(auditMessages.keysReplaced(gone.join('、')));
  const { head, pending } = file;
  const atHead = scan.lastSeq === head.seq && scan.head === head.hash;
  const atPending = pending !== null && scan.lastSeq === pending.seq && scan.head === pending.hash;
  if (scan.lastSeq < head.seq) problems.push(auditMessages.databaseOlder(head.seq, scan.lastSeq));
  else if (head.seq > 0 && scan.hashesAt.get(head.seq) !== head.hash) problems.push(auditMessages.localAnchorMismatch(head.seq));
  else if (!atHead && !atPending) problems.push(auditMessages.foreignRows(head.seq, scan.lastSeq - head.seq));
  const cp = file.checkpoint;
  if (cp) {
    const stored = checkpoints.find((c) => c.seq === cp.seq);
    if (!stored) problems.push(auditMessages.checkpointGone(cp.seq));
    else if (stored.hash !== cp.hash) problems.push(auditMessages.checkpointResigned(cp.seq));
  }
}

/**
 * The page walk, on a connection of its own when the key is given: a page that fails inside the
 * caller's write transaction would leave that transaction unable to write its log row.
 */
function walkPages(db: ReadableDB, keyPragma: string | undefined): PageWalk {
  if (keyPragma === undefined) return walkAllPages(db);
  let reader: ReadableDB;
  try {
    reader = openReadOnly(db.name, { keyPragma });
  } catch (e) {
    if (!(e instanceof NotADatabaseError)) throw e;
    return { pages: 0, damaged: [{ name: 'sqlite_schema', pagesRead: 0, detail: e.message }] };
  }
  try {
    return walkAllPages(reader);
  } finally {
    closeDatabase(reader);
  }
}

export async function verifyAuditChain(db: ReadableDB, options: VerifyOptions = {}): Promise<AuditVerification> {
  const walk = options.pages === true ? walkPages(db, options.keyPragma) : null;
  const pageProblems = (walk?.damaged ?? []).map((d) => auditMessages.objectDamaged(db.name, d.name, d.pagesRead, d.detail));
  const pagesRead = walk ? { pagesRead: walk.pages } : {};
  try {
    const v = await verifyChain(db, options, pageProblems);
    return { ...v, ...pagesRead, message: v.ok && walk ? `${v.message}；${auditMessages.pagesIntact(walk.pages)}` : v.message };
  } catch (e) {
    if (!isDamagedPageError(e)) throw e;
    // a page of the log, its checkpoints or the keys no longer decrypts: report it, naming the file
    const problems = pageProblems.length > 0 ? pageProblems : [auditMessages.pagesDamaged(db.name, (e as Error).message)];
    return { ok: false, entries: 0, head: GENESIS_HASH, checkpoints: 0, unsigned: 0, ...pagesRead, problems, warnings: [], message: auditMessages.notVerified(problems.join('；')) };
  }
}

async function verifyChain(db: ReadableDB, options: VerifyOptions, pageProblems: readonly string[]): Promise<AuditVerification> {
  const checkpoints = listCheckpoints(db);
  const given = options.anchors ?? [];
  let file: AnchorFile | undefined;
  const warnings: string[] = [];
  const problems: string[] = [...pageProblems];
  if (options.anchorDir) {
    try {
      file = readAnchorFile(options.anchorDir, workstationId(db));
      if (!file) warnings.push(auditMessages.noAnchorFile);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  const wanted = new Set<number>([...checkpoints.map((c) => c.auditSeq), ...given.map((a) => a.seq), ...(file ? [file.head.seq] : [])]);
  const scan = await scanChain(db, wanted, {
    ...(options.keyPragma === undefined ? {} : { keyPragma: options.keyPragma }),
    ...(options.minRowsForWorker === undefined ? {} : { minRowsForWorker: options.minRowsForWorker }),
  });
  if (scan.brokenAt !== undefined) problems.unshift(auditMessages.chainBroken(scan.brokenAt));
  const accountKeys = listAccountKeys(db);
  checkCheckpoints(db, accountKeys, checkpoints, scan, problems);
  checkLogouts(checkpoints, scan, legacyCheckpointedSeq(db), problems);
  for (const a of given) checkGivenAnchor(a, scan, problems);
  if (file) checkAnchorFile(accountKeys, file, scan, checkpoints, problems);
  const legacy = countLegacyCheckpoints(db);
  if (legacy > 0) warnings.push(auditMessages.legacyCheckpoints(legacy));
  const lastSigned = checkpoints.at(-1)?.auditSeq ?? 0;
  const unsigned = options.signsNow === true && problems.length === 0 ? 0 : Math.max(0, scan.lastSeq - lastSigned);
  const ok = problems.length === 0;
  const anchorsChecked = given.length + (file ? 1 : 0);
  const message = ok
    ? auditMessages.verified(scan.entries, checkpoints.length, anchorsChecked, unsigned, anchorText({ seq: scan.lastSeq, hash: scan.head }))
    : auditMessages.notVerified(problems.join('；'));
  return { ok, entries: scan.entries, head: scan.head, ...(scan.brokenAt === undefined ? {} : { brokenAt: scan.brokenAt }), checkpoints: checkpoints.length, unsigned, problems, warnings, message };
}
