import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeAll } from 'vitest';
import { hashPassword } from '../../crypto/password.js';
import type { Role } from '../../app/domain/roles.js';
import { installAuditKey } from '../../app/services/audit.js';
import { createContext, type ServiceContext } from '../../app/services/context.js';
import { actorOf } from '../../app/services/session.js';
import { closeWorkstation, openWorkstation, type WorkstationSecret } from '../../app/services/workstation.js';
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
  beforeAll(prepareTestHash);
  afterEach(() => {
    for (const db of open.splice(0)) closeWorkstation(db);
  });
  return () => {
    const dir = tempDir();
    const secret: WorkstationSecret = { kind: 'keyFile', bytes: randomBytes(32) };
    const db = openWorkstation(join(dir, 'qbank.db'), secret, { create: true });
    open.push(db);
    installAuditKey(db, secret.bytes);
    let t = T0;
    const now = () => new Date((t += 1000));
    const hash = hashPasswordSync();
    return {
      db,
      dir,
      secret,
      now,
      advance: (ms) => void (t += ms),
      system: createContext(db, { now, secret }),
      as(username, roles, options = {}) {
        const at = new Date(t).toISOString();
        const existing = findAccount(db, username);
        const account = existing ?? insertAccount(db, { username, displayName: username, passwordHash: hash, personId: null }, 'test', at);
        if (!existing) setPassword(db, account.id, hash, at, false);
        for (const r of roles) grantRole(db, account.id, r, 'test', at);
        const pledge = options.pledge ?? 'valid';
        if (!existing && pledge !== 'none') {
          const person = insertPerson(db, { name: username, unit: '测试单位', title: '', position: '', phone: '020-0000-0000', specialty: '', workTypes: ['命题'], trainer: false }, 'test', at);
          db.prepare('UPDATE accounts SET person_id = ? WHERE id = ?').run(person.id, account.id);
          const p = pledge === 'valid' ? { signedOn: '2026-01-01', expiresOn: '2027-12-31' } : { signedOn: '2025-01-01', expiresOn: '2025-12-31' };
          insertPledge(db, person.id, { ...p, scope: '测试' }, undefined, 'test', at);
        }
        return createContext(db, { actor: actorOf(findAccount(db, username)!), now, secret });
      },
    };
  };
}

let cachedHash: string | undefined;
/** One cheap hash of TEST_PASSWORD, computed once per test file (beforeAll). */
function hashPasswordSync(): string {
  if (!cachedHash) throw new Error('the test hash is prepared in beforeAll');
  return cachedHash;
}

async function prepareTestHash(): Promise<void> {
  cachedHash ??= await hashPassword(TEST_PASSWORD, CHEAP);
}
