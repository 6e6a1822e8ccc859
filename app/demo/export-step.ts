/**
 * The demo's discs (issue [G]): the 安全保密管理员 imports the upload station's certificate and issues the
 * 题库管理员 and the 系统管理员 their certificates; the 题库管理员 exports the signed submission as an
 * encrypted, signed ISO image (the plaintext folder is then overwritten and removed); the upload station
 * — no workstation, only its .p12 — verifies the image and opens it into the submission folder again,
 * ready to upload; the 系统管理员 makes an encrypted backup image, which restores into a fresh
 * workstation whose access log verifies.
 */
import { join, relative } from 'node:path';
import { verifyAuditChain } from '../services/audit/verify.js';
import type { ServiceContext } from '../services/context.js';
import { invoke } from '../services/handler.js';
import { demoRecipient } from '../services/package/demo-recipient.js';
import { recipientKey } from '../services/package/handlers.js';
import { openPackage } from '../services/package/open.js';
import { restoreWorkstation } from '../services/package/restore.js';
import { handlers } from '../services/registry.js';
import { writeOutputFile } from '../services/output/write.js';
import { closeWorkstation, openWorkstation, type WorkstationSecret } from '../services/workstation/handlers.js';
import { demoText } from './messages.js';

type As = <T>(username: string, fn: (ctx: ServiceContext) => Promise<T>) => Promise<T>;

export const DEMO_EXPORT = 'export';
export const DEMO_RESTORED = 'restored';
const STATION_PASSWORD = '上传站-Demo-2026!';

export interface DemoExport {
  readonly iso: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly label: string;
  readonly manifest: string;
  readonly recipient: string;
  readonly recipientKey: string;
  readonly cms: boolean;
  readonly wiped: number;
  readonly opened: boolean;
  readonly openedFolder: string;
  readonly files: number;
  readonly airGap: readonly string[];
  readonly backup: { readonly iso: string; readonly sha256: string; readonly restored: boolean; readonly auditVerified: boolean; readonly auditEntries: number; readonly database: string };
}

export interface ExportStepInput {
  readonly as: As;
  readonly base: ServiceContext;
  readonly bankId: number;
  readonly manager: string;
  readonly outDir: string;
  /** The submission folder: wiped by the export, opened again from the image by the upload station. */
  readonly folder: string;
  readonly secret: WorkstationSecret;
  readonly now: () => Date;
}

export async function runExportStep(x: ExportStepInput): Promise<DemoExport> {
  const exportDir = join(x.outDir, DEMO_EXPORT);
  const rel = (p: string) => relative(x.outDir, p);
  const station = demoRecipient(demoText.stationName, demoText.stationUnit, STATION_PASSWORD, new Date(x.now().getTime() - 86_400_000));
  const p12 = writeOutputFile(x.base, exportDir, demoText.stationKeyFile, station.p12, { classified: false });
  const recipient = await x.as('secadmin', async (ctx) => {
    const r = await invoke(ctx, handlers['package.recipients.import'], { name: demoText.stationName, purpose: '上传站', certificatePem: station.certificatePem });
    for (const username of [x.manager, 'sysadmin']) {
      await x.as(username, (own) => invoke(own, handlers['certs.request'], {}));
      await invoke(ctx, handlers['certs.issue'], { username });
    }
    return r;
  });
  const exported = await x.as(x.manager, (ctx) => invoke(ctx, handlers['package.export'], { bankId: x.bankId, recipientIds: [recipient.id], target: { dir: exportDir } }));
  // the upload station: no database, no login — the image and its key file
  const opened = await openPackage(exported.image, recipientKey({ p12: station.p12.toString('base64'), password: station.password }), { outDir: join(x.outDir, x.folder) });
  const backup = await x.as('sysadmin', (ctx) => invoke(ctx, handlers['backup.create'], { target: { dir: exportDir } }));
  const restoredDir = join(x.outDir, DEMO_RESTORED);
  const restored = await restoreWorkstation({ source: backup.image, dbFile: join(restoredDir, 'qbank.db'), secret: x.secret, anchorDir: join(restoredDir, 'anchors'), now: x.now });
  const db = openWorkstation(restored.dbFile, x.secret);
  let chain;
  try {
    chain = await verifyAuditChain(db, { anchorDir: join(restoredDir, 'anchors') });
  } finally {
    closeWorkstation(db);
  }
  return {
    iso: rel(exported.image),
    sha256: exported.imageSha256,
    bytes: exported.imageBytes,
    label: rel(exported.label),
    manifest: 'PACKAGE.json',
    recipient: recipient.name,
    recipientKey: rel(p12.absolutePath),
    cms: exported.cms,
    wiped: exported.wiped,
    opened: opened.ok,
    openedFolder: x.folder,
    files: opened.files.length,
    airGap: exported.warnings,
    backup: { iso: rel(backup.image), sha256: backup.imageSha256, restored: true, auditVerified: chain.ok, auditEntries: chain.entries, database: rel(restored.dbFile) },
  };
}
