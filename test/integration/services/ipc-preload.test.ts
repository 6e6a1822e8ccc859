import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bindHandlers, type InvokeEvent } from '../../../app/main/ipc.js';
import { handlers } from '../../../app/services/registry.js';
import { useTempDir } from '../../helpers/tmp.js';
import { useWorkstation } from '../../helpers/workstation.js';

type Listener = (event: InvokeEvent, payload: unknown) => Promise<unknown>;

function fakeIpc() {
  const channels = new Map<string, Listener>();
  return { channels, ipc: { handle: (channel: string, listener: Listener) => void channels.set(channel, listener) } };
}

const fromApp: InvokeEvent = { senderFrame: { url: 'app://qbank/index.html' } };

describe('IPC binding and preload bridge', () => {
  const workstation = useWorkstation();
  const tempDir = useTempDir();

  it('binds every handler and answers through the real services', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const { channels, ipc } = fakeIpc();
    bindHandlers(ipc, handlers, () => ctx);
    expect([...channels.keys()].sort()).toEqual(Object.keys(handlers).sort());
    const reply = (await channels.get('occupations.get')?.(fromApp, { code: '3-01-02-07' })) as { value: { name: string } };
    expect(reply.value.name).toBe('制图员');
  });

  it('returns the Chinese message of a failure, and refuses a foreign sender', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const { channels, ipc } = fakeIpc();
    bindHandlers(ipc, handlers, () => ctx);
    const bad = (await channels.get('banks.create')?.(fromApp, { occupationCode: '9-99-99-99', level: 4 })) as { error: { message: string } };
    expect(bad.error.message).toBe('职业编码 9-99-99-99 不在职业目录中');
    const foreign = (await channels.get('banks.list')?.({ senderFrame: { url: 'https://evil.example/' } }, {})) as { error: { name: string } };
    expect(foreign.error.name).toBe('ForbiddenSender');
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
    await expect(exposed.qbank?.['workstation.status']?.({})).resolves.toBe(42);
    await expect(exposed.qbank?.['banks.list']?.({})).rejects.toThrow('权限不足');
    expect(calls).toEqual([
      ['workstation.status', {}],
      ['banks.list', {}],
    ]);
  });
});
