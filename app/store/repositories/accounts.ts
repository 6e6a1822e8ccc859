/** Repository of accounts, their roles and password history. */
import type { LockState } from '../../domain/account.js';
import type { Role } from '../../domain/roles.js';
import type { ReadableDB, WritableDB } from '../database.js';

export interface AccountRecord {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly passwordChangedAt: string;
  readonly mustChangePassword: boolean;
  readonly lock: LockState;
  readonly disabled: boolean;
  readonly personId: number | null;
  readonly roles: readonly Role[];
}

interface Row {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  failures: number;
  locked_until: string;
  disabled: number;
  person_id: number | null;
}

function rolesOf(db: ReadableDB, id: number): Role[] {
  return db.prepare('SELECT role FROM account_roles WHERE account_id = ? ORDER BY role').pluck().all(id) as Role[];
}

function fromRow(db: ReadableDB, r: Row): AccountRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    passwordChangedAt: r.password_changed_at,
    mustChangePassword: r.must_change_password === 1,
    lock: { failures: r.failures, lockedUntil: r.locked_until },
    disabled: r.disabled === 1,
    personId: r.person_id,
    roles: rolesOf(db, r.id),
  };
}

export interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly personId: number | null;
}

export function insertAccount(db: WritableDB, a: NewAccount, by: string, at: string): AccountRecord {
  const info = db
    .prepare(
      `INSERT INTO accounts (username, display_name, password_hash, password_changed_at, must_change_password, person_id, created_at, created_by)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
    )
    .run(a.username, a.displayName, a.passwordHash, at, a.personId, at, by);
  const id = Number(info.lastInsertRowid);
  db.prepare('INSERT INTO password_history (account_id, password_hash, changed_at) VALUES (?, ?, ?)').run(id, a.passwordHash, at);
  return getAccount(db, id) as AccountRecord;
}

export function getAccount(db: ReadableDB, id: number): AccountRecord | undefined {
  const row = db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as Row | undefined;
  return row ? fromRow(db, row) : undefined;
}

export function findAccount(db: ReadableDB, username: string): AccountRecord | undefined {
  const row = db.prepare('SELECT * FROM accounts WHERE username = ?').get(username) as Row | undefined;
  return row ? fromRow(db, row) : undefined;
}

export function listAccounts(db: ReadableDB): AccountRecord[] {
  return (db.prepare('SELECT * FROM accounts ORDER BY id').all() as Row[]).map((r) => fromRow(db, r));
}

export function countAccounts(db: ReadableDB): number {
  return db.prepare('SELECT COUNT(*) FROM accounts').pluck().get() as number;
}

export function grantRole(db: WritableDB, accountId: number, role: Role, by: string, at: string): void {
  db.prepare('INSERT OR IGNORE INTO account_roles (account_id, role, granted_at, granted_by) VALUES (?, ?, ?, ?)').run(accountId, role, at, by);
}

export function revokeRole(db: WritableDB, accountId: number, role: Role): void {
  db.prepare('DELETE FROM account_roles WHERE account_id = ? AND role = ?').run(accountId, role);
}

export function setLockState(db: WritableDB, accountId: number, lock: LockState): void {
  db.prepare('UPDATE accounts SET failures = ?, locked_until = ? WHERE id = ?').run(lock.failures, lock.lockedUntil, accountId);
}

export function setPassword(db: WritableDB, accountId: number, hash: string, at: string, mustChange: boolean): void {
  db.prepare('UPDATE accounts SET password_hash = ?, password_changed_at = ?, must_change_password = ? WHERE id = ?').run(
    hash,
    at,
    mustChange ? 1 : 0,
    accountId,
  );
  db.prepare('INSERT INTO password_history (account_id, password_hash, changed_at) VALUES (?, ?, ?)').run(accountId, hash, at);
}

/** The most recent `n` password hashes (current one included). */
export function recentPasswordHashes(db: ReadableDB, accountId: number, n: number): string[] {
  return db.prepare('SELECT password_hash FROM password_history WHERE account_id = ? ORDER BY id DESC LIMIT ?').pluck().all(accountId, n) as string[];
}

export function linkPerson(db: WritableDB, accountId: number, personId: number | null): void {
  db.prepare('UPDATE accounts SET person_id = ? WHERE id = ?').run(personId, accountId);
}

export function setDisabled(db: WritableDB, accountId: number, disabled: boolean): void {
  db.prepare('UPDATE accounts SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, accountId);
}
