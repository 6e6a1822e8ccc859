/** Repository of bank membership: which account works on which bank, and as what. */
import type { BankRole } from '../../domain/bank.js';
import type { ReadableDB, WritableDB } from '../database.js';

export interface Membership {
  readonly bankId: number;
  readonly accountId: number;
  readonly role: BankRole;
}

export function addMember(db: WritableDB, m: Membership, by: string, at: string): void {
  db.prepare('INSERT OR IGNORE INTO bank_members (bank_id, account_id, role, granted_at, granted_by) VALUES (?, ?, ?, ?, ?)').run(
    m.bankId,
    m.accountId,
    m.role,
    at,
    by,
  );
}

export function removeMember(db: WritableDB, m: Membership): number {
  return db.prepare('DELETE FROM bank_members WHERE bank_id = ? AND account_id = ? AND role = ?').run(m.bankId, m.accountId, m.role).changes;
}

export function rolesInBank(db: ReadableDB, bankId: number, accountId: number): BankRole[] {
  return db.prepare('SELECT role FROM bank_members WHERE bank_id = ? AND account_id = ? ORDER BY role').pluck().all(bankId, accountId) as BankRole[];
}

export function listMembers(db: ReadableDB, bankId: number): Membership[] {
  return (
    db.prepare('SELECT bank_id, account_id, role FROM bank_members WHERE bank_id = ? ORDER BY account_id, role').all(bankId) as {
      bank_id: number;
      account_id: number;
      role: BankRole;
    }[]
  ).map((r) => ({ bankId: r.bank_id, accountId: r.account_id, role: r.role }));
}

export function banksOf(db: ReadableDB, accountId: number): number[] {
  return db.prepare('SELECT DISTINCT bank_id FROM bank_members WHERE account_id = ? ORDER BY bank_id').pluck().all(accountId) as number[];
}
