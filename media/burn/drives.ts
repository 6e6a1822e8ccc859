/**
 * Which optical drives (recorders) this machine has, for burning a finished .iso image.
 *
 * - Linux: the `sr*` devices of /sys/block, vendor and model from `/sys/block/srN/device/{vendor,model}`;
 *   with a runner, each is acquired once with `xorriso -outdev /dev/srN` (which confirms that xorriso
 *   can drive it and says whether a blank disc is in).
 * - Windows: IMAPI2 through PowerShell (windows.ts): recorder unique id, vendor, product, drive letters.
 * - macOS: `drutil list` and `drutil -drive N status` (macos.ts); `hdiutil burn -list` for `-device`.
 * - Anywhere: `stdio:<path>`, xorriso's pseudo-drive on a regular file (tests; saving a disc image).
 *   Such a file is an output like any other: the caller checks its folder with the write-target check.
 * No drive → the caller saves the .iso and shows `describeNoDrive()`.
 */
import { resolve } from 'node:path';
import { isStdioDrive, parseXorrisoMedia, XORRISO, xorrisoStatusArgs } from './linux.js';
import { DRUTIL, drutilStatusArgs, HDIUTIL, hdiutilListArgs, parseDrutilList, parseDrutilStatus, parseHdiutilList } from './macos.js';
import { burnMessages } from './messages.js';
import { isMissingProgram, systemRunner, type Runner } from './runner.js';
import { listDrivesScript, parseDriveLines, POWERSHELL, powershellArgs } from './windows.js';
import { systemProbe } from '../probe.js';

export interface OpticalDrive {
  /** `/dev/sr0`; a Windows recorder unique id; `drutil:1` on macOS; `stdio:/abs/path` for the pseudo-drive. */
  readonly id: string;
  /** Vendor and model, e.g. `HL-DT-ST DVDRAM GH24NSD1`. */
  readonly name: string;
  readonly platform: NodeJS.Platform;
  /** A disc is in (Windows: a disc the recorder can write). Undefined when not asked. */
  readonly mediaPresent?: boolean;
  /** The disc can take the image from its first block: blank, or overwriteable. */
  readonly blankWritable?: boolean;
  /** Windows: the drive letters (`D:\`); macOS: the disc's BSD node (`/dev/disk2`). */
  readonly volumes?: readonly string[];
  /** macOS: the `hdiutil burn -device` path of this drive, when it could be paired. */
  readonly burnDevice?: string;
}

/** What drive detection reads: sysfs (as in media/probe.ts) and, optionally, the system's programs. */
export interface DriveView {
  readonly platform: NodeJS.Platform;
  readText(path: string): string | undefined;
  listDir(path: string): string[];
  /** Runs xorriso / PowerShell / drutil; without it Linux answers from sysfs alone, the others find nothing. */
  readonly run?: Runner;
}

export const systemDriveView: DriveView = {
  platform: process.platform,
  readText: systemProbe.readText,
  listDir: systemProbe.listDir,
  run: systemRunner,
};

/** The hint shown when there is no recorder: the image is kept for a burning station. */
export function describeNoDrive(): string {
  return burnMessages.noDrive();
}

/** xorriso's pseudo-drive on the regular file `path` (made absolute). */
export function stdioDrive(path: string, platform: NodeJS.Platform = process.platform): OpticalDrive {
  return { id: `stdio:${resolve(path)}`, name: `映像文件 ${resolve(path)}`, platform };
}

export { isStdioDrive };

const clean = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

async function quietly(run: Runner, cmd: string, args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string } | undefined> {
  try {
    return await run(cmd, args, { timeoutMs: 60_000 });
  } catch (err) {
    if (isMissingProgram(err)) return undefined;
    throw err;
  }
}

async function linuxDrives(view: DriveView): Promise<OpticalDrive[]> {
  const names = view
    .listDir('/sys/block')
    .filter((n) => /^sr\d+$/.test(n))
    .sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
  const out: OpticalDrive[] = [];
  for (const n of names) {
    const base = `/sys/block/${n}/device`;
    const name = clean(`${clean(view.readText(`${base}/vendor`))} ${clean(view.readText(`${base}/model`))}`) || n;
    const drive: OpticalDrive = { id: `/dev/${n}`, name, platform: 'linux' };
    const r = view.run === undefined ? undefined : await quietly(view.run, XORRISO, xorrisoStatusArgs(drive.id));
    const media = r === undefined ? undefined : parseXorrisoMedia(r.stderr + r.stdout);
    out.push(media === undefined ? drive : { ...drive, mediaPresent: media.present, blankWritable: media.writable });
  }
  return out;
}

async function windowsDrives(run: Runner): Promise<OpticalDrive[]> {
  const r = await quietly(run, POWERSHELL, powershellArgs(listDrivesScript()));
  if (r === undefined) return [];
  return parseDriveLines(r.stdout).map((d) => ({
    id: d.uid,
    name: clean(`${d.vendor} ${d.product}`) || d.uid,
    platform: 'win32',
    mediaPresent: d.media,
    blankWritable: d.media && d.blank,
    volumes: d.volumes,
  }));
}

async function macDrives(run: Runner): Promise<OpticalDrive[]> {
  const list = await quietly(run, DRUTIL, ['list']);
  if (list === undefined || list.code !== 0) return [];
  const rows = parseDrutilList(list.stdout);
  const burners = parseHdiutilList((await quietly(run, HDIUTIL, hdiutilListArgs()))?.stdout ?? '');
  const out: OpticalDrive[] = [];
  for (const [i, row] of rows.entries()) {
    const status = parseDrutilStatus((await quietly(run, DRUTIL, drutilStatusArgs(row.n)))?.stdout ?? '');
    const burnDevice = burners.length === rows.length ? burners[i] : undefined;
    out.push({
      id: `drutil:${row.n}`,
      name: row.name || `drutil ${row.n}`,
      platform: 'darwin',
      mediaPresent: status.type !== undefined,
      blankWritable: status.blank,
      ...(status.device === undefined ? {} : { volumes: [status.device] }),
      ...(burnDevice === undefined ? {} : { burnDevice }),
    });
  }
  return out;
}

/** The recorders of this machine; [] when there is none (or the platform's tools are missing). */
export async function listDrives(view: DriveView = systemDriveView): Promise<OpticalDrive[]> {
  switch (view.platform) {
    case 'linux':
      return linuxDrives(view);
    case 'win32':
      return view.run === undefined ? [] : windowsDrives(view.run);
    case 'darwin':
      return view.run === undefined ? [] : macDrives(view.run);
    default:
      return [];
  }
}
