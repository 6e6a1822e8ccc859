/**
 * Folder outputs are complete or absent (e.g. the submission of `documents generate`): every file is
 * written into a staging folder beside the target (`.<name>.partial-<hex>`, 0700), the manifest
 * 清单.json (file, size, SHA-256) is written last, and only then is the staging folder renamed to the
 * target. A failure removes the staging folder; a crash leaves it hidden, and the next output into
 * that location removes it and reports it as 不完整 (output-sweep.ts).
 *
 * Replacing: a target that does not exist or is an empty folder is simply taken. A non-empty target
 * is refused unless `replace` is asked for, and even then only when it holds a 清单.json (a complete
 * output of this program, never some other folder of the user): it is moved aside
 * (`.<name>.old-<hex>`), the new folder renamed into place, and the old one deleted; if the rename
 * fails the old folder is moved back.
 */
import { existsSync, lstatSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { SystemProbe } from '../../../media/write-target.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { OutputError } from '../errors.js';
import {
  asWriteError,
  describeWriteError,
  fileRecord,
  fsyncDir,
  guardOutput,
  makeFolder,
  recordSwept,
  rememberOutputLocation,
  safeRelative,
  TargetRefusedError,
  writeDetail,
  writeFileDurably,
  type WrittenFile,
} from './write.js';
import { sweepIncompleteOutputs, stagingName, asideName, type IncompleteOutput } from './sweep.js';
import { outputMessages } from './messages.js';

export const MANIFEST_NAME = outputMessages.manifestName;
export const MANIFEST_FORMAT = 'qbank-output-manifest/1';

export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly createdAt: string;
  readonly files: readonly { readonly path: string; readonly bytes: number; readonly sha256: string }[];
}

export interface OutputFolderOptions {
  /** Replace a previous complete output (one with a 清单.json) in the target. */
  readonly replace?: boolean;
  /** For tests: a fake system probe. */
  readonly probe?: SystemProbe;
  /** For tests: runs right before each rename into place (files in the staging folder, then the folder). */
  readonly beforeRename?: (finalPath: string) => void;
}

/** What `fill` writes into. */
export interface OutputFolder {
  /** The staging folder (hidden, beside the target) while the output is being written. */
  readonly stagingPath: string;
  write(relPath: string, data: Uint8Array | string, options: { readonly classified: boolean }): WrittenFile;
}

export interface FolderResult {
  readonly folder: string;
  /** Every file but the manifest, in the order written; absolute paths are those in the target. */
  readonly files: readonly WrittenFile[];
  readonly manifest: WrittenFile;
  /** Leftovers of earlier incomplete outputs removed before this one started (不完整). */
  readonly swept: readonly IncompleteOutput[];
  /** A previous complete output was replaced. */
  readonly replaced: boolean;
}

function isEmptyFolder(path: string): boolean {
  const st = lstatSync(path);
  return st.isDirectory() && readdirSync(path).length === 0;
}

/** What to do with an existing target; throws when it may not be replaced. */
function existingTarget(target: string, replace: boolean): 'absent' | 'empty' | 'previous' {
  let st;
  try {
    st = lstatSync(target);
  } catch {
    return 'absent';
  }
  if (st.isSymbolicLink()) throw new OutputError(outputMessages.targetIsSymlink(target));
  if (!st.isDirectory()) throw new OutputError(outputMessages.targetNotFolder(target));
  if (isEmptyFolder(target)) return 'empty';
  if (!replace) throw new OutputError(outputMessages.targetNotEmpty(target));
  if (!existsSync(join(target, MANIFEST_NAME))) {
    throw new OutputError(outputMessages.targetNotOurs(target, MANIFEST_NAME));
  }
  return 'previous';
}

/**
 * Writes a folder of files complete-or-absent. `fill` writes the files; when it returns, the manifest
 * is written, each file is recorded in the access log, and the folder is renamed into place.
 */
export async function writeOutputFolder(
  ctx: ServiceContext,
  targetDir: string,
  fill: (folder: OutputFolder) => Promise<void> | void,
  options: OutputFolderOptions = {},
): Promise<FolderResult> {
  const target = resolve(targetDir);
  const parent = dirname(target);
  const name = basename(target);
  const objects = [`folder:${name}`];
  const check = (path: string) => guardOutput(ctx, path, objects, options.probe);
  const { unverified } = check(target);
  // Leftovers beside the target (staging folders) and inside it (temporary files of earlier versions).
  const swept = [...sweepIncompleteOutputs(parent), ...sweepIncompleteOutputs(target, { depth: 4 }).map((f) => ({ ...f, path: `${name}/${f.path}` }))];
  recordSwept(ctx, swept);
  rememberOutputLocation(ctx, parent);
  const state = existingTarget(target, options.replace === true);

  const staging = join(parent, stagingName(name));
  const files: (WrittenFile & { readonly classified: boolean })[] = [];
  try {
    makeFolder(parent);
    makeFolder(staging);
    check(staging);
    const folder: OutputFolder = {
      stagingPath: staging,
      write: (relPath, data, fileOptions) => {
        const rel = safeRelative(relPath);
        const at = join(staging, rel);
        if (relative(staging, at).startsWith('..') || rel === MANIFEST_NAME) throw new OutputError(outputMessages.badFileName(relPath));
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        const into = dirname(at);
        check(into);
        try {
          makeFolder(into);
          writeFileDurably(at, bytes, () => check(into), options.beforeRename);
        } catch (e) {
          throw describeWriteError(e, join(target, rel));
        }
        const written = { ...fileRecord(rel, join(target, rel), bytes), classified: fileOptions.classified };
        files.push(written);
        return written;
      },
    };
    await fill(folder);

    const manifest: Manifest = { format: MANIFEST_FORMAT, createdAt: ctx.now().toISOString(), files: files.map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256 })) };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const manifestFile = fileRecord(MANIFEST_NAME, join(target, MANIFEST_NAME), manifestBytes);
    try {
      writeFileDurably(join(staging, MANIFEST_NAME), manifestBytes, () => check(staging), options.beforeRename);
    } catch (e) {
      throw describeWriteError(e, manifestFile.absolutePath);
    }

    // Each file in the access log before it can be seen in place.
    for (const f of files) {
      recordAudit(ctx, { action: 'output.write', register: f.classified ? '存档' : '', objects: [`file:${f.path}`], result: 'ok', detail: writeDetail(f, unverified) });
    }
    recordAudit(ctx, { action: 'output.write', register: '', objects: [`file:${MANIFEST_NAME}`], result: 'ok', detail: writeDetail(manifestFile, unverified) });

    options.beforeRename?.(target);
    check(staging);
    check(target);
    let replaced: boolean;
    try {
      replaced = moveIntoPlace(staging, target, state);
    } catch (e) {
      throw describeWriteError(e, target);
    }
    try {
      check(target);
    } catch (e) {
      rmSync(target, { recursive: true, force: true });
      throw e;
    }
    return { folder: target, files: files.map(({ classified: _c, ...f }) => f), manifest: manifestFile, swept, replaced };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    const error = asWriteError(e, target);
    if (!(error instanceof TargetRefusedError)) {
      recordAudit(ctx, { action: 'output.write', register: '', objects, result: 'error', detail: outputMessages.folderNotWritten((error as Error).message).slice(0, 400) });
    }
    throw error;
  }
}

/** Renames the finished staging folder to the target (see the replace rule above). */
function moveIntoPlace(staging: string, target: string, state: 'absent' | 'empty' | 'previous'): boolean {
  fsyncDir(staging);
  if (state === 'empty') rmdirSync(target);
  if (state !== 'previous') {
    renameSync(staging, target);
    fsyncDir(dirname(target));
    return false;
  }
  const aside = join(dirname(target), asideName(basename(target)));
  renameSync(target, aside);
  try {
    renameSync(staging, target);
  } catch (e) {
    renameSync(aside, target);
    throw e;
  }
  fsyncDir(dirname(target));
  rmSync(aside, { recursive: true, force: true });
  return true;
}
