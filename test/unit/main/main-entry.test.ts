import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fromApp } from './fake-electron.js';

// main.ts imports 'electron' by name: here that name is the fake, so the real entry file runs.
// Like Electron, the fake becomes ready only when the test opens the gate after the entry module
// has finished evaluating — an entry that awaited `ready` at top level would never finish.
const fake = await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join: joinPath } = await import('node:path');
  const { fakeElectron } = await import('./fake-electron.js');
  const dir = mkdtempSync(joinPath(tmpdir(), 'qbank-main-'));
  process.env.QBANK_DB = joinPath(dir, 'from-env.db');
  let open = () => {};
  const ready = new Promise<void>((resolve) => (open = resolve));
  return { ...fakeElectron({ userData: dir, ready }), dir, open: () => open() };
});
vi.mock('electron', () => fake.electron);

describe('main/main.ts: the entry hands the real objects to the wiring', () => {
  afterAll(async () => {
    const { rmSync } = await import('node:fs');
    delete process.env.QBANK_DB;
    rmSync(fake.dir, { recursive: true, force: true });
  });

  it('finishes evaluating before ready, then wires the window, the scheme, the session and IPC', async () => {
    const main = await import('../../../app/main/main.js');
    expect(fake.schemes).toHaveLength(1);
    expect(fake.windows).toHaveLength(0);
    fake.open();
    const wired = await main.started;
    expect(wired).not.toBeNull();
    const mainDir = join(import.meta.dirname, '..', '..', '..', 'app', 'main');
    const [window] = fake.windows;
    expect(fake.windows).toHaveLength(1);
    expect(window?.options.webPreferences.preload).toBe(join(mainDir, '..', 'preload', 'preload.cjs'));
    expect(window?.loaded).toEqual(['app://qbank/index.html']);
    expect(fake.session.schemes.has('app')).toBe(true);
    expect(fake.session.beforeRequest).toBeDefined();
    expect(fake.app.count('web-contents-created')).toBe(1);
    // process.env reaches the host: QBANK_DB names the database
    const state = (await fake.channels.get('desktop.state')?.(fromApp, {})) as { value: { dbFile: string } };
    expect(state.value.dbFile).toBe(join(fake.dir, 'from-env.db'));
    wired?.host.close();
  });
});
