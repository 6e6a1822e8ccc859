/**
 * What the disc tests start from: a bank whose submission the five-expert panel has signed (everything
 * 通过, the scan attached, the folder written and signed), the exporting manager's certificate, and a
 * recipient (the upload station) whose key is a PKCS#12 file.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { createPkcs12, createRecipientCertificate } from '../../../crypto/pkcs12.js';
import type { ServiceContext } from '../../../app/services/context.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import type { TestWorkstation } from '../../helpers/workstation.js';
import { bankWithPanel, certify } from '../review/review-helpers.js';

export interface SignedSubmission {
  readonly boss: ServiceContext;
  readonly sec: ServiceContext;
  readonly bankId: number;
  readonly folder: string;
  /** path → SHA-256 of every file of the signed folder, before export. */
  readonly hashes: Map<string, string>;
}

async function blankPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  return doc.save({ useObjectStreams: false });
}

export function folderHashes(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) visit(abs);
      else out.set(relative(root, abs).split(sep).join('/'), createHash('sha256').update(readFileSync(abs)).digest('hex'));
    }
  };
  visit(root);
  return out;
}

export async function signedSubmission(ws: TestWorkstation): Promise<SignedSubmission> {
  const r = await bankWithPanel(ws);
  const { bankId, roundId, boss } = r;
  const leader = r.experts.get('fangfa')!;
  const work = await invoke(leader, handlers['review.workspace'], { bankId, roundId });
  for (const ctx of r.experts.values()) {
    await invoke(ctx, handlers['review.verdicts'], { bankId, roundId, verdicts: work.items.map((i) => ({ itemId: i.itemId, version: i.version, verdict: '通过' })) });
    await invoke(ctx, handlers['review.conclude'], { bankId, roundId, conclusion: '通过', opinion: '' });
  }
  await invoke(leader, handlers['review.finalize'], { bankId, roundId, conclusion: '通过', opinion: '试题科学规范，同意报送。' });
  await invoke(boss, handlers['review.scan.attach'], { bankId, roundId, fileName: '审核意见.pdf', bytes: await blankPdf() });
  await invoke(boss, handlers['documents.notes.set'], { bankId, notes: { institution: '测试评价中心', definition: '从事测试的人员', process: '两轮审核', standardYear: '2019' } });
  const folder = join(ws.dir, 'submission');
  await invoke(boss, handlers['documents.generate'], { bankId, outDir: folder, strict: true });
  await certify(ws, r);
  for (const ctx of r.experts.values()) await invoke(ctx, handlers['review.sign'], { bankId, roundId });
  const sec = ws.as('sec', ['secadmin']);
  await invoke(boss, handlers['certs.request'], {});
  await invoke(sec, handlers['certs.issue'], { username: boss.actor.username });
  return { boss, sec, bankId, folder, hashes: folderHashes(folder) };
}

export interface Recipient {
  readonly certificatePem: string;
  readonly p12: Buffer;
  readonly password: string;
  readonly keyPem: string;
}

export function uploadStation(name = '测试评价中心上传站'): Recipient {
  const { certificatePem, privateKey } = createRecipientCertificate({ subject: { commonName: name, organization: '测试评价中心' }, notBefore: new Date('2026-01-01T00:00:00Z') });
  const password = 'p12-口令-1';
  return {
    certificatePem,
    p12: createPkcs12({ privateKey, certificatePem, password, friendlyName: name }),
    password,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}
