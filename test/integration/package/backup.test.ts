/**
 * Backup and restore: an encrypted backup image of a workstation restores into a fresh one whose
 * bank and audit chain match; a backup older than this machine's anchor is refused, then restored
 * when a 系统管理员 confirms (logged, the previous database kept); the wrong secret or a damaged image
 * restore nothing.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../app/services/context.js';
import { invoke } from '../../../app/services/handler.js';
import { restoreWorkstation } from '../../../app/services/package/restore.js';
import { handlers } from '../../../app/services/registry.js';
import { verifyAuditChain } from '../../../app/services/audit/verify.js';
import { logout } from '../../../app/services/session/handlers.js';
import { closeWorkstation, openWorkstation } from '../../../app/services/workstation/handlers.js';
import { readIsoDirectory } from '../../../media/iso/reader.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { useTempDir } from '../../helpers/tmp.js';
import { TEST_PASSWORD, useWorkstation } from '../../helpers/workstation.js';

const count = (db: ReturnType<typeof openWorkstation>, sql: string) => db.prepare(sql).pluck().get() as number;

describe('backup and restore', () => {
  const workstation = useWorkstation();
  const tempDir = useTempDir();

  it('restores a fresh workstation, refuses an older backup unless a 系统管理员 confirms, and keeps what was there', { timeout: 180_000 }, async () => {
    const ws = workstation();
    const { bankId } = await sampleBank(ws);
    const sec = ws.as('sec', ['secadmin']);
    const admin = ws.as('admin', ['sysadmin']);
    await invoke(sec, handlers['certs.ca.create'], {});
    await invoke(admin, handlers['certs.request'], {});
    await invoke(sec, handlers['certs.issue'], { username: 'admin' });
    const discs = join(ws.dir, 'discs');
    mkdirSync(discs);
    const backup = await invoke(admin, handlers['backup.create'], { target: { dir: discs } });
    expect(backup.verified).toBe(true);
    expect(readIsoDirectory(backup.image).entries.map((e) => e.path)).toContain('PACKAGE.json');
    expect(readdirSync(discs).filter((n) => n.startsWith('.'))).toEqual([]);
    const items = count(ws.db, 'SELECT COUNT(*) FROM item_versions');

    // a fresh machine: the same secret, no anchor yet
    const fresh = tempDir();
    const anchors = join(fresh, 'anchors');
    const restored = await restoreWorkstation({ source: backup.image, dbFile: join(fresh, 'qbank.db'), secret: ws.secret, anchorDir: anchors });
    expect(restored.older).toBe(false);
    const db = openWorkstation(join(fresh, 'qbank.db'), ws.secret);
    try {
      expect(count(db, 'SELECT COUNT(*) FROM item_versions')).toBe(items);
      expect(count(db, `SELECT COUNT(*) FROM banks WHERE id = ${bankId}`)).toBe(1);
      const chain = await verifyAuditChain(db, { anchorDir: anchors });
      expect(chain.problems).toEqual([]);
      expect(db.prepare(`SELECT detail FROM audit_log WHERE action = 'workstation.restore'`).pluck().get()).toMatch(/从备份光盘恢复/);
    } finally {
      closeWorkstation(db);
    }

    // the same machine moves on (a signed checkpoint moves its anchor); the backup is now older
    const wsAnchors = join(fresh, 'ws-anchors');
    const later = createContext(ws.db, { actor: admin.actor, now: ws.now, secret: ws.secret, signer: admin.signer, anchorDir: wsAnchors, session: null });
    await invoke(later, handlers['banks.list'], {});
    logout({ ...later, session: { id: 's', accountId: admin.actor.id!, startedAt: 0, lastActivityAt: 0, restricted: null, ended: false } });
    const dbFile = join(ws.dir, 'qbank.db');
    const copy = join(fresh, 'live.db');
    copyFileSync(dbFile, copy);
    await expect(restoreWorkstation({ source: backup.image, dbFile: copy, secret: ws.secret, anchorDir: wsAnchors })).rejects.toThrow(/早于本机保存的最新审计锚点/);
    expect(readdirSync(fresh).filter((n) => n.includes('restoring'))).toEqual([]);
    // a 系统管理员 of the backup confirms: restored, logged by them, the newer database kept aside
    const ok = await restoreWorkstation({ source: backup.image, dbFile: copy, secret: ws.secret, anchorDir: wsAnchors, confirmOlder: { username: 'admin', password: TEST_PASSWORD } });
    expect(ok.older).toBe(true);
    expect(ok.confirmedBy).toBe('admin');
    expect(ok.previousKeptAs && existsSync(ok.previousKeptAs)).toBe(true);
    const back = openWorkstation(copy, ws.secret);
    try {
      expect(back.prepare(`SELECT actor FROM audit_log WHERE action = 'workstation.restore'`).pluck().get()).toBe('admin');
      expect((await verifyAuditChain(back, { anchorDir: wsAnchors })).ok).toBe(true);
    } finally {
      closeWorkstation(back);
    }
    // someone without the role cannot confirm
    await expect(
      restoreWorkstation({ source: backup.image, dbFile: join(fresh, 'x', 'qbank.db'), secret: ws.secret, anchorDir: wsAnchors, confirmOlder: { username: 'sec', password: TEST_PASSWORD } }),
    ).rejects.toThrow();

    // the wrong secret, a damaged image: nothing restored
    await expect(restoreWorkstation({ source: backup.image, dbFile: join(fresh, 'y.db'), secret: { kind: 'keyFile', bytes: randomBytes(32) }, anchorDir: null })).rejects.toThrow(/无法解开内容密钥/);
    const damaged = join(fresh, 'damaged.iso');
    const b = readFileSync(backup.image);
    const dbEntry = readIsoDirectory(backup.image).entries.find((e) => e.path === 'data/000000.qbe')!;
    b[dbEntry.offset + 5000] = (b[dbEntry.offset + 5000] ?? 0) ^ 0xff;
    writeFileSync(damaged, b);
    await expect(restoreWorkstation({ source: damaged, dbFile: join(fresh, 'z.db'), secret: ws.secret, anchorDir: null })).rejects.toThrow(/data\/000000\.qbe/);
    expect(existsSync(join(fresh, 'y.db')) || existsSync(join(fresh, 'z.db'))).toBe(false);
  });
});
