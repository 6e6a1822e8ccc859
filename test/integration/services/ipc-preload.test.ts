import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { bindDesktop, type InvokeEvent } from '../../../app/main/ipc.js';
import { DesktopHost } from '../../../app/services/desktop/host.js';
import { DESKTOP_METHODS } from '../../../app/services/desktop/methods.js';
import { handlers } from '../../../app/services/registry.js';
import { useTempDir } from '../../helpers/tmp.js';

type Listener = (event: InvokeEvent, payload: unknown) => Promise<unknown>;

function fakeIpc() {
  const channels = new Map<string, Listener>();
  return { channels, ipc: { handle: (channel: string, listener: Listener) => void channels.set(channel, listener) } };
}

const fromApp: InvokeEvent = { senderFrame: { url: 'app://qbank/index.html' } };

describe('IPC binding and preload bridge', () => {
  const tempDir = useTempDir();
  const hosts: DesktopHost[] = [];
  afterEach(() => hosts.splice(0).forEach((h) => h.close()));
  const newHost = () => {
    const host = new DesktopHost({ dbFile: join(tempDir(), 'qbank.db'), anchorDir: null });
    hosts.push(host);
    return host;
  };

  it('binds every handler and every desktop method, and answers through the real host', async () => {
    const { channels, ipc } = fakeIpc();
    bindDesktop(ipc, newHost());
    expect([...channels.keys()].sort()).toEqual([...Object.keys(handlers), ...DESKTOP_METHODS.map((m) => `desktop.${m}`)].sort());
    const state = (await channels.get('desktop.state')?.(fromApp, {})) as { value: { stage: string } };
    expect(state.value.stage).toBe('new');
    // a handler before anybody logged in: the Chinese message, nothing run
    const early = (await channels.get('occupations.get')?.(fromApp, { code: '3-01-02-07' })) as { error: { message: string } };
    expect(early.error.message).toBe('尚未创建工作站，请先完成首次设置');
  });

  it('returns the Chinese message of a failure, and refuses a foreign sender and a subframe', async () => {
    const { channels, ipc } = fakeIpc();
    bindDesktop(ipc, newHost());
    const weak = (await channels.get('desktop.create')?.(fromApp, { secret: { kind: 'passphrase', passphrase: 'short' } })) as { error: { message: string } };
    expect(weak.error.message).toContain('工作站口令至少 12 个字符');
    const badShape = (await channels.get('desktop.login')?.(fromApp, { username: 'x', password: 'y', extra: 1 })) as { error: { message: string } };
    expect(badShape.error.message).toContain('登录');
    const foreign = (await channels.get('desktop.state')?.({ senderFrame: { url: 'https://evil.example/' } }, {})) as { error: { name: string } };
    expect(foreign.error.name).toBe('ForbiddenSender');
    const subframe = (await channels.get('desktop.state')?.({ senderFrame: { url: 'app://qbank/index.html', parent: {} } }, {})) as { error: { name: string } };
    expect(subframe.error.name).toBe('ForbiddenSender');
    const none = (await channels.get('desktop.state')?.({ senderFrame: null }, {})) as { error: { name: string } };
    expect(none.error.name).toBe('ForbiddenSender');
  });

  it('builds a preload that needs only electron, exposes exactly the registry\'s handler names and forwards every method over IPC', async () => {
    const out = tempDir();
    execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', '..', 'scripts', 'build-preload.mjs'), out]);
    const code = readFileSync(join(out, 'preload.cjs'), 'utf8');
    const exposed: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
    const calls: [string, unknown][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (input: unknown) => Promise<unknown>>) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (channel: string, input: unknown) => {
          calls.push([channel, input]);
          return channel === 'banks.list' ? { error: { name: 'PermissionDeniedError', message: '权限不足' } } : { value: 42 };
        },
      },
    };
    const required: string[] = [];
    const require = (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
      return electron;
    };
    runInNewContext(code, { require, exports: {}, module: { exports: {} } });
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed.qbank ?? {}).sort()).toEqual(Object.keys(handlers).sort());
    expect(Object.keys(exposed.qbankDesktop ?? {})).toEqual([...DESKTOP_METHODS]);
    await expect(exposed.qbank?.['workstation.status']?.({})).resolves.toBe(42);
    await expect(exposed.qbank?.['banks.list']?.({})).rejects.toThrow('权限不足');
    await exposed.qbankDesktop?.state?.(undefined);
    expect(calls).toEqual([
      ['workstation.status', {}],
      ['banks.list', {}],
      ['desktop.state', {}],
    ]);
  });
});
