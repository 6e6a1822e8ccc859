/**
 * Leftovers of outputs that never completed (a crash, a kill, a power cut): the temporary file of a
 * single-file write (`.qbank-<hex>.tmp`; `.<hex>.tmp` of earlier versions), the staging folder of a
 * folder output (`.<name>.partial-<hex>`) and a previous output moved aside while being replaced
 * (`.<name>.old-<hex>`). They may hold whole plaintext documents, so every output removes those in
 * its location before it starts, and reports them as 不完整. Only names of exactly these shapes are
 * touched, never anything else in the folder.
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { outputMessages } from './messages.js';

const TEMP_FILE = /^\.(qbank-)?[0-9a-f]{12}\.tmp$/;
const STAGING = /^\..+\.(partial|old)-[0-9a-f]{12}$/;

export const tempFileName = (): string => `.qbank-${randomBytes(6).toString('hex')}.tmp`;
export const stagingName = (name: string): string => `.${name}.partial-${randomBytes(6).toString('hex')}`;
export const asideName = (name: string): string => `.${name}.old-${randomBytes(6).toString('hex')}`;

export interface IncompleteOutput {
  /** Path relative to the swept folder, forward slashes. */
  readonly path: string;
  readonly kind: 'temp-file' | 'partial-folder' | 'old-folder';
}

export interface SweepOptions {
  /** Also look for temporary files in subfolders (a folder output of earlier versions), this deep. */
  readonly depth?: number;
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function sweepInto(dir: string, prefix: string, depth: number, out: IncompleteOutput[]): void {
  for (const name of entries(dir)) {
    const path = join(dir, name);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      continue;
    }
    const rel = prefix + name;
    if (stat.isFile() && TEMP_FILE.test(name)) {
      rmSync(path, { force: true });
      out.push({ path: rel, kind: 'temp-file' });
    } else if (stat.isDirectory() && STAGING.test(name)) {
      rmSync(path, { recursive: true, force: true });
      out.push({ path: rel, kind: name.includes('.partial-') ? 'partial-folder' : 'old-folder' });
    } else if (stat.isDirectory() && depth > 0 && !name.startsWith('.')) {
      sweepInto(path, `${rel}/`, depth - 1, out);
    }
  }
}

/** Removes the leftovers of incomplete outputs in `dir` (symbolic links are never followed). */
export function sweepIncompleteOutputs(dir: string, options: SweepOptions = {}): IncompleteOutput[] {
  const out: IncompleteOutput[] = [];
  sweepInto(dir, '', options.depth ?? 0, out);
  return out;
}

/** How the leftovers are shown to the user. */
export function describeIncomplete(found: readonly IncompleteOutput[]): string {
  return found.map((f) => outputMessages.incomplete(f.path, outputMessages.incompleteKinds[f.kind])).join('；');
}
