/** Repository of banks (题库). */
import type { Bank } from '../../domain/bank.js';
import { secrecySchema } from '../../domain/secrecy.js';
import type { Level } from '../../domain/level.js';
import type { ReadableDB, WritableDB } from '../database.js';
import { ConflictError } from '../errors.js';

export interface BankRecord extends Bank {
  readonly id: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
}

interface BankRow {
  id: number;
  name: string;
  occupation_code: string;
  occupation_name: string;
  track: string;
  level: number;
  secrecy: string;
  is_sample: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

function fromRow(r: BankRow): BankRecord {
  return {
    id: r.id,
    name: r.name,
    occupationCode: r.occupation_code,
    occupationName: r.occupation_name,
    track: r.track,
    level: r.level as Level,
    secrecy: secrecySchema.parse(JSON.parse(r.secrecy)),
    isSample: r.is_sample === 1,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

export function insertBank(db: WritableDB, bank: Bank, by: string, at: string): BankRecord {
  const existing = findBankByKey(db, bank.occupationCode, bank.track, bank.level);
  if (existing) {
    throw new ConflictError(`题库已存在：${existing.name}（编号 ${existing.id}）`);
  }
  const info = db
    .prepare(
      `INSERT INTO banks (name, occupation_code, occupation_name, track, level, secrecy, is_sample, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      bank.name,
      bank.occupationCode,
      bank.occupationName,
      bank.track,
      bank.level,
      JSON.stringify(bank.secrecy),
      bank.isSample ? 1 : 0,
      at,
      by,
      at,
    );
  return getBank(db, Number(info.lastInsertRowid)) as BankRecord;
}

export function getBank(db: ReadableDB, id: number): BankRecord | undefined {
  const row = db.prepare('SELECT * FROM banks WHERE id = ?').get(id) as BankRow | undefined;
  return row ? fromRow(row) : undefined;
}

export function findBankByKey(db: ReadableDB, occupationCode: string, track: string, level: Level): BankRecord | undefined {
  const row = db
    .prepare('SELECT * FROM banks WHERE occupation_code = ? AND track = ? AND level = ?')
    .get(occupationCode, track, level) as BankRow | undefined;
  return row ? fromRow(row) : undefined;
}

export function listBanks(db: ReadableDB): BankRecord[] {
  return (db.prepare('SELECT * FROM banks ORDER BY occupation_code, track, level').all() as BankRow[]).map(fromRow);
}
