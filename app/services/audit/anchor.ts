/**
 * External anchors of the access log: what the log looked like at some moment, kept where the
 * database cannot rewrite it.
 * - The anchor file `<anchorDir>/<workstation id>.json` (0600 in a 0700 folder, in the OS account's
 *   profile) holds the head the program last committed (and the head it is about to commit), and
 *   the latest signed checkpoint. `verify` flags a database older than it, or with rows it never saw.
 * - An anchor text `seq:hash` (printed on every register export and 存档 entry, and on every disc)
 *   proves, with `qbank audit verify --anchor`, that the log still contains that row unchanged.
 * Anchors hold hashes, ids and signatures only, never content.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ServiceError } from '../errors.js';
import { auditMessages } from './messages.js';

const head = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });
export type AnchorHead = z.infer<typeof head>;

const checkpoint = z.object({
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  auditSeq: z.number().int().min(0),
  auditHash: z.string().regex(/^[0-9a-f]{64}$/),
  signer: z.string(),
  keyId: z.string(),
  signature: z.string(),
  at: z.string(),
});
export type AnchorCheckpoint = z.infer<typeof checkpoint>;

const anchorFile = z.object({
  version: z.literal(1),
  workstationId: z.string().min(1),
  /** Head of the log after the program's last commit. */
  head,
  /** Head the program was about to commit (a crash between the two leaves either in the database). */
  pending: head.nullable(),
  checkpoint: checkpoint.nullable(),
  /** Ids (SHA-256 of the public key) of every account key known at that checkpoint. */
  keys: z.array(z.string()).default([]),
});
export type AnchorFile = z.infer<typeof anchorFile>;

function fileOf(dir: string, workstationId: string): string {
  if (!/^[0-9A-Za-z-]+$/.test(workstationId)) throw new ServiceError(auditMessages.badWorkstationId(workstationId));
  return join(dir, `${workstationId}.json`);
}

/** The anchor file of the workstation, or undefined when none was kept here. Throws on a damaged file. */
export function readAnchorFile(dir: string, workstationId: string): AnchorFile | undefined {
  let text: string;
  try {
    text = readFileSync(fileOf(dir, workstationId), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ServiceError(auditMessages.anchorUnreadable((e as Error).message));
  }
  const parsed = anchorFile.safeParse(safeJson(text));
  if (!parsed.success || parsed.data.workstationId !== workstationId) throw new ServiceError(auditMessages.anchorDamaged);
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Atomic replace: temporary file, fsync when asked, rename. */
function writeAnchorFile(dir: string, anchor: AnchorFile, durable: boolean): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = fileOf(dir, anchor.workstationId);
  const tmp = `${target}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(anchor, null, 1));
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, target);
}

function update(dir: string, workstationId: string, change: (a: AnchorFile) => AnchorFile, durable: boolean): void {
  let current: AnchorFile | undefined;
  try {
    current = readAnchorFile(dir, workstationId);
  } catch {
    current = undefined; // a damaged file is replaced; verify reported it before
  }
  const base: AnchorFile = current ?? { version: 1, workstationId, head: { seq: 0, hash: '0'.repeat(64) }, pending: null, checkpoint: null, keys: [] };
  writeAnchorFile(dir, change(base), durable);
}

/** Replaces the whole anchor file at once (durable): a restore puts the restored database's in place. */
export function replaceAnchorFile(dir: string, anchor: AnchorFile): void {
  writeAnchorFile(dir, anchor, true);
}

/** Before a commit: the head the log will have (durable, so a crash cannot lose it). */
export function notePendingHead(dir: string, workstationId: string, next: AnchorHead): void {
  update(dir, workstationId, (a) => ({ ...a, pending: next.seq >= a.head.seq ? next : a.pending }), true);
}

/**
 * After a commit: the head the log has now (never moved backwards: another process may be ahead),
 * and the latest checkpoint with the keys known then. Not fsynced: after a crash the pending head
 * written before the commit still vouches for it.
 */
export function noteCommitted(dir: string, workstationId: string, now: AnchorHead, c: AnchorCheckpoint | null, keys: readonly string[]): void {
  update(
    dir,
    workstationId,
    (a) => {
      const headed = now.seq >= a.head.seq ? { ...a, head: now, pending: null } : a;
      if (c === null || (headed.checkpoint && headed.checkpoint.seq >= c.seq)) return headed;
      return { ...headed, checkpoint: c, keys: [...new Set([...headed.keys, ...keys])] };
    },
    false,
  );
}

/** `seq:hash` — the text printed on registers, 存档 entries and discs. */
export function anchorText(h: AnchorHead): string {
  return `${h.seq}:${h.hash}`;
}

/** Parses `seq:hash` (also found inside a longer text, e.g. a file holding a printed anchor). */
export function parseAnchorText(text: string): AnchorHead | undefined {
  const m = /(\d+):([0-9a-f]{64})/.exec(text);
  return m ? { seq: Number(m[1]), hash: m[2] as string } : undefined;
}
