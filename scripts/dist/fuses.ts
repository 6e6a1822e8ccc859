/**
 * Electron fuses of the packaged program, flipped in the Electron binary by electron-builder's
 * `afterPack` hook — after the files are in place, before signing — and read back to prove it.
 * `strictlyRequireAllFuses`: a newer Electron with a fuse this list does not name fails the build
 * instead of shipping that fuse at its default.
 */
import { join } from 'node:path';
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses';

export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the program into a plain Node.js with the user's script.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (--require, --inspect …) must not reach the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect, --inspect-brk and SIGUSR1 must not open a debugger.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Windows: the app.asar header hash embedded by electron-builder is checked at start (no-op on Linux).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only resources/app.asar is loaded, never a folder `app/` placed beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The program uses app://, never file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
} as const satisfies FuseV1Config;

/** What the hook needs of electron-builder's AfterPackContext. */
export interface PackedApp {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly packager: { readonly appInfo: { readonly productFilename: string } };
}

/** The Electron binary electron-builder just renamed (its own rule: executableName on Linux, productFilename.exe on Windows). */
export function electronBinaryOf(context: PackedApp): string {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (electronPlatformName === 'linux') {
    const name = (packager as { readonly executableName?: unknown }).executableName;
    if (typeof name !== 'string' || name === '') throw new Error('afterPack: the Linux packager names no executable');
    return join(appOutDir, name);
  }
  throw new Error(`afterPack: no fuse target for platform ${electronPlatformName} (the program is packaged for win32 and linux)`);
}

/** The fuses the binary must end up with, as wire states. */
export function expectedWire(): Map<FuseV1Options, FuseState> {
  const wire = new Map<FuseV1Options, FuseState>();
  for (const option of Object.values(FuseV1Options)) {
    if (typeof option !== 'number') continue;
    wire.set(option, FUSES[option] ? FuseState.ENABLE : FuseState.DISABLE);
  }
  return wire;
}

/** electron-builder `afterPack`: flips the fuses in the packaged binary and checks every one. */
export async function flipPackagedFuses(context: PackedApp): Promise<void> {
  const binary = electronBinaryOf(context);
  await flipFuses(binary, FUSES);
  const wire = await getCurrentFuseWire(binary);
  for (const [option, state] of expectedWire()) {
    if (wire[option] !== state) throw new Error(`afterPack: fuse ${FuseV1Options[option]} of ${binary} is ${String(wire[option])}, expected ${state}`);
  }
}
