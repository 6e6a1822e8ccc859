/**
 * A workstation for the disc GUI tests, made through the same DesktopHost the page talks to: the
 * review seed (seed-review.ts) carried to the end — the last expert judges and concludes, the leader
 * finalizes, the manager attaches the scan and generates the submission into `folder`, all five sign —
 * then signing certificates for the manager and the 系统管理员 (packages are signed by whoever exports),
 * and the upload station's certificate imported by the 安全保密管理员; its key as a PKCS#12 file.
 */
import { PDFDocument } from 'pdf-lib';
import { createPkcs12, createRecipientCertificate } from '../../crypto/pkcs12.js';
import { DesktopHost } from '../../app/services/desktop/host.js';
import { MANAGER, PASSPHRASE } from './seed.js';
import { as, EXPERTS, GUI_EXPERT, LEADER, seedReview } from './seed-review.js';

export const STATION = '测试评价中心上传站';

export interface DiscSeed {
  readonly dbFile: string;
  readonly bankId: number;
  /** The signed submission folder (export overwrites and removes it). */
  readonly folder: string;
  readonly recipientId: number;
  /** The upload station's key file and its password. */
  readonly p12: Buffer;
  readonly p12Password: string;
}

interface Workspace {
  items: { itemId: number; version: number }[];
}

async function blankPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  return doc.save({ useObjectStreams: false });
}

export async function seedDiscs(dbFile: string, folder: string): Promise<DiscSeed> {
  const { bankId, roundId } = await seedReview(dbFile);
  const host = new DesktopHost({ dbFile, anchorDir: null });
  try {
    host.open({ secret: { kind: 'passphrase', passphrase: PASSPHRASE } });
    await as(host, GUI_EXPERT, async () => {
      const work = (await host.call('review.workspace', { bankId })) as Workspace;
      await host.call('review.verdicts', { bankId, roundId, verdicts: work.items.map((i) => ({ itemId: i.itemId, version: i.version, verdict: '通过' })) });
      await host.call('review.conclude', { bankId, roundId, conclusion: '通过', opinion: '试题科学规范，同意报送。' });
    });
    await as(host, LEADER, () => host.call('review.finalize', { bankId, roundId, conclusion: '通过', opinion: '试题科学规范，符合要求，同意报送。' }));
    await as(host, MANAGER, async () => {
      await host.call('review.scan.attach', { bankId, roundId, fileName: '审核意见.pdf', bytes: await blankPdf() });
      await host.call('documents.generate', { bankId, outDir: folder });
      await host.call('certs.request', {});
    });
    for (const u of EXPERTS) await as(host, u, () => host.call('review.sign', { bankId, roundId }));
    await as(host, 'sysadmin', () => host.call('certs.request', {}));
    const { certificatePem, privateKey } = createRecipientCertificate({ subject: { commonName: STATION, organization: '测试评价中心' }, notBefore: new Date(Date.now() - 86_400_000) });
    const p12Password = 'p12-口令-1';
    const p12 = createPkcs12({ privateKey, certificatePem, password: p12Password, friendlyName: STATION });
    const recipientId = await as(host, 'secadmin', async () => {
      await host.call('certs.issue', { username: MANAGER });
      await host.call('certs.issue', { username: 'sysadmin' });
      const r = (await host.call('package.recipients.import', { name: STATION, purpose: '上传站', certificatePem })) as { id: number };
      return r.id;
    });
    return { dbFile, bankId, folder, recipientId, p12, p12Password };
  } finally {
    host.close();
  }
}
