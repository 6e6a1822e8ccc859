/**
 * Repository of element tables: the theory 细目表 and the practical 内容结构表 of a bank, each save
 * being a new version. Bodies are JSON already validated by the domain.
 */
import type { ReadableDB, WritableDB } from '../database.js';

export type ElementTableKind = 'theory' | 'practical';

export interface ElementTableRecord {
  readonly bankId: number;
  readonly kind: ElementTableKind;
  readonly version: number;
  readonly body: unknown;
  readonly createdAt: string;
  readonly createdBy: string;
}

interface Row {
  bank_id: number;
  kind: ElementTableKind;
  version: number;
  body: string;
  created_at: string;
  created_by: string;
}

export function saveElementTable(
  db: WritableDB,
  bankId: number,
  kind: ElementTableKind,
  body: unknown,
  by: string,
  at: string,
): ElementTableRecord {
  const next =
    Number(
      (db.prepare('SELECT MAX(version) AS v FROM element_tables WHERE bank_id = ? AND kind = ?').get(bankId, kind) as {
        v: number | null;
      }).v ?? 0,
    ) + 1;
  db.prepare(
    'INSERT INTO element_tables (bank_id, kind, version, body, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(bankId, kind, next, JSON.stringify(body), at, by);
  return { bankId, kind, version: next, body, createdAt: at, createdBy: by };
}

export function getCurrentElementTable(db: ReadableDB, bankId: number, kind: ElementTableKind): ElementTableRecord | undefined {
  const row = db
    .prepare('SELECT * FROM element_tables WHERE bank_id = ? AND kind = ? ORDER BY version DESC LIMIT 1')
    .get(bankId, kind) as Row | undefined;
  return row
    ? {
        bankId: row.bank_id,
        kind: row.kind,
        version: row.version,
        body: JSON.parse(row.body) as unknown,
        createdAt: row.created_at,
        createdBy: row.created_by,
      }
    : undefined;
}
