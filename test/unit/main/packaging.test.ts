import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import config from '../../../scripts/dist/electron-builder.config.js';
import { FUSES, electronBinaryOf, flipPackagedFuses } from '../../../scripts/dist/fuses.js';
import { useTempDir } from '../../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CONFIG_PATH = 'scripts/dist/electron-builder.config.ts';
const { ENABLE: ON, DISABLE: OFF } = FuseState;
/** The marker Electron puts before its fuse wire (@electron/fuses looks for it; it does not export it). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, in FuseV1Options order: what an unflipped binary carries. */
const ELECTRON_DEFAULTS = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON];

/**
 * A stand-in for the Electron binary: bytes around the fuse sentinel, then the wire (version 1,
 * length, one state byte per fuse) — the layout @electron/fuses reads and writes in the real one.
 */
function fakeElectronBinary(file: string, wire: readonly number[] = ELECTRON_DEFAULTS): string {
  writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL), Buffer.from([1, wire.length, ...wire]), Buffer.alloc(4096, 0xcc)]));
  return file;
}

const linuxApp = (appOutDir: string) => ({ appOutDir, electronPlatformName: 'linux', packager: { executableName: 'qbank-workstation', appInfo: { productFilename: 'qbank-workstation' } } });
const windowsApp = (appOutDir: string) => ({ appOutDir, electronPlatformName: 'win32', packager: { appInfo: { productFilename: 'qbank-workstation' } } });

/** Whether electron-builder's own file matcher puts a project file into app.asar. */
function packs(files: Configuration['files']): (path: string) => boolean {
  const filter = new FileMatcher(ROOT, '/packed', (s) => s, files as string[]).createFilter();
  return (path) => filter(join(ROOT, path), { isDirectory: () => false } as never);
}

describe('packaging: electron-builder configuration and Electron fuses', () => {
  const tempDir = useTempDir();

  it('loads through electron-builder\'s own config loader and passes its schema', async () => {
    const loaded = await getConfig(ROOT, CONFIG_PATH, null);
    expect(loaded.appId).toBe(config.appId);
    // the hook as electron-builder loads it (transpiled by its loader) flips a binary too
    const dir = tempDir();
    const binary = fakeElectronBinary(join(dir, 'qbank-workstation'));
    if (typeof loaded.afterPack !== 'function') throw new Error('afterPack is not a function');
    await loaded.afterPack(linuxApp(dir) as never);
    expect((await getCurrentFuseWire(binary))[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
    await expect(validateConfiguration(loaded, { isEnabled: false } as never)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: true } as Configuration, { isEnabled: false } as never)).rejects.toThrow();
  });

  it('targets the Windows x64 NSIS installer and Linux deb for x64 and arm64', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux?.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    expect(config.linux?.executableName).toBe('qbank-workstation');
    expect(config.linux?.maintainer).toMatch(/<[^>]+@[^>]+>/);
  });

  it('packs one app.asar with the integrity data, and writes nothing into dist/', () => {
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity).toBeUndefined();
    expect(config.win?.signAndEditExecutable).not.toBe(false);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.directories?.output).toBe('release');
  });

  it('packs the compiled program and the renderer build, no sources, tests, maps, CLI or demo', () => {
    const packed = packs(config.files);
    for (const file of ['package.json', 'dist/app/main/main.js', 'dist/app/main/wire.js', 'dist/app/preload/preload.cjs', 'dist/app/readers/svg/render-child.cjs', 'dist/app/renderer/index.html', 'dist/app/renderer/assets/index-abc.js', 'dist/app/services/registry.js', 'dist/app/domain/catalog/occupations.json', 'dist/crypto/sha256.js', 'dist/templates/docx/paper.js', 'dist/media/probe.js']) {
      expect(packed(file), file).toBe(true);
    }
    for (const file of ['app/main/main.ts', 'test/unit/main/wire.test.ts', 'scripts/dist/fuses.ts', 'dist/app/main/main.js.map', 'dist/app/cli/main.js', 'dist/app/demo/demo.js', 'dist/app/demo/sample/team.json', 'dist/test/unit/x.js', 'demo-out/demo.json', 'README.md', 'crypto/sha256.ts']) {
      expect(packed(file), file).toBe(false);
    }
  });

  it('the build copies the plain CommonJS files (the SVG renderer\'s child) beside the compiled code', () => {
    const out = tempDir();
    execFileSync(process.execPath, [join(ROOT, 'scripts/copy-cjs.mjs'), join(ROOT, 'app'), out]);
    expect(readFileSync(join(out, 'readers/svg/render-child.cjs'), 'utf8')).toBe(readFileSync(join(ROOT, 'app/readers/svg/render-child.cjs'), 'utf8'));
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.build).toContain('node scripts/copy-cjs.mjs');
  });

  it('rebuilds the native SQLite module for Electron from its sources', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('updates nothing by itself and keeps the workstation data on uninstall', () => {
    expect(config.publish).toBeNull();
    expect(config.nsis).toMatchObject({ deleteAppDataOnUninstall: false, differentialPackage: false, perMachine: true, oneClick: false });
  });

  it('sets every fuse explicitly: no run-as-node, NODE_OPTIONS or inspect; cookie encryption, asar integrity and asar-only on', () => {
    expect(config.afterPack).toBe(flipPackagedFuses);
    expect(config.electronFuses).toBeUndefined();
    expect(FUSES.strictlyRequireAllFuses).toBe(true);
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('afterPack flips the fuses in the packaged Linux binary and reads them back', async () => {
    const dir = tempDir();
    const binary = fakeElectronBinary(join(dir, 'qbank-workstation'));
    const before = readFileSync(binary);
    await flipPackagedFuses(linuxApp(dir));
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(OFF);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF);
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(ON);
    // only the wire changed
    const after = readFileSync(binary);
    expect(after.length).toBe(before.length);
    expect([...after].filter((b, i) => b !== before[i]).length).toBe(7);
  });

  it('afterPack finds the Windows executable by its product file name', async () => {
    const dir = tempDir();
    const binary = fakeElectronBinary(join(dir, 'qbank-workstation.exe'));
    await flipPackagedFuses(windowsApp(dir));
    expect((await getCurrentFuseWire(binary))[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(electronBinaryOf(linuxApp('/out'))).toBe(join('/out', 'qbank-workstation'));
    expect(() => electronBinaryOf({ ...linuxApp('/out'), electronPlatformName: 'darwin' })).toThrow('darwin');
  });

  it('afterPack fails the build on a binary without fuses or with a fuse it does not know', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'qbank-workstation'), Buffer.alloc(8192, 1));
    await expect(flipPackagedFuses(linuxApp(dir))).rejects.toThrow(/sentinel/);
    fakeElectronBinary(join(dir, 'qbank-workstation'), [...ELECTRON_DEFAULTS, ON]);
    await expect(flipPackagedFuses(linuxApp(dir))).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('npm run dist builds the program and the renderer, then runs electron-builder with this config last', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const steps = (scripts.dist ?? '').split('&&').map((s) => s.trim());
    // last, so that `npm run dist -- --linux deb --arm64` hands its arguments to electron-builder
    expect(steps).toEqual(['npm run build', `electron-builder --config ${CONFIG_PATH}`]);
    expect(scripts.build).toContain('build-preload.mjs');
    expect(scripts.build).toMatch(/vite build/);
  });
});
