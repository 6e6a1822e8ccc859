/** Repository of per-account audit signing keys (migration 0150). */
import type { ReadableDB, WritableDB } from '../database.js';

export interface AccountKeyRecord {
  readonly keyId: string;
  readonly accountId: number;
  readonly publicKeyPem: string;
  readonly wrappedKeyPem: string;
  readonly createdAt: string;
  /** key_id of the certifying key, or `self`. */
  readonly certifiedBy: string;
  readonly certification: string;
  /** '' while the key is in use. */
  readonly retiredAt: string;
}

interface Row {
  key_id: string;
  account_id: number;
  public_key_pem: string;
  wrapped_key_pem: string;
  created_at: string;
  certified_by: string;
  certification: string;
  retired_at: string;
}

const fromRow = (r: Row): AccountKeyRecord => ({
  keyId: r.key_id,
  accountId: r.account_id,
  publicKeyPem: r.public_key_pem,
  wrappedKeyPem: r.wrapped_key_pem,
  createdAt: r.created_at,
  certifiedBy: r.certified_by,
  certification: r.certification,
  retiredAt: r.retired_at,
});

export function insertAccountKey(db: WritableDB, k: Omit<AccountKeyRecord, 'retiredAt'>): void {
  db.prepare(
    `INSERT INTO account_keys (key_id, account_id, public_key_pem, wrapped_key_pem, created_at, certified_by, certification)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(k.keyId, k.accountId, k.publicKeyPem, k.wrappedKeyPem, k.createdAt, k.certifiedBy, k.certification);
}

/** The key in use for the account (the newest one not retired). */
export function activeAccountKey(db: ReadableDB, accountId: number): AccountKeyRecord | undefined {
  const row = db
    .prepare(`SELECT * FROM account_keys WHERE account_id = ? AND retired_at = '' ORDER BY rowid DESC LIMIT 1`)
    .get(accountId) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

export function listAccountKeys(db: ReadableDB): AccountKeyRecord[] {
  return (db.prepare('SELECT * FROM account_keys ORDER BY rowid').all() as Row[]).map(fromRow);
}

export function rewrapAccountKey(db: WritableDB, keyId: string, wrappedKeyPem: string): void {
  db.prepare('UPDATE account_keys SET wrapped_key_pem = ? WHERE key_id = ?').run(wrappedKeyPem, keyId);
}

/** Retires every key of the account still in use (a password reset makes a new key). */
export function retireAccountKeys(db: WritableDB, accountId: number, at: string): void {
  db.prepare(`UPDATE account_keys SET retired_at = ? WHERE account_id = ? AND retired_at = ''`).run(at, accountId);
}
