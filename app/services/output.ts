/**
 * The one output function: every file the program writes goes through `writeOutputFile`.
 * It refuses USB, removable and network targets (media/write-target.ts, 规程第十二条), never leaves a
 * half-written file (write to a temporary name, fsync, rename), reports a full disk in Chinese
 * without touching what was there before, and records the write in the access log (存档 for
 * classified content).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../../crypto/digest.js';
import { checkWriteTarget, type SystemProbe } from '../../media/write-target.js';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { OutputError } from './errors.js';

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
}

/** Refuses a directory on USB, removable or network storage (throws OutputError). */
export function assertWritableTarget(dir: string, probe?: SystemProbe): void {
  const verdict = checkWriteTarget(dir, probe);
  if (!verdict.allowed) throw new OutputError(verdict.reason);
}

function safeRelative(relPath: string): string {
  const norm = normalize(relPath).replace(/\\/g, '/');
  if (relPath.trim() === '' || isAbsolute(relPath) || norm === '..' || norm.startsWith('../')) {
    throw new OutputError(`输出文件名不合法：${relPath}`);
  }
  return norm;
}

/** The Chinese message for a failed write (full disk, no permission, read-only medium …). */
export function describeWriteError(e: unknown, path: string): OutputError {
  const code = (e as { code?: string }).code;
  if (code === 'ENOSPC') return new OutputError(`磁盘空间不足，文件未写入：${path}（原有文件未改变）`);
  if (code === 'EACCES' || code === 'EPERM') return new OutputError(`没有写入权限：${path}`);
  if (code === 'EROFS') return new OutputError(`目标位置只读，无法写入：${path}`);
  return new OutputError(`写入文件失败：${path}（${(e as Error).message}）`);
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
  if (relative(absRoot, target).startsWith('..')) throw new OutputError(`输出文件名不合法：${relPath}`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    assertWritableTarget(absRoot, options.probe);
  } catch (e) {
    recordAudit(ctx, { action: 'output.write', register: '拒绝', objects: [`file:${rel}`], result: 'refused', detail: (e as Error).message });
    throw e;
  }
  const tmp = join(dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(tmp, 'w', 0o600);
    try {
      let off = 0;
      while (off < bytes.byteLength) off += writeSync(fd, bytes, off, bytes.byteLength - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    const error = describeWriteError(e, target);
    recordAudit(ctx, { action: 'output.write', register: '', objects: [`file:${rel}`], result: 'error', detail: error.message });
    throw error;
  }
  const written = { path: rel, absolutePath: target, bytes: bytes.byteLength, sha256: sha256Hex(bytes) };
  recordAudit(ctx, {
    action: 'output.write',
    register: options.classified ? '存档' : '',
    objects: [`file:${rel}`],
    result: 'ok',
    detail: `${written.bytes} bytes sha256=${written.sha256}`,
  });
  return written;
}
