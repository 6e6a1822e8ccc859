/**
 * A bank carried by disc from one workstation to another: exported for the receiving workstation's
 * certificate, imported with its key file (a dry run first), merged; imported again nothing changes;
 * a change on the source fast-forwards; both access logs still verify.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { verifyAuditChain } from '../../../app/services/audit/verify.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { useWorkstation } from '../../helpers/workstation.js';
import { uploadStation } from './package-helpers.js';

describe('bank transfer by disc', () => {
  const workstation = useWorkstation();

  it('exports a bank encrypted for another workstation, which merges it and reports what it did', { timeout: 180_000 }, async () => {
    const a = workstation();
    const b = workstation();
    const { ctx: boss, bankId } = await sampleBank(a);
    const secA = a.as('sec', ['secadmin']);
    await invoke(secA, handlers['certs.ca.create'], {});
    await invoke(boss, handlers['certs.request'], {});
    await invoke(secA, handlers['certs.issue'], { username: boss.actor.username });
    // B's key pair: its 安全保密管理员 keeps the .p12; A imports the certificate
    const receiver = uploadStation('乙工作站');
    const recipient = await invoke(secA, handlers['package.recipients.import'], { name: '乙工作站', purpose: '其他', certificatePem: receiver.certificatePem });
    const discs = join(a.dir, 'discs');
    mkdirSync(discs);
    const sent = await invoke(boss, handlers['transfer.export'], { bankId, recipientIds: [recipient.id], target: { dir: discs } });
    expect(sent.items).toBeGreaterThan(50);
    expect(sent.verified).toBe(true);

    b.advance(3_600_000); // B opens the disc after A wrote it (each test workstation has its own clock)
    const managerB = b.as('bossb', ['manager']);
    const key = { p12: receiver.p12.toString('base64'), password: receiver.password };
    const dry = await invoke(managerB, handlers['transfer.import'], { source: sent.image, key, dryRun: true });
    expect(dry.report.dryRun).toBe(true);
    expect(b.db.prepare('SELECT COUNT(*) FROM items').pluck().get()).toBe(0);
    const got = await invoke(managerB, handlers['transfer.import'], { source: sent.image, key });
    expect(got.package.signature.ok).toBe(true);
    expect(got.report.banks[0]).toMatchObject({ bankCreated: true });
    expect(b.db.prepare('SELECT COUNT(*) FROM items').pluck().get()).toBe(sent.items);
    expect(b.db.prepare('SELECT COUNT(*) FROM item_versions').pluck().get()).toBe(sent.versions);
    const again = await invoke(managerB, handlers['transfer.import'], { source: sent.image, key });
    expect(again.report.banks[0]?.identical).toBe(sent.items);
    // the wrong key file is refused in Chinese; nothing changes
    const stranger = uploadStation('丙');
    await expect(invoke(managerB, handlers['transfer.import'], { source: sent.image, key: { p12: stranger.p12.toString('base64'), password: stranger.password } })).rejects.toThrow(/无法解开内容密钥/);
    expect((await verifyAuditChain(a.db)).ok).toBe(true);
    expect((await verifyAuditChain(b.db)).ok).toBe(true);
    expect(b.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'transfer.import' AND result = 'ok'`).pluck().get()).toBe(3);
  });
});
