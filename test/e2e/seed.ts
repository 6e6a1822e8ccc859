/**
 * Workstations for the GUI tests, made through the same DesktopHost the page talks to (so every
 * account has a real password and every step is in the access log): the 三员, the sample team with
 * people and 保密责任书, the 制图员 sample bank with its 细目表 and 内容结构表, its items, and 3 + 3
 * assembled sets — as far as a test needs. Passwords are changed at first login like a user would.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DesktopHost } from '../../app/services/desktop/host.js';

export const PASSPHRASE = '工作站口令-E2E-2026';
export const PASSWORD = 'Qb#2026-Strong-pw';
const SAMPLE = join(import.meta.dirname, '..', '..', 'app', 'demo', 'sample');
export const SAMPLE_FILES = join(SAMPLE, 'files');
export const SAMPLE_FILE = {
  elementTable: '制图员四级-理论知识考核要素细目表.xlsx',
  practicalStructure: '制图员-技能考核内容结构表.xlsx',
  items: '制图员四级-试题导入.xlsx',
  word: '制图员四级-三维与图档.docx',
} as const;

export type SeedLevel = 'admins' | 'team' | 'bank' | 'items' | 'assembled';
const ORDER: readonly SeedLevel[] = ['admins', 'team', 'bank', 'items', 'assembled'];

interface Member {
  username: string;
  role: 'manager' | 'author' | 'reviewer';
  person: Record<string, unknown>;
}
export const TEAM = (JSON.parse(readFileSync(join(SAMPLE, 'team.json'), 'utf8')) as { members: Member[] }).members;
export const MANAGER = 'zhangwei';
export const AUTHOR = 'liqiang';
export const REVIEWER = 'chenjing';

export interface Seeded {
  readonly dbFile: string;
  readonly bankId: number | null;
}

const bytesOf = (name: string) => new Uint8Array(readFileSync(join(SAMPLE_FILES, name)));

/** Logs in with a one-time password and sets PASSWORD, as the first login forces. */
async function firstLogin(host: DesktopHost, username: string, oneTime: string): Promise<void> {
  await host.login({ username, password: oneTime });
  await host.call('session.changePassword', { current: oneTime, next: PASSWORD });
  host.logout();
}

async function as<T>(host: DesktopHost, username: string, fn: () => Promise<T>): Promise<T> {
  await host.login({ username, password: PASSWORD });
  try {
    return await fn();
  } finally {
    host.logout();
  }
}

export async function seedWorkstation(dbFile: string, level: SeedLevel): Promise<Seeded> {
  const upTo = (l: SeedLevel) => ORDER.indexOf(level) >= ORDER.indexOf(l);
  const host = new DesktopHost({ dbFile, anchorDir: null });
  let bankId: number | null = null;
  try {
    const created = await host.create({ secret: { kind: 'passphrase', passphrase: PASSPHRASE } });
    for (const admin of created.admins) await firstLogin(host, admin.username, admin.initialPassword);
    if (!upTo('team')) return { dbFile, bankId };

    const oneTime = await as(host, 'sysadmin', async () => {
      const out: [string, string][] = [];
      for (const m of TEAM) {
        const made = (await host.call('accounts.create', { username: m.username, displayName: m.person.name })) as { initialPassword: string };
        out.push([m.username, made.initialPassword]);
      }
      return out;
    });
    for (const [username, password] of oneTime) await firstLogin(host, username, password);
    await as(host, 'secadmin', async () => {
      for (const m of TEAM) {
        const person = (await host.call('people.add', { person: m.person })) as { id: number };
        await host.call('people.registerPledge', { personId: person.id, pledge: { signedOn: '2026-01-05', expiresOn: '2027-12-31', scope: '制图员题库开发' } });
        await host.call('accounts.linkPerson', { username: m.username, personId: person.id });
        await host.call('accounts.grantRoles', { username: m.username, roles: [m.role] });
      }
    });
    if (!upTo('bank')) return { dbFile, bankId };

    bankId = await as(host, MANAGER, async () => {
      const bank = (await host.call('banks.create', { occupationCode: '3-01-02-07', track: '机械', level: 4, name: '制图员（机械）四级/中级工 样例题库', isSample: true })) as { id: number };
      await host.call('banks.importElementTable', { bankId: bank.id, bytes: bytesOf(SAMPLE_FILE.elementTable) });
      await host.call('banks.importPracticalStructure', { bankId: bank.id, bytes: bytesOf(SAMPLE_FILE.practicalStructure) });
      return bank.id;
    });
    await as(host, 'secadmin', async () => {
      for (const m of TEAM.filter((x) => x.role !== 'manager')) await host.call('access.grant', { bankId, username: m.username, role: m.role });
    });
    if (!upTo('items')) return { dbFile, bankId };

    await as(host, MANAGER, async () => {
      await host.call('import.items', { bankId, fileName: SAMPLE_FILE.items, bytes: bytesOf(SAMPLE_FILE.items), state: '入库' });
      await host.call('import.items', { bankId, fileName: SAMPLE_FILE.word, bytes: bytesOf(SAMPLE_FILE.word), state: '入库', validOnly: true, nearDuplicates: 'skip' });
    });
    if (!upTo('assembled')) return { dbFile, bankId };

    await as(host, MANAGER, async () => {
      await host.call('assembly.structure.set', { bankId, value: { preset: 'compact-90' } });
      for (const kind of ['theory', 'practical'] as const) await host.call('assembly.run', { bankId, kind, sets: 3, seed: 1, timeLimitSeconds: 30 });
    });
    return { dbFile, bankId };
  } finally {
    host.close();
  }
}

/** A fresh copy of a seeded workstation as `<dir>/<name>.db` (with its WAL and SHM when they exist). */
export function copyWorkstation(seeded: string, dir: string, name: string): string {
  const target = join(dir, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(seeded + suffix)) copyFileSync(seeded + suffix, target + suffix);
  return target;
}
