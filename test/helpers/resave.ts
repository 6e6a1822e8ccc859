/**
 * Workbooks re-saved by the programs writers use on our templates: openpyxl (scripts, and spreadsheet
 * programs built on it) and LibreOffice Calc. openpyxl runs in a Python that can import it — the
 * system's /usr/bin/python3 with the Debian package python3-openpyxl (CI installs it); a `python3` found
 * first on PATH (pyenv) often lacks it. `OPENPYXL_PYTHON` is undefined when no interpreter has it, and
 * the tests that need it say so in their names.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOFFICE } from './office.js';

function findOpenpyxl(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3', '/usr/local/bin/python3']) {
    const run = spawnSync(python, ['-c', 'import openpyxl'], { encoding: 'utf8', timeout: 60_000 });
    if (run.status === 0) return python;
  }
  return undefined;
}

/** A Python interpreter that imports openpyxl, or undefined. */
export const OPENPYXL_PYTHON = findOpenpyxl();
export const NO_OPENPYXL = 'skipped: no python3 with openpyxl (apt-get install python3-openpyxl)';
/** Whether that openpyxl can insert pictures (it needs Pillow: python3-pil). */
export const OPENPYXL_PICTURES = OPENPYXL_PYTHON !== undefined && spawnSync(OPENPYXL_PYTHON, ['-c', 'import PIL'], { timeout: 60_000 }).status === 0;
export const NO_OPENPYXL_PICTURES = 'skipped: openpyxl cannot insert pictures without Pillow (apt-get install python3-pil)';
export const NO_SOFFICE = 'skipped: LibreOffice (soffice) is not installed';

/**
 * Loads the workbook with openpyxl, runs `script` on `wb` (Python; `sys.argv[3:]` are `args`) and saves
 * it, as a script of a writer would.
 */
export function openpyxlResave(bytes: Uint8Array, script = '', args: readonly string[] = []): Uint8Array {
  if (OPENPYXL_PYTHON === undefined) throw new Error(NO_OPENPYXL);
  const dir = mkdtempSync(join(tmpdir(), 'qbank-openpyxl-'));
  try {
    const input = join(dir, 'in.xlsx');
    const output = join(dir, 'out.xlsx');
    writeFileSync(input, bytes);
    const program = ['import sys, warnings', 'warnings.simplefilter("ignore")', 'import openpyxl', 'wb = openpyxl.load_workbook(sys.argv[1])', script, 'wb.save(sys.argv[2])'].join('\n');
    const run = spawnSync(OPENPYXL_PYTHON, ['-c', program, input, output, ...args], { encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`openpyxl failed: ${run.stderr}`);
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each workbook opened and saved again as .xlsx by LibreOffice Calc (one headless run for all, own profile). */
export function libreOfficeResave(files: readonly Uint8Array[]): Uint8Array[] {
  if (SOFFICE === undefined) throw new Error(NO_SOFFICE);
  const dir = mkdtempSync(join(tmpdir(), 'qbank-calc-'));
  try {
    const inputs = files.map((bytes, k) => {
      const input = join(dir, `in${k}.xlsx`);
      writeFileSync(input, bytes);
      return input;
    });
    const out = join(dir, 'out');
    const run = spawnSync(SOFFICE, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, ...inputs], {
      encoding: 'utf8',
      timeout: 60_000 + 30_000 * files.length,
    });
    return files.map((_, k) => {
      try {
        return new Uint8Array(readFileSync(join(out, `in${k}.xlsx`)));
      } catch {
        throw new Error(`LibreOffice could not re-save workbook ${k}: ${run.stderr}${run.stdout}`);
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
