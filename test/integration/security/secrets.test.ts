import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import { DomainValidationError } from '../../../app/domain/validation.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { closeWorkstation, initWorkstation, openWorkstation, type WorkstationSecret } from '../../../app/services/workstation/handlers.js';
import { useTempDir } from '../../helpers/tmp.js';
import { useWorkstation } from '../../helpers/workstation.js';

const DEMO_PASSPHRASE = '样例工作站口令-Demo-2026!';

/** Each refusal of issue 11 point 7, with the words its message must contain. */
const WEAK: readonly (readonly [string, WorkstationSecret, string])[] = [
  ['a 1-character passphrase', { kind: 'passphrase', passphrase: 'x' }, '至少 12 个字符（现为 1 个）'],
  ['an 11-character passphrase', { kind: 'passphrase', passphrase: 'Ab1-口令Ab1-x' }, '至少 12 个字符（现为 11 个）'],
  ['a passphrase of two classes only', { kind: 'passphrase', passphrase: 'correcthorsebattery2026' }, '至少 3 类（现有 2 类：小写字母、数字）'],
  ['a 1-byte key file', { kind: 'keyFile', bytes: new Uint8Array([42]) }, '密钥文件至少 32 字节（现为 1 字节）'],
  ['a 31-byte key file', { kind: 'keyFile', bytes: randomBytes(31) }, '密钥文件至少 32 字节（现为 31 字节）'],
  ['32 zero bytes as key file', { kind: 'keyFile', bytes: new Uint8Array(32) }, '不像随机数据：只有 1 种不同的字节值'],
];

describe('one policy for the workstation secret (issue 11 point 7)', () => {
  const tempDir = useTempDir();
  const workstation = useWorkstation();

  describe('initWorkstation', () => {
    it.each(WEAK)('refuses %s and creates no file', async (_, secret, words) => {
      const file = join(tempDir(), 'ws', 'qbank.db');
      await expect(initWorkstation(file, secret)).rejects.toThrow(words);
      await expect(initWorkstation(file, secret)).rejects.toThrow(/^不能新建工作站：/);
      expect(existsSync(file)).toBe(false);
    });

    it('accepts the demo passphrase and 32 random bytes', async () => {
      for (const secret of [{ kind: 'passphrase', passphrase: DEMO_PASSPHRASE }, { kind: 'keyFile', bytes: randomBytes(32) }] as const) {
        const init = await initWorkstation(join(tempDir(), 'qbank.db'), secret);
        expect(init.created).toBe(true);
        closeWorkstation(init.db);
      }
    });

    it('still opens and upgrades an existing workstation whose secret was chosen under the old rules', async () => {
      const file = join(tempDir(), 'old.db');
      const weak = { kind: 'passphrase', passphrase: 'x' } as const;
      closeWorkstation(openWorkstation(file, weak, { create: true }));
      const init = await initWorkstation(file, weak);
      closeWorkstation(init.db);
    });
  });

  describe('workstation.rekey', () => {
    it.each(WEAK)('refuses %s by its input schema; the old secret still opens the file', async (_, next, words) => {
      const ws = workstation();
      const sys = ws.as('sys', ['sysadmin']);
      const input = next.kind === 'keyFile' ? { next: { kind: 'keyFile' as const, bytes: new Uint8Array(next.bytes) } } : { next };
      const error = await invoke(sys, handlers['workstation.rekey'], input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainValidationError);
      expect((error as Error).message).toContain(words);
      closeWorkstation(openWorkstation(ws.db.name, ws.secret));
      expect(() => openWorkstation(ws.db.name, next)).toThrow('口令不正确');
    });

    it('accepts a strong passphrase', async () => {
      const ws = workstation();
      const sys = ws.as('sys', ['sysadmin']);
      await expect(invoke(sys, handlers['workstation.rekey'], { next: { kind: 'passphrase', passphrase: DEMO_PASSPHRASE } })).resolves.toEqual({ rekeyed: true });
      closeWorkstation(openWorkstation(ws.db.name, { kind: 'passphrase', passphrase: DEMO_PASSPHRASE }));
    });
  });

  describe('qbank init and qbank rekey', () => {
    const run = async (args: string[], cwd: string, env: Record<string, string>) => {
      let out = '';
      let err = '';
      const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd });
      return { code, out, err };
    };

    it.each(WEAK)('init refuses %s with exit 2 and one line, creating nothing', async (_, secret, words) => {
      const dir = tempDir();
      const env: Record<string, string> = { QBANK_DB: join(dir, 'ws.db') };
      if (secret.kind === 'passphrase') env.QBANK_PASSPHRASE = secret.passphrase;
      else writeFileSync(join(dir, 'key.bin'), secret.bytes);
      const r = await run(secret.kind === 'keyFile' ? ['init', '--key-file', 'key.bin'] : ['init'], dir, env);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^qbank: 不能新建工作站：/);
      expect(r.err).toContain(words);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(existsSync(join(dir, 'ws.db'))).toBe(false);
    });

    it.each(WEAK)('rekey refuses %s before opening the database', async (_, secret, words) => {
      const dir = tempDir();
      const env: Record<string, string> = { QBANK_DB: join(dir, 'ws.db'), QBANK_PASSPHRASE: DEMO_PASSPHRASE };
      expect((await run(['init'], dir, env)).code).toBe(0);
      const before = readFileSync(join(dir, 'ws.db'));
      if (secret.kind === 'passphrase') writeFileSync(join(dir, 'new.txt'), secret.passphrase);
      else writeFileSync(join(dir, 'key.bin'), secret.bytes);
      const r = await run(['rekey', secret.kind === 'keyFile' ? '--new-key-file' : '--new-passphrase-file', secret.kind === 'keyFile' ? 'key.bin' : 'new.txt'], dir, {
        ...env,
        QBANK_USER: 'sysadmin',
        QBANK_PASSWORD: 'irrelevant',
      });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^qbank: 不能更换数据库口令：/);
      expect(r.err).toContain(words);
      expect(readFileSync(join(dir, 'ws.db')).equals(before)).toBe(true);
    });

    it('states the policy in the help of both commands', async () => {
      const dir = tempDir();
      for (const c of ['init', 'rekey']) expect((await run([c, '--help'], dir, {})).out).toContain('至少 12 个字符，并包含小写字母、大写字母、数字、符号、汉字');
    });
  });
});
