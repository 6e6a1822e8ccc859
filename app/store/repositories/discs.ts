/**
 * Repository of discs (migration 0200): the certificates packages are encrypted for, and the 存档
 * record of every package written.
 */
import type { ReadableDB, WritableDB } from '../database.js';

export type RecipientPurpose = '上传站' | '省级' | '存档' | '其他';

export interface RecipientRecord {
  readonly id: number;
  readonly name: string;
  readonly purpose: RecipientPurpose;
  readonly certificatePem: string;
  readonly fingerprint: string;
  readonly subject: string;
  readonly notAfter: string;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly retiredAt: string;
}

interface RecipientRow {
  id: number;
  name: string;
  purpose: RecipientPurpose;
  certificate_pem: string;
  fingerprint: string;
  subject: string;
  not_after: string;
  imported_at: string;
  imported_by: string;
  retired_at: string;
}

const recipientFromRow = (r: RecipientRow): RecipientRecord => ({
  id: r.id,
  name: r.name,
  purpose: r.purpose,
  certificatePem: r.certificate_pem,
  fingerprint: r.fingerprint,
  subject: r.subject,
  notAfter: r.not_after,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
  retiredAt: r.retired_at,
});

export function insertRecipient(db: WritableDB, r: Omit<RecipientRecord, 'id' | 'retiredAt'>): number {
  const info = db
    .prepare(
      `INSERT INTO package_recipients (name, purpose, certificate_pem, fingerprint, subject, not_after, imported_at, imported_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(r.name, r.purpose, r.certificatePem, r.fingerprint, r.subject, r.notAfter, r.importedAt, r.importedBy);
  return Number(info.lastInsertRowid);
}

export function listRecipients(db: ReadableDB): RecipientRecord[] {
  return (db.prepare('SELECT * FROM package_recipients ORDER BY id').all() as RecipientRow[]).map(recipientFromRow);
}

export function getRecipient(db: ReadableDB, id: number): RecipientRecord | undefined {
  const r = db.prepare('SELECT * FROM package_recipients WHERE id = ?').get(id) as RecipientRow | undefined;
  return r ? recipientFromRow(r) : undefined;
}

export function recipientByFingerprint(db: ReadableDB, fingerprint: string): RecipientRecord | undefined {
  const r = db.prepare('SELECT * FROM package_recipients WHERE fingerprint = ?').get(fingerprint) as RecipientRow | undefined;
  return r ? recipientFromRow(r) : undefined;
}

export function retireRecipient(db: WritableDB, id: number, by: string, at: string): void {
  db.prepare(`UPDATE package_recipients SET retired_at = ?, retired_by = ? WHERE id = ? AND retired_at = ''`).run(at, by, id);
}

export type DiscKind = 'submission' | 'backup' | 'transfer';

export interface DiscExportRecord {
  readonly id: number;
  readonly kind: DiscKind;
  readonly packageId: string;
  readonly bankId: number | null;
  readonly label: string;
  readonly imageName: string;
  readonly imageSha256: string;
  readonly imageBytes: number;
  readonly recipients: readonly string[];
  readonly target: string;
  readonly verified: boolean;
  readonly anchor: string;
  readonly at: string;
  readonly by: string;
}

interface DiscExportRow {
  id: number;
  kind: DiscKind;
  package_id: string;
  bank_id: number | null;
  label: string;
  image_name: string;
  image_sha256: string;
  image_bytes: number;
  recipients: string;
  target: string;
  verified: number;
  anchor: string;
  at: string;
  by: string;
}

const exportFromRow = (r: DiscExportRow): DiscExportRecord => ({
  id: r.id,
  kind: r.kind,
  packageId: r.package_id,
  bankId: r.bank_id,
  label: r.label,
  imageName: r.image_name,
  imageSha256: r.image_sha256,
  imageBytes: r.image_bytes,
  recipients: JSON.parse(r.recipients) as string[],
  target: r.target,
  verified: r.verified === 1,
  anchor: r.anchor,
  at: r.at,
  by: r.by,
});

export function insertDiscExport(db: WritableDB, e: Omit<DiscExportRecord, 'id'>): number {
  const info = db
    .prepare(
      `INSERT INTO disc_exports (kind, package_id, bank_id, label, image_name, image_sha256, image_bytes, recipients, target, verified, anchor, at, by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.kind, e.packageId, e.bankId, e.label, e.imageName, e.imageSha256, e.imageBytes, JSON.stringify(e.recipients), e.target, e.verified ? 1 : 0, e.anchor, e.at, e.by);
  return Number(info.lastInsertRowid);
}

export function listDiscExports(db: ReadableDB): DiscExportRecord[] {
  return (db.prepare('SELECT * FROM disc_exports ORDER BY id DESC').all() as DiscExportRow[]).map(exportFromRow);
}

export function getDiscExport(db: ReadableDB, id: number): DiscExportRecord | undefined {
  const r = db.prepare('SELECT * FROM disc_exports WHERE id = ?').get(id) as DiscExportRow | undefined;
  return r ? exportFromRow(r) : undefined;
}
