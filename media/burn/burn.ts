/**
 * Burns a finished .iso image onto a blank optical disc, then reads the disc back and compares: the
 * SHA-256 of exactly the image's length of the disc must equal the image's expected SHA-256, else the
 * burn fails (`刻录校验失败：光盘内容与映像不一致`). The image itself is checked against that hash first,
 * so a damaged or swapped image is never burned.
 *
 *   Linux    xorriso -as cdrecord (growisofs when xorriso is missing); read back through xorriso
 *            (`-check_media data_to=-`), or the file itself for a `stdio:` pseudo-drive   → linux.ts
 *   Windows  IMAPI2 from PowerShell; read back from the raw volume `\\.\D:`             → windows.ts
 *   macOS    hdiutil burn; read back from `/dev/rdiskN`                                 → macos.ts
 *
 * Every program runs through a `Runner` (runner.ts: spawn, no shell), so tests record the command lines.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type OpticalDrive } from './drives.js';
import {
  BLOCK,
  GROWISOFS,
  growisofsWriteArgs,
  isLinuxDriveId,
  isStdioDrive,
  parseWriteProgress,
  parseXorrisoMedia,
  XORRISO,
  xorrisoEjectArgs,
  xorrisoReadArgs,
  xorrisoStatusArgs,
  xorrisoWriteArgs,
} from './linux.js';
import { DRUTIL, drutilEjectArgs, drutilNumber, drutilStatusArgs, HDIUTIL, hdiutilBurnArgs, parseDrutilStatus, parsePuppetPercent, rawNode } from './macos.js';
import { BurnError, burnMessages as m, failureDetail } from './messages.js';
import { sha256OfFile, sha256OfPrefix, type Digest, type PrefixReader } from './read-back.js';
import { isMissingProgram, systemRunner, type RunOptions, type RunResult, type Runner } from './runner.js';
import { burnScript, ejectScript, lastStatus, POWERSHELL, powershellArgs, readBackScript } from './windows.js';

export { BurnError, type BurnErrorKind } from './messages.js';
export type { Runner, RunOptions, RunResult } from './runner.js';
export type { Digest, PrefixReader } from './read-back.js';

export interface BurnProgress {
  readonly phase: 'check' | 'write' | 'verify' | 'done';
  /** 0–100 when the program reports it. */
  readonly percent?: number;
  /** Chinese, for the screen. */
  readonly message: string;
}

export interface VerifyOptions {
  /** A drive of `listDrives`, or its id (`/dev/sr0`, `stdio:/abs/path`, a Windows recorder id, `drutil:1`) on this platform. */
  readonly drive: OpticalDrive | string;
  /** Bytes of the image: exactly this much of the disc is read back. */
  readonly isoSize: number;
  readonly expectedSha256: string;
  readonly onProgress?: (p: BurnProgress) => void;
  readonly runner?: Runner;
  /** Reads the first bytes of a device or file; tests replace it (raw devices cannot be read here). */
  readonly readPrefix?: PrefixReader;
  /** Linux: read a real drive back through xorriso (default) or from its block device; `stdio:` reads the file unless 'xorriso'. */
  readonly readBack?: 'xorriso' | 'direct';
  /** macOS: wait between looks for the re-enumerated disc (default 3000 ms). */
  readonly retryDelayMs?: number;
}

export interface BurnOptions extends Omit<VerifyOptions, 'isoSize'> {
  readonly isoPath: string;
  /** Eject the disc once it verified (never for `stdio:`). */
  readonly eject?: boolean;
}

export interface BurnResult {
  readonly drive: string;
  /** The program that wrote: xorriso, growisofs, IMAPI2 (PowerShell) or hdiutil. */
  readonly program: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly verified: true;
  /** What was read back: a file, a device, or `xorriso -check_media`. */
  readonly readBack: string;
}

interface Ctx extends Required<Pick<VerifyOptions, 'isoSize' | 'runner' | 'readPrefix'>> {
  readonly drive: OpticalDrive;
  readonly expected: string;
  readonly progress: (p: BurnProgress) => void;
  readonly readBack: 'xorriso' | 'direct' | undefined;
  readonly retryDelayMs: number;
}

interface Adapter {
  /** Checks the disc and writes; returns the program that wrote. */
  write(c: Ctx, iso: string): Promise<string>;
  /** Reads the disc back: the digest and what was read. */
  verify(c: Ctx, program: string): Promise<{ digest: Digest; source: string }>;
  eject(c: Ctx): Promise<void>;
}

async function run(c: Ctx, cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  try {
    return await c.runner(cmd, args, opts);
  } catch (err) {
    if (isMissingProgram(err)) throw new BurnError('tool-missing', m.toolMissing(cmd));
    throw err;
  }
}

async function readOrFail(c: Ctx, path: string, align: number): Promise<Digest> {
  try {
    return await c.readPrefix(path, c.isoSize, align);
  } catch (err) {
    throw new BurnError('verify-failed', m.verifyFailed(m.readFailed(path, err instanceof Error ? err.message : String(err))));
  }
}

const writing = (c: Ctx) => (line: string) => {
  const percent = parseWriteProgress(line) ?? parsePuppetPercent(line);
  if (percent !== undefined) c.progress({ phase: 'write', percent, message: `正在刻录 ${percent.toFixed(0)}%` });
};

// ── Linux and stdio: ─────────────────────────────────────────────────────────────────────────────

async function growisofsWrite(c: Ctx, iso: string): Promise<string> {
  let w: RunResult;
  try {
    w = await c.runner(GROWISOFS, growisofsWriteArgs(c.drive.id, iso), { onLine: writing(c) });
  } catch (err) {
    // Neither program: name the one to install.
    if (isMissingProgram(err)) throw new BurnError('tool-missing', m.toolMissing(XORRISO));
    throw err;
  }
  if (w.code !== 0) throw new BurnError('write-failed', m.writeFailed(GROWISOFS, w.code, failureDetail(w.stderr + w.stdout)));
  return GROWISOFS;
}

const linux: Adapter = {
  async write(c, iso) {
    const id = c.drive.id;
    let status: RunResult;
    try {
      status = await c.runner(XORRISO, xorrisoStatusArgs(id), { timeoutMs: 120_000 });
    } catch (err) {
      if (!isMissingProgram(err)) throw err;
      if (isStdioDrive(id)) throw new BurnError('tool-missing', m.toolMissing(XORRISO));
      return growisofsWrite(c, iso);
    }
    const text = status.stderr + status.stdout;
    const media = parseXorrisoMedia(text);
    if (status.code !== 0 || media === undefined) throw new BurnError('drive', m.driveFailed(id, failureDetail(text)));
    if (!media.present) throw new BurnError('no-media', m.noMedia(id));
    if (!media.writable) throw new BurnError('not-blank', m.notBlank(id, media.status));
    const w = await run(c, XORRISO, xorrisoWriteArgs(id, iso), { onLine: writing(c) });
    if (w.code !== 0) throw new BurnError('write-failed', m.writeFailed(XORRISO, w.code, failureDetail(w.stderr + w.stdout)));
    return XORRISO;
  },
  async verify(c, program) {
    const id = c.drive.id;
    if (isStdioDrive(id) && c.readBack !== 'xorriso') {
      const file = id.slice('stdio:'.length);
      return { digest: await readOrFail(c, file, 1), source: file };
    }
    if (program === GROWISOFS || c.readBack === 'direct') return { digest: await readOrFail(c, id, BLOCK), source: id };
    const hash = createHash('sha256');
    let bytes = 0;
    const read = c.runner(XORRISO, xorrisoReadArgs(id, c.isoSize), {
      onStdout: (chunk) => {
        const take = Math.min(chunk.length, c.isoSize - bytes);
        if (take <= 0) return;
        hash.update(chunk.subarray(0, take));
        bytes += take;
      },
      onLine: (line) => {
        const b = /(\d+)\s+of\s+(\d+)\s+blocks read/.exec(line);
        if (b && Number(b[2]) > 0) c.progress({ phase: 'verify', percent: Math.min(100, (Number(b[1]) / Number(b[2])) * 100), message: '正在读回校验' });
      },
    });
    let r: RunResult;
    try {
      r = await read;
    } catch (err) {
      // growisofs only (verifyDisc after a growisofs burn): the block device, which growisofs reloaded.
      if (isMissingProgram(err)) return { digest: await readOrFail(c, id, BLOCK), source: id };
      throw err;
    }
    if (r.code !== 0) throw new BurnError('verify-failed', m.verifyFailed(m.readFailed(id, failureDetail(r.stderr))));
    return { digest: { sha256: hash.digest('hex'), bytes }, source: `xorriso -check_media ${id}` };
  },
  async eject(c) {
    if (isStdioDrive(c.drive.id)) return;
    await run(c, XORRISO, xorrisoEjectArgs(c.drive.id));
  },
};

// ── Windows: IMAPI2 ──────────────────────────────────────────────────────────────────────────────

const windows: Adapter = {
  async write(c, iso) {
    const r = await run(c, POWERSHELL, powershellArgs(burnScript(c.drive.id, iso)));
    const s = lastStatus(r.stdout);
    const detail = s?.rest || failureDetail(r.stderr);
    if (s?.word === 'WRITTEN' && r.code === 0) return 'IMAPI2';
    if (s?.word === 'NOMEDIA') throw new BurnError('no-media', m.noMedia(c.drive.name));
    if (s?.word === 'NOTBLANK') throw new BurnError('not-blank', m.notBlank(c.drive.name, ''));
    if (s?.word === 'UNSUPPORTED') throw new BurnError('drive', m.driveFailed(c.drive.name, 'IMAPI2 不支持该刻录机'));
    throw new BurnError('write-failed', m.writeFailed('IMAPI2', r.code, detail));
  },
  async verify(c) {
    const r = await run(c, POWERSHELL, powershellArgs(readBackScript(c.drive.id, c.isoSize)));
    const device = /^QBANK-READING\s+(.+)$/m.exec(r.stdout)?.[1]?.trim() ?? c.drive.name;
    const s = lastStatus(r.stdout);
    const [sha256, bytes] = (s?.word === 'SHA256' ? s.rest : '').split(/\s+/);
    if (sha256 === undefined || !/^[0-9a-f]{64}$/.test(sha256)) {
      const why = s?.word === 'NOVOLUME' ? '刻录机没有盘符' : s?.rest || failureDetail(r.stderr) || `退出码 ${r.code}`;
      throw new BurnError('verify-failed', m.verifyFailed(m.readFailed(device, why)));
    }
    return { digest: { sha256, bytes: Number(bytes) }, source: device };
  },
  async eject(c) {
    await run(c, POWERSHELL, powershellArgs(ejectScript(c.drive.id)));
  },
};

// ── macOS: hdiutil / drutil ──────────────────────────────────────────────────────────────────────

function drutilDrive(c: Ctx): string {
  const n = drutilNumber(c.drive.id);
  if (n === undefined) throw new BurnError('drive', m.badDrive(c.drive.id));
  return n;
}

const mac: Adapter = {
  async write(c, iso) {
    const n = drutilDrive(c);
    const before = parseDrutilStatus((await run(c, DRUTIL, drutilStatusArgs(n))).stdout);
    if (before.type === undefined) throw new BurnError('no-media', m.noMedia(c.drive.name));
    if (!before.blank) throw new BurnError('not-blank', m.notBlank(c.drive.name, before.type));
    const w = await run(c, HDIUTIL, hdiutilBurnArgs(iso, c.drive.burnDevice), { onLine: writing(c) });
    if (w.code !== 0) throw new BurnError('write-failed', m.writeFailed(HDIUTIL, w.code, failureDetail(w.stderr + w.stdout)));
    return HDIUTIL;
  },
  async verify(c) {
    const n = drutilDrive(c);
    // The finished disc is enumerated anew (its /dev/diskN may change): look until it is there.
    let device: string | undefined;
    for (let i = 0; i < 20 && device === undefined; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, c.retryDelayMs));
      device = parseDrutilStatus((await run(c, DRUTIL, drutilStatusArgs(n))).stdout).device;
    }
    if (device === undefined) throw new BurnError('verify-failed', m.verifyFailed(m.readFailed(c.drive.name, '找不到光盘设备')));
    const raw = rawNode(device);
    return { digest: await readOrFail(c, raw, BLOCK), source: raw };
  },
  async eject(c) {
    await run(c, DRUTIL, drutilEjectArgs(drutilDrive(c)));
  },
};

// ─────────────────────────────────────────────────────────────────────────────────────────────────

/** A drive named by its id alone: a drive of this platform (or the `stdio:` pseudo-drive). */
export function toDrive(drive: OpticalDrive | string): OpticalDrive {
  return typeof drive === 'string' ? { id: drive, name: drive, platform: process.platform } : drive;
}

function adapterFor(drive: OpticalDrive): Adapter {
  if (isStdioDrive(drive.id)) {
    if (!isLinuxDriveId(drive.id)) throw new BurnError('drive', m.badDrive(drive.id));
    return linux;
  }
  switch (drive.platform) {
    case 'linux':
      if (!isLinuxDriveId(drive.id)) throw new BurnError('drive', m.badDrive(drive.id));
      return linux;
    case 'win32':
      return windows;
    case 'darwin':
      return mac;
    default:
      throw new BurnError('unsupported', m.unsupported(drive.platform));
  }
}

function context(o: VerifyOptions): Ctx {
  return {
    drive: toDrive(o.drive),
    isoSize: o.isoSize,
    expected: o.expectedSha256.trim().toLowerCase(),
    runner: o.runner ?? systemRunner,
    readPrefix: o.readPrefix ?? sha256OfPrefix,
    progress: (p) => o.onProgress?.(p),
    readBack: o.readBack,
    retryDelayMs: o.retryDelayMs ?? 3000,
  };
}

async function verifyWith(adapter: Adapter, c: Ctx, program: string): Promise<string> {
  c.progress({ phase: 'verify', message: '正在读回校验' });
  const { digest, source } = await adapter.verify(c, program);
  if (digest.bytes < c.isoSize) throw new BurnError('verify-failed', m.verifyFailed(m.shortRead(digest.bytes, c.isoSize)));
  if (digest.sha256 !== c.expected) throw new BurnError('verify-failed', m.verifyFailed(m.hashDiffers(digest.sha256, c.expected)));
  return source;
}

/**
 * Reads a burned disc back and compares it with the image (e.g. again after the disc was reinserted);
 * resolves with what was read, throws a BurnError `verify-failed` when it differs.
 */
export async function verifyDisc(o: VerifyOptions): Promise<string> {
  const c = context(o);
  const adapter = adapterFor(c.drive);
  return verifyWith(adapter, c, '');
}

/** Checks the image, burns it onto the blank disc in `drive`, reads the disc back and compares. */
export async function burnImage(o: BurnOptions): Promise<BurnResult> {
  const iso = resolve(o.isoPath);
  const adapter = adapterFor(toDrive(o.drive));
  const { size } = await stat(iso);
  const c = context({ ...o, isoSize: size });
  c.progress({ phase: 'check', message: '正在核对映像文件' });
  if (size === 0 || size % BLOCK !== 0) throw new BurnError('image-mismatch', m.notImage(iso, size));
  const own = await sha256OfFile(iso);
  if (own.sha256 !== c.expected) throw new BurnError('image-mismatch', m.imageMismatch(iso, own.sha256, c.expected));
  c.progress({ phase: 'write', percent: 0, message: '开始刻录' });
  const program = await adapter.write(c, iso);
  c.progress({ phase: 'write', percent: 100, message: '刻录完成' });
  const readBack = await verifyWith(adapter, c, program);
  if (o.eject === true) await adapter.eject(c);
  c.progress({ phase: 'done', percent: 100, message: '刻录并校验完成' });
  return { drive: c.drive.id, program, bytes: size, sha256: c.expected, verified: true, readBack };
}
