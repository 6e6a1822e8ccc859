import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { hashPasswordWithKeySync } from '../../crypto/password.js';
import type { Role } from '../../app/domain/roles.js';
import { issueAccountKey, openAccountKey } from '../../app/services/audit/keys.js';
import { createContext, type ServiceContext } from '../../app/services/context.js';
import { actorOf } from '../../app/services/session/handlers.js';
import { closeWorkstation, openWorkstation, type WorkstationSecret } from '../../app/services/workstation/handlers.js';
import type { WritableDB } from '../../app/store/database.js';
import { findAccount, grantRole, insertAccount, setPassword } from '../../app/store/repositories/accounts.js';
import { insertPerson, insertPledge } from '../../app/store/repositories/people.js';
import { useTempDir } from './tmp.js';

/** scrypt at a test-only cost: the real parameters are exercised by the authentication tests. */
export const CHEAP = { N: 1024, r: 8, p: 1 } as const;
export const TEST_PASSWORD = 'Test-Passw0rd!';
const T0 = Date.parse('2026-11-23T08:00:00Z');

export interface TestWorkstation {
  readonly db: WritableDB;
  readonly dir: string;
  readonly secret: WorkstationSecret;
  /** The clock shared by every context of this workstation: +1 s per reading. */
  readonly now: () => Date;
  /** Advances the shared clock. */
  advance(ms: number): void;
  /** A context acting as a fresh account with these roles (and, by default, a valid 保密责任书). */
  as(username: string, roles: readonly Role[], options?: { pledge?: 'valid' | 'expired' | 'none' }): ServiceContext;
  /** The system context (no account). */
  readonly system: ServiceContext;
}

/** A real encrypted workstation database in a temp folder, closed after the test. */
export function useWorkstation(): () => TestWorkstation {
  const tempDir = useTempDir();
  const open: WritableDB[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) closeWorkstation(db);
  });
  return () => {
    const dir = tempDir();
    const secret: WorkstationSecret = { kind: 'keyFile', bytes: randomBytes(32) };
    const db = openWorkstation(join(dir, 'qbank.db'), secret, { create: true });
    open.push(db);
    let t = T0;
    const now = () => new Date((t += 1000));
    const { hash, wrappingKey } = testPasswordSecrets();
    return {
      db,
      dir,
      secret,
      now,
      advance: (ms) => void (t += ms),
      system: createContext(db, { now, secret, anchorDir: null }),
      as(username, roles, options = {}) {
        const at = new Date(t).toISOString();
        const existing = findAccount(db, username);
        const account = existing ?? insertAccount(db, { username, displayName: username, passwordHash: hash, personId: null }, 'test', at);
        if (!existing) {
          setPassword(db, account.id, hash, at, false);
          issueAccountKey(db, account, wrappingKey, null, at);
        }
        for (const r of roles) grantRole(db, account.id, r, 'test', at);
        const pledge = options.pledge ?? 'valid';
        if (!existing && pledge !== 'none') {
          const person = insertPerson(db, { name: username, unit: '测试单位', title: '', position: '', phone: '020-0000-0000', specialty: '', workTypes: ['命题'], trainer: false }, 'test', at);
          db.prepare('UPDATE accounts SET person_id = ? WHERE id = ?').run(person.id, account.id);
          const p = pledge === 'valid' ? { signedOn: '2026-01-01', expiresOn: '2027-12-31' } : { signedOn: '2025-01-01', expiresOn: '2025-12-31' };
          insertPledge(db, person.id, { ...p, scope: '测试' }, undefined, 'test', at);
        }
        const record = findAccount(db, username)!;
        // like a login: the account's own signing key is open for checkpoints
        const signer = openKeyIfTestPassword(db, record, wrappingKey);
        return createContext(db, { actor: actorOf(record), now, secret, signer, anchorDir: null });
      },
    };
  };
}

/** The account's key when it was made with TEST_PASSWORD (accounts made otherwise have none open). */
function openKeyIfTestPassword(db: WritableDB, account: { id: number; username: string }, wrappingKey: Buffer) {
  try {
    return openAccountKey(db, account, wrappingKey) ?? null;
  } catch {
    return null;
  }
}

let cached: ReturnType<typeof hashPasswordWithKeySync> | undefined;
/** One cheap hash of TEST_PASSWORD (and its wrapping key), computed once per test file. */
export function testPasswordSecrets(): ReturnType<typeof hashPasswordWithKeySync> {
  cached ??= hashPasswordWithKeySync(TEST_PASSWORD, CHEAP);
  return cached;
}
