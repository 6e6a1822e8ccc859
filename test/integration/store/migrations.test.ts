import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, migrate, openDatabase, schemaVersion, type WritableDB } from '../../../app/store/database.js';
import { MigrationError } from '../../../app/store/errors.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../app/store/migrations/index.js';
import { useTempDir } from '../../helpers/tmp.js';
import { canonicalAuditRow, GENESIS_HASH } from '../../../app/domain/audit.js';
import { verifyAuditChain } from '../../../app/services/audit/record.js';
import { iterateAuditRows } from '../../../app/store/repositories/audit-log.js';
import { chainHash } from '../../../crypto/hash-chain.js';

const tempDir = useTempDir();
const opened: WritableDB[] = [];
afterEach(() => opened.splice(0).forEach(closeDatabase));

/** A database migrated up to (and including) `version`. */
function at(version: number): WritableDB {
  const db = openDatabase(join(tempDir(), 'm.db'), { create: true, migrate: false });
  opened.push(db);
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  expect(schemaVersion(db)).toBe(version);
  return db;
}

const T = '2026-11-23T08:00:00.000Z';

describe('migrations', () => {
  it('are numbered in steps of 10 and strictly increasing', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => (i + 1) * 10));
    expect(LATEST_SCHEMA_VERSION).toBe(210);
  });

  it('0010 creates the settings with a workstation id', () => {
    const db = at(10);
    const id = db.prepare("SELECT value FROM settings WHERE key = 'workstation.id'").pluck().get() as string;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('0020 adds banks (one per occupation × track × level) and keeps the settings', () => {
    const db = at(10);
    db.prepare("INSERT INTO settings VALUES ('fixture', 'kept')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 20));
    expect(db.prepare("SELECT value FROM settings WHERE key = 'fixture'").pluck().get()).toBe('kept');
    const insert = db.prepare(
      `INSERT INTO banks (name, occupation_code, occupation_name, track, level, secrecy, created_at, created_by, updated_at)
       VALUES ('b', '3-01-02-07', '制图员', '机械', ?, '{}', '${T}', 't', '${T}')`,
    );
    insert.run(4);
    expect(() => insert.run(4)).toThrow(/UNIQUE/);
    expect(() => insert.run(6)).toThrow(/CHECK/);
  });

  it('0030 adds items with immutable versions and keeps the banks', () => {
    const db = at(20);
    db.prepare(
      `INSERT INTO banks (id, name, occupation_code, occupation_name, level, secrecy, created_at, created_by, updated_at)
       VALUES (7, 'b', '3-01-02-07', '制图员', 4, '{}', '${T}', 't', '${T}')`,
    ).run();
    migrate(db);
    expect(db.prepare('SELECT name FROM banks WHERE id = 7').pluck().get()).toBe('b');
    db.prepare(`INSERT INTO items (id, bank_id, kind, type, binding, created_at, created_by, updated_at) VALUES (1, 7, 'theory', 'trueFalse', 'A-A-A-001', '${T}', 't', '${T}')`).run();
    db.prepare(`INSERT INTO item_versions (item_id, version, body, created_at, created_by) VALUES (1, 1, '{"stem":"x"}', '${T}', 't')`).run();
    expect(() => db.prepare("UPDATE item_versions SET body = '{}'").run()).toThrow('试题版本一经保存不可修改');
    expect(() => db.prepare('DELETE FROM item_versions').run()).toThrow('试题版本不可删除');
    expect(() => db.prepare(`INSERT INTO items (bank_id, kind, type, created_at, created_by, updated_at) VALUES (99, 'theory', 'trueFalse', '${T}', 't', '${T}')`).run()).toThrow(/FOREIGN KEY/);
  });

  it('0040 adds the append-only audit log that refuses update, delete, replace and gaps', () => {
    const db = at(30);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 40));
    const row = (seq: number) => [seq, T, 'u', null, 'a', '', '[]', 'ok', '', '0'.repeat(64), 'f'.repeat(64)];
    const insert = db.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run(...row(1));
    insert.run(...row(2));
    expect(() => db.prepare("UPDATE audit_log SET detail = 'x' WHERE seq = 1").run()).toThrow('审计日志只能追加，不能修改');
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow('审计日志只能追加，不能删除');
    expect(() => db.prepare('INSERT OR REPLACE INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(...row(2))).toThrow();
    expect(() => insert.run(...row(5))).toThrow('审计日志序号必须连续');
    expect(db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(2);
  });

  it('0050 adds the personnel register and pledges that must end after they start', () => {
    const db = at(40);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 50));
    db.prepare(`INSERT INTO people (id, name, unit, phone, created_at, created_by, updated_at) VALUES (1, '李强', '样例学院', '020-1', '${T}', 't', '${T}')`).run();
    const pledge = db.prepare(`INSERT INTO pledges (person_id, signed_on, expires_on, scope, registered_at, registered_by) VALUES (1, ?, ?, '命题', '${T}', 't')`);
    pledge.run('2026-01-01', '2026-12-31');
    expect(() => pledge.run('2026-12-31', '2026-01-01')).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO people (name, unit, phone, expert_role, created_at, created_by, updated_at) VALUES ('x', 'y', '1', '外行', '${T}', 't', '${T}')`).run()).toThrow(/CHECK/);
  });

  it('0060 adds accounts and keeps the 三员 apart even for raw SQL, keeping the people', () => {
    const db = at(50);
    db.prepare(`INSERT INTO people (id, name, unit, phone, created_at, created_by, updated_at) VALUES (1, '李强', '样例学院', '020-1', '${T}', 't', '${T}')`).run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 60));
    expect(db.prepare('SELECT name FROM people WHERE id = 1').pluck().get()).toBe('李强');
    db.prepare(`INSERT INTO accounts (id, username, display_name, password_hash, password_changed_at, person_id, created_at, created_by) VALUES (1, 'a', 'A', 'h', '${T}', 1, '${T}', 't')`).run();
    const grant = db.prepare(`INSERT INTO account_roles (account_id, role, granted_at, granted_by) VALUES (1, ?, '${T}', 't')`);
    grant.run('sysadmin');
    expect(() => grant.run('auditor')).toThrow('三员分立');
    grant.run('manager');
    expect(() => grant.run('superuser')).toThrow(/CHECK/);
  });

  it('0070 adds bank membership tied to banks and accounts', () => {
    const db = at(60);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 70));
    expect(() => db.prepare(`INSERT INTO bank_members VALUES (1, 1, 'author', '${T}', 't')`).run()).toThrow(/FOREIGN KEY/);
  });

  it('0080 adds append-only signed checkpoints', () => {
    const db = at(70);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 80));
    db.prepare(`INSERT INTO audit_checkpoints (audit_seq, audit_hash, entries, at, reason, signature, key_id) VALUES (0, ?, 0, '${T}', 'demand', 's', 'k')`).run('0'.repeat(64));
    expect(() => db.prepare("UPDATE audit_checkpoints SET signature = 'x'").run()).toThrow('审计校验点只能追加，不能修改');
    expect(() => db.prepare('DELETE FROM audit_checkpoints').run()).toThrow('审计校验点只能追加，不能删除');
  });

  it('0090 adds the append-only workflow record, seeded with one entry per existing item', () => {
    const db = at(80);
    db.prepare(`INSERT INTO banks (id, name, occupation_code, occupation_name, level, secrecy, created_at, created_by, updated_at) VALUES (1, 'b', '3-01-02-07', '制图员', 4, '{}', '${T}', 't', '${T}')`).run();
    db.prepare(`INSERT INTO items (id, bank_id, kind, type, binding, state, created_at, created_by, updated_at) VALUES (5, 1, 'theory', 'trueFalse', 'A-A-A-001', '入库', '${T}', 'writer', '${T}')`).run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 90));
    expect(db.prepare('SELECT item_id, from_state, to_state, by FROM item_transitions').all()).toEqual([{ item_id: 5, from_state: '', to_state: '入库', by: 'writer' }]);
    expect(() => db.prepare("UPDATE item_transitions SET comment = 'x'").run()).toThrow('审核记录不可修改');
    expect(() => db.prepare('DELETE FROM item_transitions').run()).toThrow('审核记录不可删除');
  });

  it('0100 adds the search index tables', () => {
    const db = at(90);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 100));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    expect(tables.filter((t) => t.includes('search') || t.includes('gram')).length).toBeGreaterThanOrEqual(2);
  });

  it('0110 adds images stored once by content hash, PNG or JPEG only', () => {
    const db = at(100);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 110));
    const put = db.prepare(`INSERT INTO images (sha256, content_type, bytes, size, created_at, created_by) VALUES (?, ?, x'89504e47', 4, '${T}', 't')`);
    put.run('a'.repeat(64), 'image/png');
    expect(() => put.run('a'.repeat(64), 'image/png')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => put.run('b'.repeat(64), 'image/gif')).toThrow(/CHECK/);
  });

  it('0120 adds papers that pin item versions and lock once approved', () => {
    const db = at(110);
    db.prepare(
      `INSERT INTO banks (id, name, occupation_code, occupation_name, level, secrecy, created_at, created_by, updated_at)
       VALUES (7, 'b', '3-01-02-07', '制图员', 4, '{}', '${T}', 't', '${T}')`,
    ).run();
    db.prepare(`INSERT INTO items (id, bank_id, kind, type, binding, created_at, created_by, updated_at) VALUES (1, 7, 'theory', 'trueFalse', 'A-A-A-001', '${T}', 't', '${T}')`).run();
    db.prepare(`INSERT INTO item_versions (item_id, version, body, created_at, created_by) VALUES (1, 1, '{}', '${T}', 't')`).run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 120));
    expect(db.prepare('SELECT count(*) FROM items').pluck().get()).toBe(1);
    db.prepare(`INSERT INTO assembly_runs (id, bank_id, kind, settings, result, created_at, created_by) VALUES (1, 7, 'theory', '{}', '{}', '${T}', 't')`).run();
    db.prepare(`INSERT INTO papers (id, bank_id, run_id, kind, set_label, minutes, total_points, stats, created_at, created_by) VALUES (1, 7, 1, 'theory', '甲', 120, 100, '{}', '${T}', 't')`).run();
    const addItem = db.prepare(`INSERT INTO paper_items (paper_id, position, section, item_id, version, points) VALUES (1, ?, 'trueFalse', 1, ?, 1)`);
    expect(() => addItem.run(1, 2)).toThrow(/FOREIGN KEY/);
    addItem.run(1, 1);
    expect(() => db.prepare('UPDATE paper_items SET points = 2').run()).toThrow('试卷的试题一经组成不可修改');
    expect(() => db.prepare('DELETE FROM paper_items').run()).toThrow('试卷的试题不可删除');
    db.prepare(`UPDATE papers SET status = '已审定', approved_at = '${T}', approved_by = 'r' WHERE id = 1`).run();
    expect(() => db.prepare(`UPDATE papers SET minutes = 90 WHERE id = 1`).run()).toThrow('试卷已审定或已作废，不可修改');
    expect(() => db.prepare(`UPDATE papers SET status = '草稿' WHERE id = 1`).run()).toThrow('试卷已审定或已作废，不可修改');
    expect(() => db.prepare('DELETE FROM papers').run()).toThrow('试卷不可删除，只能作废');
    db.prepare(`UPDATE papers SET status = '已作废', voided_at = '${T}', voided_by = 'r' WHERE id = 1`).run();
    expect(() => db.prepare(`UPDATE papers SET note = 'x' WHERE id = 1`).run()).toThrow('试卷已审定或已作废，不可修改');
    expect(() => db.prepare(`INSERT INTO item_statistics (item_id, p, sample_size, updated_at, updated_by) VALUES (1, 1.5, 10, '${T}', 't')`).run()).toThrow(/CHECK/);
  });

  it('0130 adds the submission notes, one JSON body per bank', () => {
    const db = at(120);
    db.prepare(
      `INSERT INTO banks (id, name, occupation_code, occupation_name, level, secrecy, created_at, created_by, updated_at)
       VALUES (7, 'b', '3-01-02-07', '制图员', 4, '{}', '${T}', 't', '${T}')`,
    ).run();
    migrate(db);
    const put = db.prepare(`INSERT INTO submission_notes (bank_id, body, updated_at, updated_by) VALUES (?, ?, '${T}', 't')`);
    put.run(7, '{"institution":"x"}');
    expect(() => put.run(8, '{}')).toThrow(/FOREIGN KEY/);
    expect(() => put.run(7, '{}')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare(`UPDATE submission_notes SET body = 'not json'`).run()).toThrow(/CHECK/);
  });

  describe('0140 三员分立', () => {
    const accounts = (db: WritableDB, held: Record<string, readonly string[]>) => {
      const account = db.prepare(`INSERT INTO accounts (username, display_name, password_hash, password_changed_at, created_at, created_by) VALUES (?, ?, 'h', '${T}', '${T}', 't')`);
      const grant = db.prepare(`INSERT INTO account_roles (account_id, role, granted_at, granted_by) VALUES (?, ?, '${T}', 't')`);
      for (const [username, roles] of Object.entries(held)) {
        const id = Number(account.run(username, username).lastInsertRowid);
        for (const role of roles) grant.run(id, role);
      }
    };

    it('replaces the 0060 trigger by one that keeps every pair of the 三员 and their content roles apart, keeping the accounts', () => {
      const db = at(130);
      accounts(db, { sys: ['sysadmin'], sec: ['secadmin'], aud: ['auditor'], writer: ['author', 'reviewer'] });
      migrate(db, MIGRATIONS.filter((m) => m.version <= 140));
      expect(schemaVersion(db)).toBe(140);
      expect(db.prepare('SELECT count(*) FROM account_roles').pluck().get()).toBe(5);
      const grant = db.prepare(`INSERT INTO account_roles (account_id, role, granted_at, granted_by) SELECT id, ?, '${T}', 't' FROM accounts WHERE username = ?`);
      expect(() => grant.run('secadmin', 'sys')).toThrow('三员分立');
      expect(() => grant.run('manager', 'sec')).toThrow('三员分立');
      expect(() => grant.run('auditor', 'writer')).toThrow('三员分立');
      grant.run('manager', 'writer');
      expect(() => db.prepare("UPDATE account_roles SET role = 'sysadmin' WHERE role = 'manager'").run()).toThrow('三员分立');
      expect(db.prepare("SELECT count(*) FROM sqlite_temp_master WHERE name LIKE 'role_separation%'").pluck().get()).toBe(0);
    });

    it('refuses to upgrade a database that already combines roles, names the accounts and leaves it at 0130 untouched', () => {
      const db = at(130);
      // Allowed by 0060: two of the 三员 on one account, and an administrator with a content role.
      accounts(db, { sys: ['sysadmin', 'secadmin'], sec: ['secadmin'], aud: ['auditor'], boss: ['secadmin', 'manager'], writer: ['author'] });
      expect(() => migrate(db)).toThrow(MigrationError);
      let message = '';
      try {
        migrate(db);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toContain('结构版本 140 失败，已回滚');
      expect(message).toContain('boss（安全保密管理员、题库管理员）；sys（系统管理员、安全保密管理员）');
      expect(message).toContain('请先用原版本程序由安全保密管理员收回多余的角色');
      expect(message).not.toMatch(/\b(aud|writer)\b/);
      expect(schemaVersion(db)).toBe(130);
      expect(db.prepare('SELECT count(*) FROM account_roles').pluck().get()).toBe(7);
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'account_roles_separation'").pluck().get()).toContain("NEW.role = 'auditor'");
      // Once the surplus roles are revoked, the same file upgrades.
      db.prepare("DELETE FROM account_roles WHERE role = 'secadmin' AND account_id IN (SELECT id FROM accounts WHERE username = 'sys')").run();
      db.prepare("DELETE FROM account_roles WHERE role = 'manager'").run();
      expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    });
  });

  it('roll back a failing migration entirely and leave the version where it was', () => {
    const db = at(LATEST_SCHEMA_VERSION);
    const broken = [...MIGRATIONS, { version: 990, name: 'broken', sql: 'CREATE TABLE half_done (a); SELECT no_such_function();' }];
    expect(() => migrate(db, broken)).toThrow(MigrationError);
    expect(() => migrate(db, broken)).toThrow(/结构版本 990 失败，已回滚/);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
  });

  it('0160 stores each log row as its canonical text and keeps every hash of an upgraded log valid', async () => {
    const db = at(150);
    const details = ['', '口令错误（第 1 次，上限 5 次）', 'Error: "quoted" \\ back\nline\ttab\u0001', '\u2028 😀 机密★启用前'];
    const insert = db.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    let prev = GENESIS_HASH;
    details.forEach((detail, i) => {
      const row = { seq: i + 1, at: T, actor: i === 1 ? 'typed "name"' : 'sysadmin', actorId: i === 1 ? null : 1, action: 'session.login', register: '登录' as const, objects: [`account:${i}`], result: 'ok' as const, detail };
      const hash = chainHash(prev, canonicalAuditRow(row));
      insert.run(row.seq, row.at, row.actor, row.actorId, row.action, row.register, JSON.stringify(row.objects), row.result, row.detail, prev, hash);
      prev = hash;
    });
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 4 });
    const rows = [...iterateAuditRows(db)];
    expect(rows.map((r) => r.detail)).toEqual(details);
    expect(rows[1]).toMatchObject({ actor: 'typed "name"', actorId: null, objects: ['account:1'], register: '登录', result: 'ok' });
    expect(() => db.prepare("UPDATE audit_log SET canonical = json_set(canonical, '$[8]', 'x') WHERE seq = 1").run()).toThrow('审计日志只能追加，不能修改');
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 4').run()).toThrow('审计日志只能追加，不能删除');
    expect(() => db.prepare("INSERT INTO audit_log (seq, canonical, hash) VALUES (5, '[5]', ?)").run(prev)).toThrow();
  });

  it('0190 keeps a signed review round, its scans, signatures and submissions as recorded', () => {
    const db = at(190);
    db.prepare(`INSERT INTO banks (id, name, occupation_code, occupation_name, level, secrecy, created_at, created_by, updated_at) VALUES (1, 'b', '3-01-02-07', '制图员', 4, '{}', '${T}', 't', '${T}')`).run();
    db.prepare(`INSERT INTO review_rounds (id, bank_id, round, starts_on, ends_on, created_at, created_by) VALUES (1, 1, 1, '2026-11-20', '2026-11-30', '${T}', 't')`).run();
    expect(() => db.prepare(`INSERT INTO review_rounds (bank_id, round, starts_on, ends_on, created_at, created_by) VALUES (1, 1, '2026-11-20', '2026-11-30', '${T}', 't')`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO review_rounds (bank_id, round, starts_on, ends_on, created_at, created_by) VALUES (1, 2, '2026-11-30', '2026-11-20', '${T}', 't')`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE review_rounds SET conclusion = '通过', signed_at = '${T}' WHERE id = 1`).run();
    expect(() => db.prepare(`UPDATE review_rounds SET conclusion = '不通过' WHERE id = 1`).run()).toThrow('审核轮次已全部签署，不能再修改');
    expect(() => db.prepare('DELETE FROM review_rounds WHERE id = 1').run()).toThrow('审核记录不能删除');
    db.prepare(`INSERT INTO review_scans (round_id, file_name, format, pages, original, original_sha256, pdf, sha256, attached_at, attached_by) VALUES (1, 's.pdf', 'pdf', 1, x'00', ?, x'00', ?, '${T}', 't')`).run('a'.repeat(64), 'a'.repeat(64));
    expect(() => db.prepare(`UPDATE review_scans SET sha256 = ?`).run('b'.repeat(64))).toThrow('扫描件一经登记不可修改');
    db.prepare(`INSERT INTO certificates (serial, kind, public_key_pem, wrapped_key_pem, wrapped_by, requested_at, certificate_pem) VALUES ('01', 'holder', 'k', 'w', 'x', '${T}', 'PEM')`).run();
    expect(() => db.prepare(`UPDATE certificates SET certificate_pem = 'other' WHERE serial = '01'`).run()).toThrow('证书一经签发不可修改，只能吊销');
    db.prepare(`UPDATE certificates SET revoked_at = '${T}' WHERE serial = '01'`).run();
    expect(() => db.prepare(`UPDATE certificates SET revoked_at = '' WHERE serial = '01'`).run()).toThrow('证书一经签发不可修改，只能吊销');
    db.prepare(`INSERT INTO submissions (id, bank_id, round_id, submitted_on, package_sha256, recorded_at, recorded_by) VALUES (1, 1, 1, '2026-12-01', ?, '${T}', 't')`).run('c'.repeat(64));
    db.prepare(`UPDATE submissions SET result = '退回', result_comments = '改' WHERE id = 1`).run();
    expect(() => db.prepare(`UPDATE submissions SET result = '通过' WHERE id = 1`).run()).toThrow('报送记录只能录入一次审核结果');
    expect(() => db.prepare('DELETE FROM submissions').run()).toThrow('报送记录不能删除');
  });
});
