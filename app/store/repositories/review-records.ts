/**
 * Repository of what a review leaves on paper and in signatures (migration 0190): the ink-signed scans,
 * the members' CMS signatures, the workstation CA's certificates and revocation lists, and the record of
 * submissions to the province.
 */
import type { ReadableDB, WritableDB } from '../database.js';

export interface ScanRecord {
  readonly id: number;
  readonly roundId: number;
  readonly fileName: string;
  readonly format: 'pdf' | 'png' | 'jpeg';
  readonly pages: number;
  readonly originalSha256: string;
  /** SHA-256 of the PDF that goes into the submission. */
  readonly sha256: string;
  readonly bytes: number;
  readonly attachedAt: string;
  readonly attachedBy: string;
}

interface ScanRow {
  id: number;
  round_id: number;
  file_name: string;
  format: 'pdf' | 'png' | 'jpeg';
  pages: number;
  original_sha256: string;
  sha256: string;
  bytes: number;
  attached_at: string;
  attached_by: string;
}

const scanFromRow = (r: ScanRow): ScanRecord => ({
  id: r.id,
  roundId: r.round_id,
  fileName: r.file_name,
  format: r.format,
  pages: r.pages,
  originalSha256: r.original_sha256,
  sha256: r.sha256,
  bytes: r.bytes,
  attachedAt: r.attached_at,
  attachedBy: r.attached_by,
});

const SCAN_COLUMNS = 'id, round_id, file_name, format, pages, original_sha256, sha256, length(pdf) AS bytes, attached_at, attached_by';

export function insertScan(
  db: WritableDB,
  s: { roundId: number; fileName: string; format: ScanRecord['format']; pages: number; original: Uint8Array; originalSha256: string; pdf: Uint8Array; sha256: string },
  by: string,
  at: string,
): ScanRecord {
  const info = db
    .prepare(
      'INSERT INTO review_scans (round_id, file_name, format, pages, original, original_sha256, pdf, sha256, attached_at, attached_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(s.roundId, s.fileName, s.format, s.pages, Buffer.from(s.original), s.originalSha256, Buffer.from(s.pdf), s.sha256, at, by);
  return scanFromRow(db.prepare(`SELECT ${SCAN_COLUMNS} FROM review_scans WHERE id = ?`).get(Number(info.lastInsertRowid)) as ScanRow);
}

/** Every scan of the round, oldest first (the newest counts). */
export function listScans(db: ReadableDB, roundId: number): ScanRecord[] {
  return (db.prepare(`SELECT ${SCAN_COLUMNS} FROM review_scans WHERE round_id = ? ORDER BY id`).all(roundId) as ScanRow[]).map(scanFromRow);
}

export function scanPdf(db: ReadableDB, scanId: number): Buffer | undefined {
  return db.prepare('SELECT pdf FROM review_scans WHERE id = ?').pluck().get(scanId) as Buffer | undefined;
}

export interface SignatureRecord {
  readonly id: number;
  readonly roundId: number;
  readonly personId: number;
  readonly serial: string;
  readonly manifestSha256: string;
  readonly cms: Buffer;
  readonly signedAt: string;
}

export function insertSignature(db: WritableDB, s: Omit<SignatureRecord, 'id'>): void {
  db.prepare('INSERT INTO review_signatures (round_id, person_id, serial, manifest_sha256, cms, signed_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    s.roundId,
    s.personId,
    s.serial,
    s.manifestSha256,
    s.cms,
    s.signedAt,
  );
}

export function listSignatures(db: ReadableDB, roundId: number, manifestSha256?: string): SignatureRecord[] {
  const rows = (
    manifestSha256 === undefined
      ? db.prepare('SELECT * FROM review_signatures WHERE round_id = ? ORDER BY id').all(roundId)
      : db.prepare('SELECT * FROM review_signatures WHERE round_id = ? AND manifest_sha256 = ? ORDER BY id').all(roundId, manifestSha256)
  ) as { id: number; round_id: number; person_id: number; serial: string; manifest_sha256: string; cms: Buffer; signed_at: string }[];
  return rows.map((r) => ({ id: r.id, roundId: r.round_id, personId: r.person_id, serial: r.serial, manifestSha256: r.manifest_sha256, cms: r.cms, signedAt: r.signed_at }));
}

export interface CertificateRecord {
  readonly serial: string;
  readonly kind: 'ca' | 'holder';
  readonly accountId: number | null;
  /** '' while requested and not yet issued. */
  readonly certificatePem: string;
  readonly publicKeyPem: string;
  readonly wrappedKeyPem: string;
  /** key_id of the account key whose derived key wraps the private key. */
  readonly wrappedBy: string;
  readonly fingerprint: string;
  readonly requestedAt: string;
  readonly issuedAt: string;
  readonly issuedBy: string;
  readonly notAfter: string;
  readonly revokedAt: string;
  readonly revokedBy: string;
  readonly revokeReason: string;
}

interface CertRow {
  serial: string;
  kind: 'ca' | 'holder';
  account_id: number | null;
  certificate_pem: string;
  public_key_pem: string;
  wrapped_key_pem: string;
  wrapped_by: string;
  fingerprint: string;
  requested_at: string;
  issued_at: string;
  issued_by: string;
  not_after: string;
  revoked_at: string;
  revoked_by: string;
  revoke_reason: string;
}

const certFromRow = (r: CertRow): CertificateRecord => ({
  serial: r.serial,
  kind: r.kind,
  accountId: r.account_id,
  certificatePem: r.certificate_pem,
  publicKeyPem: r.public_key_pem,
  wrappedKeyPem: r.wrapped_key_pem,
  wrappedBy: r.wrapped_by,
  fingerprint: r.fingerprint,
  requestedAt: r.requested_at,
  issuedAt: r.issued_at,
  issuedBy: r.issued_by,
  notAfter: r.not_after,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
  revokeReason: r.revoke_reason,
});

export function insertCertificate(db: WritableDB, c: Pick<CertificateRecord, 'serial' | 'kind' | 'accountId' | 'publicKeyPem' | 'wrappedKeyPem' | 'wrappedBy' | 'requestedAt'>): void {
  db.prepare('INSERT INTO certificates (serial, kind, account_id, public_key_pem, wrapped_key_pem, wrapped_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    c.serial,
    c.kind,
    c.accountId,
    c.publicKeyPem,
    c.wrappedKeyPem,
    c.wrappedBy,
    c.requestedAt,
  );
}

export function setIssued(db: WritableDB, serial: string, c: { certificatePem: string; fingerprint: string; notAfter: string }, by: string, at: string): void {
  db.prepare('UPDATE certificates SET certificate_pem = ?, fingerprint = ?, not_after = ?, issued_at = ?, issued_by = ? WHERE serial = ?').run(
    c.certificatePem,
    c.fingerprint,
    c.notAfter,
    at,
    by,
    serial,
  );
}

export function setRevoked(db: WritableDB, serial: string, reason: string, by: string, at: string): void {
  db.prepare(`UPDATE certificates SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE serial = ? AND revoked_at = ''`).run(at, by, reason, serial);
}

export function listCertificates(db: ReadableDB): CertificateRecord[] {
  return (db.prepare('SELECT * FROM certificates ORDER BY requested_at, serial').all() as CertRow[]).map(certFromRow);
}

export function getCertificate(db: ReadableDB, serial: string): CertificateRecord | undefined {
  const r = db.prepare('SELECT * FROM certificates WHERE serial = ?').get(serial) as CertRow | undefined;
  return r ? certFromRow(r) : undefined;
}

/** The CA in use: the newest CA certificate not revoked. */
export function activeCa(db: ReadableDB): CertificateRecord | undefined {
  const r = db.prepare(`SELECT * FROM certificates WHERE kind = 'ca' AND revoked_at = '' ORDER BY rowid DESC LIMIT 1`).get() as CertRow | undefined;
  return r ? certFromRow(r) : undefined;
}

export function insertCrl(db: WritableDB, pem: string, by: string, at: string): number {
  const number = nextCrlNumber(db);
  db.prepare('INSERT INTO crls (number, pem, at, by) VALUES (?, ?, ?, ?)').run(number, pem, at, by);
  return number;
}

export function nextCrlNumber(db: ReadableDB): number {
  return (db.prepare('SELECT COALESCE(MAX(number), 0) + 1 FROM crls').pluck().get() as number) || 1;
}

export function latestCrl(db: ReadableDB): { number: number; pem: string; at: string } | undefined {
  return db.prepare('SELECT number, pem, at FROM crls ORDER BY number DESC LIMIT 1').get() as { number: number; pem: string; at: string } | undefined;
}

export interface SubmissionRecord {
  readonly id: number;
  readonly bankId: number;
  readonly roundId: number | null;
  readonly submittedOn: string;
  readonly packageSha256: string;
  readonly note: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly result: '' | '通过' | '退回';
  readonly resultOn: string;
  readonly resultComments: string;
  readonly resultBy: string;
}

export function insertSubmission(db: WritableDB, s: Pick<SubmissionRecord, 'bankId' | 'roundId' | 'submittedOn' | 'packageSha256' | 'note'>, by: string, at: string): number {
  const info = db
    .prepare('INSERT INTO submissions (bank_id, round_id, submitted_on, package_sha256, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(s.bankId, s.roundId, s.submittedOn, s.packageSha256, s.note, at, by);
  return Number(info.lastInsertRowid);
}

export function setSubmissionResult(db: WritableDB, id: number, r: { result: '通过' | '退回'; resultOn: string; comments: string }, by: string): number {
  return db.prepare(`UPDATE submissions SET result = ?, result_on = ?, result_comments = ?, result_by = ? WHERE id = ? AND result = ''`).run(r.result, r.resultOn, r.comments, by, id).changes;
}

export function listSubmissions(db: ReadableDB, bankId: number): SubmissionRecord[] {
  const rows = db.prepare('SELECT * FROM submissions WHERE bank_id = ? ORDER BY submitted_on, id').all(bankId) as {
    id: number;
    bank_id: number;
    round_id: number | null;
    submitted_on: string;
    package_sha256: string;
    note: string;
    recorded_at: string;
    recorded_by: string;
    result: '' | '通过' | '退回';
    result_on: string;
    result_comments: string;
    result_by: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    bankId: r.bank_id,
    roundId: r.round_id,
    submittedOn: r.submitted_on,
    packageSha256: r.package_sha256,
    note: r.note,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    result: r.result,
    resultOn: r.result_on,
    resultComments: r.result_comments,
    resultBy: r.result_by,
  }));
}
