/**
 * What the write-target check reads from the system: the platform, the mount table, and a few
 * file-system primitives used on the target path and on sysfs. Tests inject a fake one (mount
 * tables from test/fixtures/mountinfo/, sysfs trees as plain maps); the real one reads /proc and /sys.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';

export interface SystemProbe {
  readonly platform: NodeJS.Platform;
  /** Text of /proc/self/mountinfo, or undefined when it cannot be read. */
  mountInfo(): string | undefined;
  /** Canonical path with every symbolic link resolved; throws when the path does not exist. */
  realpath(path: string): string;
  exists(path: string): boolean;
  /** Content of a (sysfs attribute) file, or undefined when there is none. */
  readText(path: string): string | undefined;
  /** Entry names of a folder, or [] when there is none. */
  listDir(path: string): string[];
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The real system. */
export const systemProbe: SystemProbe = {
  platform: process.platform,
  mountInfo: () => readOrUndefined('/proc/self/mountinfo'),
  realpath: (p) => realpathSync(p),
  exists: (p) => existsSync(p),
  readText: readOrUndefined,
  listDir: (p) => {
    try {
      return readdirSync(p);
    } catch {
      return [];
    }
  },
};
