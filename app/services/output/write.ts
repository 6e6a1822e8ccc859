/**
 * The one output function: every file the program writes goes through `writeOutputFile` (or, for a
 * folder of files, `writeOutputFolder` in folder.ts, which uses the same pieces).
 * - The target must pass the write-target allow-list (media/write-target.ts, 规程第十一、十二、十三条):
 *   checked on the folder the file goes into, again on that folder once created, and again right
 *   before the file is renamed into place, so a mount point or a symbolic link below the output root
 *   is caught. Where the check cannot be made, only the 安全保密管理员's exception lets a write
 *   through (policy/read.ts), and its audit row says so.
 * - Never a half-written file: a temporary name (0600) in the same folder, fsync, rename, fsync of the
 *   folder; the temporary file is removed on any failure, and leftovers of a crash are swept at the
 *   next write into that folder (output-sweep.ts). Folders are created 0700.
 * - A full disk is explained in Chinese without touching what was there before.
 * - Every file is recorded in the access log (存档 for classified content).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { sha256Hex } from '../../../crypto/digest.js';
import { checkWriteTarget, type SystemProbe } from '../../../media/write-target.js';
import { getSetting, setSetting } from '../../store/repositories/settings.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { OutputError } from '../errors.js';
import { getOutputPolicy, UNVERIFIED_NOTE } from '../policy/read.js';
import { describeIncomplete, sweepIncompleteOutputs, tempFileName, type IncompleteOutput } from './sweep.js';
import { outputMessages } from './messages.js';

export interface WrittenFile {
  /** Path relative to the output root, with forward slashes. */
  readonly path: string;
  readonly absolutePath: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface OutputOptions {
  /** Secret content (items, answers, papers): recorded in the 存档 register. */
  readonly classified: boolean;
  /** For tests: a fake system probe. */
  readonly probe?: SystemProbe;
  /** For tests: runs after the data is on disk under its temporary name, right before the rename. */
  readonly beforeRename?: (finalPath: string) => void;
}

/** The write-target check refused the target (the refusal is already in the access log). */
export class TargetRefusedError extends OutputError {
  override name = 'TargetRefusedError';
}

/** Refuses a directory the write-target check does not allow (throws OutputError); no exception applies. */
export function assertWritableTarget(dir: string, probe?: SystemProbe): void {
  const verdict = checkWriteTarget(dir, probe);
  if (!verdict.allowed) throw new OutputError(verdict.reason);
}

/**
 * The write-target check as outputs apply it: refusals are recorded (拒绝) and thrown; an
 * `unverifiable` target passes only under the 安全保密管理员's exception. Returns whether it did.
 */
export function guardOutput(ctx: ServiceContext, path: string, objects: readonly string[], probe?: SystemProbe): { unverified: boolean } {
  const verdict = checkWriteTarget(path, probe);
  if (verdict.allowed) return { unverified: false };
  if (verdict.kind === 'unverifiable' && getOutputPolicy(ctx.db).allowUnverifiedTargets) return { unverified: true };
  recordAudit(ctx, { action: 'output.write', register: '拒绝', objects, result: 'refused', detail: verdict.reason });
  throw new TargetRefusedError(verdict.reason);
}

export function safeRelative(relPath: string): string {
  const norm = normalize(relPath).replace(/\\/g, '/');
  if (relPath.trim() === '' || isAbsolute(relPath) || norm === '..' || norm.startsWith('../')) {
    throw new OutputError(outputMessages.badFileName(relPath));
  }
  return norm;
}

/** The Chinese message for a failed write (full disk, no permission, read-only medium …). */
export function describeWriteError(e: unknown, path: string): OutputError {
  if (e instanceof OutputError) return e;
  const code = (e as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return new OutputError(outputMessages.diskFull(path));
  if (code === 'EACCES' || code === 'EPERM') return new OutputError(outputMessages.noPermission(path));
  if (code === 'EROFS' || code === 'SQLITE_READONLY') return new OutputError(outputMessages.readOnly(path));
  return new OutputError(outputMessages.writeFailed(path, (e as Error).message));
}

/**
 * An error of writing under `path` as the user is told it: a failure of the file system (or of SQLite
 * writing a file there) becomes the Chinese OutputError of describeWriteError; anything else is returned
 * as it is (a ServiceError already speaks Chinese, a programming error should show as one).
 */
export function asWriteError(e: unknown, path: string): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  const fileSystem = typeof code === 'string' && (/^E[A-Z]+$/.test(code) || /^SQLITE_(FULL|READONLY|CANTOPEN|IOERR)/.test(code));
  return fileSystem && !(e instanceof OutputError) ? describeWriteError(e, path) : e;
}

/** fsync of a folder, so a rename in it survives a power cut (not possible everywhere: ignored then). */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Creates `dir` and its missing parents 0700. */
export function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    // Node's recursive mkdir reports a read-only file system as ENOENT: making the first missing folder
    // on its own gives the real reason (EROFS, EACCES …)
    let first = resolve(dir);
    while (!existsSync(dirname(first)) && dirname(first) !== first) first = dirname(first);
    mkdirSync(first, { mode: 0o700 });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
}

/**
 * Writes `bytes` to `target` atomically: temporary name (0600) beside it, fsync, `recheck()`, rename,
 * fsync of the folder. The temporary file never survives a failure.
 */
export function writeFileDurably(target: string, bytes: Uint8Array, recheck: () => void, beforeRename?: (finalPath: string) => void): void {
  const tmp = join(dirname(target), tempFileName());
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      let off = 0;
      while (off < bytes.byteLength) off += writeSync(fd, bytes, off, bytes.byteLength - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    beforeRename?.(target);
    recheck();
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDir(dirname(target));
}

export function fileRecord(rel: string, target: string, bytes: Uint8Array): WrittenFile {
  return { path: rel, absolutePath: target, bytes: bytes.byteLength, sha256: sha256Hex(bytes) };
}

export function writeDetail(file: WrittenFile, unverified: boolean): string {
  return `${unverified ? `${UNVERIFIED_NOTE}；` : ''}${file.bytes} bytes sha256=${file.sha256}`;
}

const LOCATIONS = 'output.locations';
const MAX_LOCATIONS = 32;

/** Remembers where outputs go, so that the next start can sweep there too (most recent first). */
export function rememberOutputLocation(ctx: ServiceContext, folder: string): void {
  const known = knownOutputLocations(ctx).filter((f) => f !== folder);
  setSetting(ctx.db, LOCATIONS, JSON.stringify([folder, ...known].slice(0, MAX_LOCATIONS)));
}

function knownOutputLocations(ctx: ServiceContext): string[] {
  try {
    const parsed = JSON.parse(getSetting(ctx.db, LOCATIONS) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * At the start of a session: removes what crashed outputs left in every folder outputs went to
 * (partial folders, temporary files — possibly whole plaintext documents) and logs them as 不完整.
 * Returns what was found.
 */
export function sweepKnownOutputLocations(ctx: ServiceContext): IncompleteOutput[] {
  const found: IncompleteOutput[] = [];
  for (const folder of knownOutputLocations(ctx)) {
    const here = sweepIncompleteOutputs(folder).map((f) => ({ ...f, path: join(folder, f.path).replace(/\\/g, '/') }));
    found.push(...here);
  }
  recordSwept(ctx, found);
  return found;
}

/** Records leftovers an output removed before it started (shown as 不完整). */
export function recordSwept(ctx: ServiceContext, found: readonly IncompleteOutput[]): void {
  if (found.length === 0) return;
  recordAudit(ctx, { action: 'output.sweep', register: '', objects: found.map((f) => `file:${f.path}`), result: 'ok', detail: describeIncomplete(found) });
}

export function writeOutputFile(
  ctx: ServiceContext,
  root: string,
  relPath: string,
  data: Uint8Array | string,
  options: OutputOptions,
): WrittenFile {
  const rel = safeRelative(relPath);
  const absRoot = resolve(root);
  const target = join(absRoot, rel);
  if (relative(absRoot, target).startsWith('..')) throw new OutputError(outputMessages.badFileName(relPath));
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const objects = [`file:${rel}`];
  const folder = dirname(target);
  const check = () => guardOutput(ctx, folder, objects, options.probe);
  const { unverified } = check();
  recordSwept(ctx, sweepIncompleteOutputs(folder));
  rememberOutputLocation(ctx, folder);
  try {
    makeFolder(folder);
    check();
    writeFileDurably(target, bytes, check, options.beforeRename);
  } catch (e) {
    if (e instanceof OutputError) throw e;
    const error = describeWriteError(e, target);
    recordAudit(ctx, { action: 'output.write', register: '', objects, result: 'error', detail: error.message });
    throw error;
  }
  const written = fileRecord(rel, target, bytes);
  recordAudit(ctx, { action: 'output.write', register: options.classified ? '存档' : '', objects, result: 'ok', detail: writeDetail(written, unverified) });
  return written;
}
