import { describe, expect, it } from 'vitest';
import { ADMIN_ROLES, CONTENT_ROLES, FORBIDDEN_ROLE_PAIRS } from '../../../app/domain/account.js';
import { roleNames, type Role } from '../../../app/domain/roles.js';
import { DomainValidationError } from '../../../app/domain/validation.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import type { WritableDB } from '../../../app/store/database.js';
import { findAccount } from '../../../app/store/repositories/accounts.js';
import { useWorkstation } from '../../helpers/workstation.js';

/** Both orders of every forbidden pair: the account holds the first role and is given the second. */
const ORDERED_FORBIDDEN = FORBIDDEN_ROLE_PAIRS.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]);
const ALLOWED_PAIRS = CONTENT_ROLES.flatMap((a, i) => CONTENT_ROLES.slice(i + 1).map((b) => [a, b] as const));
const T = '2026-11-23T08:00:00.000Z';

const rolesOf = (db: WritableDB, username: string): readonly Role[] => findAccount(db, username)?.roles ?? [];

describe('三员分立 (issue 11 point 6)', () => {
  const workstation = useWorkstation();

  it('covers every pair: the 三员 among themselves and each of them with each content role', () => {
    expect(FORBIDDEN_ROLE_PAIRS).toHaveLength(3 + 3 * 3);
    expect(ORDERED_FORBIDDEN).toHaveLength(24);
    expect([...ADMIN_ROLES, ...CONTENT_ROLES].sort()).toEqual(Object.keys(roleNames).sort());
  });

  describe('accounts.grantRoles', () => {
    it.each(ORDERED_FORBIDDEN)('refuses to give a %s the role %s, naming both roles, and grants nothing', async (held, given) => {
      const ws = workstation();
      const sec = ws.as('officer', ['secadmin']);
      ws.as('holder', [held], { pledge: 'none' });
      const error = await invoke(sec, handlers['accounts.grantRoles'], { username: 'holder', roles: [given] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainValidationError);
      expect((error as Error).message).toContain('三员分立');
      expect((error as Error).message).toContain(roleNames[held]);
      expect((error as Error).message).toContain(roleNames[given]);
      expect(rolesOf(ws.db, 'holder')).toEqual([held]);
      const logged = ws.db.prepare("SELECT result, detail FROM audit_log WHERE action = 'accounts.grantRoles'").all() as { result: string; detail: string }[];
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ result: 'error', detail: expect.stringContaining('三员分立') as unknown });
    });

    it.each(FORBIDDEN_ROLE_PAIRS)('refuses %s and %s granted together to a fresh account', async (a, b) => {
      const ws = workstation();
      const sec = ws.as('officer', ['secadmin']);
      ws.as('fresh', [], { pledge: 'none' });
      await expect(invoke(sec, handlers['accounts.grantRoles'], { username: 'fresh', roles: [a, b] })).rejects.toThrow('三员分立');
      expect(rolesOf(ws.db, 'fresh')).toEqual([]);
    });

    it.each(ALLOWED_PAIRS)('lets one person be %s and %s (content roles combine)', async (a, b) => {
      const ws = workstation();
      const sec = ws.as('officer', ['secadmin']);
      ws.as('writer', [a], { pledge: 'none' });
      expect([...(await invoke(sec, handlers['accounts.grantRoles'], { username: 'writer', roles: [b] })).roles].sort()).toEqual([a, b].sort());
    });

    it('names every conflict at once when several roles are asked for', async () => {
      const ws = workstation();
      const sec = ws.as('officer', ['secadmin']);
      ws.as('boss', ['sysadmin'], { pledge: 'none' });
      const error = await invoke(sec, handlers['accounts.grantRoles'], { username: 'boss', roles: ['secadmin', 'manager'] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainValidationError);
      const text = (error as Error).message;
      expect(text).toContain('系统管理员和安全保密管理员');
      expect(text).toContain('系统管理员不能兼任题库管理员');
      expect(text).toContain('安全保密管理员不能兼任题库管理员');
    });
  });

  describe('database trigger account_roles_separation', () => {
    const insert = (db: WritableDB, username: string, role: string) =>
      db.prepare(`INSERT INTO account_roles (account_id, role, granted_at, granted_by) SELECT id, ?, '${T}', 'raw' FROM accounts WHERE username = ?`).run(role, username);

    it.each(ORDERED_FORBIDDEN)('refuses a raw INSERT giving a %s the role %s', (held, given) => {
      const ws = workstation();
      ws.as('holder', [held], { pledge: 'none' });
      expect(() => insert(ws.db, 'holder', given)).toThrow('三员分立');
      expect(() => ws.db.prepare('INSERT OR IGNORE INTO account_roles SELECT id, ?, ?, ? FROM accounts WHERE username = ?').run(given, T, 'raw', 'holder')).toThrow('三员分立');
      expect(rolesOf(ws.db, 'holder')).toEqual([held]);
    });

    it.each(ORDERED_FORBIDDEN)('refuses a raw UPDATE turning a second role into %s next to %s', (held, turned) => {
      const ws = workstation();
      const other: Role = CONTENT_ROLES.find((r) => r !== held && r !== turned) ?? 'author';
      ws.as('holder', [held], { pledge: 'none' });
      ws.as('other', [other], { pledge: 'none' });
      // Rename the role of another row of this account, or move another account's row onto this account.
      expect(() =>
        ws.db.prepare("UPDATE account_roles SET account_id = (SELECT id FROM accounts WHERE username = 'holder'), role = ? WHERE account_id = (SELECT id FROM accounts WHERE username = 'other')").run(turned),
      ).toThrow('三员分立');
      expect(rolesOf(ws.db, 'holder')).toEqual([held]);
    });

    it.each(ALLOWED_PAIRS)('accepts a raw INSERT of %s next to %s', (a, b) => {
      const ws = workstation();
      ws.as('writer', [a], { pledge: 'none' });
      insert(ws.db, 'writer', b);
      expect([...rolesOf(ws.db, 'writer')].sort()).toEqual([a, b].sort());
    });

    it('still lets an account with a single role have that role changed by UPDATE', () => {
      const ws = workstation();
      ws.as('holder', ['auditor'], { pledge: 'none' });
      ws.db.prepare("UPDATE account_roles SET role = 'secadmin' WHERE account_id = (SELECT id FROM accounts WHERE username = 'holder')").run();
      expect(rolesOf(ws.db, 'holder')).toEqual(['secadmin']);
    });
  });
});
