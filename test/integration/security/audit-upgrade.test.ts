/**
 * A workstation made before per-account keys (schema 130): its log, with a logout checkpointed the
 * old way, still verifies after the upgrade; the old checkpoints are reported as reference only; an
 * account gets its key at its first login and its next logout is signed with it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalAuditRow, GENESIS_HASH } from '../../../app/domain/audit.js';
import { verifyAuditChain } from '../../../app/services/audit/record.js';
import { createContext } from '../../../app/services/context.js';
import { login, logout } from '../../../app/services/session/handlers.js';
import { closeDatabase, migrate, openDatabase, schemaVersion } from '../../../app/store/database.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../app/store/migrations/index.js';
import { listAccountKeys } from '../../../app/store/repositories/account-keys.js';
import { listCheckpoints } from '../../../app/store/repositories/audit-checkpoints.js';
import { iterateAuditRows } from '../../../app/store/repositories/audit-log.js';
import { issueAccountKey } from '../../../app/services/audit/keys.js';
import { hashPasswordWithKeySync } from '../../../crypto/password.js';
import { chainHash } from '../../../crypto/hash-chain.js';
import { useTempDir } from '../../helpers/tmp.js';
import { CHEAP, TEST_PASSWORD } from '../../helpers/workstation.js';

const T = '2026-11-23T08:00:00.000Z';

describe('upgrading a workstation made before per-account keys', () => {
  const tempDir = useTempDir();

  it('keeps the old log verifiable and signs the next logout with the account key made at login', async () => {
    const db = openDatabase(join(tempDir(), 'old.db'), { create: true, migrate: false });
    try {
      migrate(db, MIGRATIONS.filter((m) => m.version <= 130));
      const { hash } = hashPasswordWithKeySync(TEST_PASSWORD, CHEAP);
      db.prepare(`INSERT INTO accounts (id, username, display_name, password_hash, password_changed_at, must_change_password, created_at, created_by)
        VALUES (1, 'liqiang', '李强', ?, ?, 0, ?, 'test')`).run(hash, T, T);
      let prev = GENESIS_HASH;
      const insert = db.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      for (const [seq, action] of [[1, 'session.login'], [2, 'session.logout']] as const) {
        const row = { seq, at: T, actor: 'liqiang', actorId: 1, action, register: '登录' as const, objects: ['account:1'], result: 'ok' as const, detail: '' };
        const h = chainHash(prev, canonicalAuditRow(row));
        insert.run(seq, T, 'liqiang', 1, action, '登录', '["account:1"]', 'ok', '', prev, h);
        prev = h;
      }
      db.prepare(`INSERT INTO audit_checkpoints (audit_seq, audit_hash, entries, at, reason, signature, key_id) VALUES (2, ?, 2, ?, 'logout', 'c2lnbmF0dXJl', 'oldworkstation00')`).run(prev, T);

      migrate(db);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      const upgraded = await verifyAuditChain(db);
      expect(upgraded).toMatchObject({ ok: true, entries: 2, checkpoints: 0 });
      expect(upgraded.warnings).toEqual(['1 个旧版校验点由工作站密钥签署，只作参考']);

      const ctx = await login(createContext(db, { anchorDir: null }), 'liqiang', TEST_PASSWORD);
      expect(listAccountKeys(db)).toMatchObject([{ accountId: 1, certifiedBy: 'self' }]);
      expect([...iterateAuditRows(db)].map((r) => r.action)).toEqual(['session.login', 'session.logout', 'account.key', 'session.login']);
      logout(ctx);
      expect(listCheckpoints(db)).toMatchObject([{ seq: 1, reason: 'logout', signer: 'liqiang', auditSeq: 5 }]);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5, checkpoints: 1, problems: [] });
    } finally {
      closeDatabase(db);
    }
  });
});

describe('an account key that its password does not open', () => {
  const tempDir = useTempDir();

  it('refuses the login with a Chinese message and logs it', async () => {
    const db = openDatabase(join(tempDir(), 'ws.db'), { create: true });
    try {
      const first = hashPasswordWithKeySync(TEST_PASSWORD, CHEAP);
      db.prepare(`INSERT INTO accounts (id, username, display_name, password_hash, password_changed_at, must_change_password, created_at, created_by)
        VALUES (1, 'liqiang', '李强', ?, ?, 0, ?, 'test')`).run(first.hash, T, T);
      issueAccountKey(db, { id: 1, username: 'liqiang' }, first.wrappingKey, null, T);
      // the hash replaced outside the program (same password, new salt): the key no longer opens
      db.prepare('UPDATE accounts SET password_hash = ? WHERE id = 1').run(hashPasswordWithKeySync(TEST_PASSWORD, CHEAP).hash);
      await expect(login(createContext(db, { anchorDir: null }), 'liqiang', TEST_PASSWORD)).rejects.toThrow('账号签名密钥与口令不符');
      expect([...iterateAuditRows(db)].at(-1)).toMatchObject({ action: 'session.login', result: 'refused', detail: '口令正确，但账号签名密钥无法打开' });
    } finally {
      closeDatabase(db);
    }
  });
});
