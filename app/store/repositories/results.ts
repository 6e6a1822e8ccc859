/**
 * Repository of exam sittings, candidates' responses (pseudonymous) and per-item statistics
 * (migration 0210). Rows are fixed once written (triggers refuse UPDATE and DELETE).
 */
import type { ItemStatistics, PaperStatistics } from '../../domain/analysis/classical.js';
import type { ItemFlag } from '../../domain/analysis/flags.js';
import type { ItemHistoryRow, ItemSittingRecord, SittingRecord } from '../../domain/analysis/records.js';
import type { Response } from '../../domain/analysis/scoring.js';
import type { ReadableDB, WritableDB } from '../database.js';

interface SittingRow {
  id: number;
  bank_id: number;
  paper_id: number;
  label: string;
  held_on: string;
  candidates: number;
  source_sha256: string;
  statistics: string;
  imported_at: string;
  imported_by: string;
}

const sittingOf = (r: SittingRow): SittingRecord => ({
  id: r.id,
  bankId: r.bank_id,
  paperId: r.paper_id,
  label: r.label,
  heldOn: r.held_on,
  candidates: r.candidates,
  sourceSha256: r.source_sha256,
  statistics: JSON.parse(r.statistics) as PaperStatistics,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
});

interface StatRow {
  sitting_id: number;
  item_id: number;
  version: number;
  position: number;
  n: number;
  p: number;
  point_biserial: number | null;
  discrimination: number;
  omit_rate: number;
  options: string;
  flags: string;
}

const statOf = (r: StatRow): ItemSittingRecord => ({
  sittingId: r.sitting_id,
  itemId: r.item_id,
  version: r.version,
  position: r.position,
  n: r.n,
  p: r.p,
  pointBiserial: r.point_biserial,
  discrimination: r.discrimination,
  omitRate: r.omit_rate,
  options: JSON.parse(r.options) as ItemStatistics['options'],
  flags: JSON.parse(r.flags) as ItemFlag[],
});

export type NewSitting = Omit<SittingRecord, 'id' | 'importedAt' | 'importedBy'>;

export function insertSitting(db: WritableDB, s: NewSitting, by: string, at: string): number {
  const info = db
    .prepare(
      `INSERT INTO sittings (bank_id, paper_id, label, held_on, candidates, source_sha256, statistics, imported_at, imported_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(s.bankId, s.paperId, s.label, s.heldOn, s.candidates, s.sourceSha256, JSON.stringify(s.statistics), at, by);
  return Number(info.lastInsertRowid);
}

export function insertResponses(db: WritableDB, sittingId: number, rows: readonly { readonly candidate: string; readonly responses: readonly Response[] }[]): void {
  const insert = db.prepare('INSERT INTO sitting_responses (sitting_id, seq, candidate, responses) VALUES (?, ?, ?, ?)');
  rows.forEach((r, i) => insert.run(sittingId, i + 1, r.candidate, JSON.stringify(r.responses)));
}

export function insertItemStats(db: WritableDB, sittingId: number, stats: readonly (ItemStatistics & { readonly flags: readonly ItemFlag[] })[]): void {
  const insert = db.prepare(
    `INSERT INTO sitting_item_stats (sitting_id, item_id, version, position, n, p, point_biserial, discrimination, omit_rate, options, flags)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const clamp = (x: number) => Math.min(1, Math.max(-1, x));
  for (const s of stats) {
    insert.run(sittingId, s.itemId, s.version, s.position, s.n, Math.min(1, Math.max(0, s.p)), s.pointBiserial === null ? null : clamp(s.pointBiserial), clamp(s.discrimination), s.omitRate, JSON.stringify(s.options), JSON.stringify(s.flags));
  }
}

export function findSittingBySource(db: ReadableDB, paperId: number, sha256: string): SittingRecord | undefined {
  const r = db.prepare('SELECT * FROM sittings WHERE paper_id = ? AND source_sha256 = ?').get(paperId, sha256) as SittingRow | undefined;
  return r ? sittingOf(r) : undefined;
}

export function getSitting(db: ReadableDB, id: number): SittingRecord | undefined {
  const r = db.prepare('SELECT * FROM sittings WHERE id = ?').get(id) as SittingRow | undefined;
  return r ? sittingOf(r) : undefined;
}

/** The bank's sittings, newest exam first. */
export function listSittings(db: ReadableDB, bankId: number): SittingRecord[] {
  return (db.prepare('SELECT * FROM sittings WHERE bank_id = ? ORDER BY held_on DESC, id DESC').all(bankId) as SittingRow[]).map(sittingOf);
}

export function sittingItemStats(db: ReadableDB, sittingId: number): ItemSittingRecord[] {
  return (db.prepare('SELECT * FROM sitting_item_stats WHERE sitting_id = ? ORDER BY position').all(sittingId) as StatRow[]).map(statOf);
}

/** Every sitting of the given item versions (all versions when `version` is omitted), oldest exam first. */
export function itemHistory(db: ReadableDB, itemId: number, version?: number): ItemHistoryRow[] {
  const rows = db
    .prepare(
      `SELECT s.*, t.label AS sitting_label, t.held_on AS held_on FROM sitting_item_stats s JOIN sittings t ON t.id = s.sitting_id
       WHERE s.item_id = ? AND (? IS NULL OR s.version = ?) ORDER BY t.held_on, t.id`,
    )
    .all(itemId, version ?? null, version ?? null) as (StatRow & { sitting_label: string; held_on: string })[];
  return rows.map((r) => ({ ...statOf(r), sittingLabel: r.sitting_label, heldOn: r.held_on }));
}

/** Per item of the bank: its sittings' (version, n, p) and the flags of its latest sitting, for pooling and assembly. */
export function bankItemSittings(db: ReadableDB, bankId: number): Map<number, { version: number; n: number; p: number; pointBiserial: number | null; flags: ItemFlag[] }[]> {
  const rows = db
    .prepare(
      `SELECT s.item_id, s.version, s.n, s.p, s.point_biserial, s.flags FROM sitting_item_stats s JOIN sittings t ON t.id = s.sitting_id
       WHERE t.bank_id = ? ORDER BY t.held_on, t.id`,
    )
    .all(bankId) as { item_id: number; version: number; n: number; p: number; point_biserial: number | null; flags: string }[];
  const out = new Map<number, { version: number; n: number; p: number; pointBiserial: number | null; flags: ItemFlag[] }[]>();
  for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), { version: r.version, n: r.n, p: r.p, pointBiserial: r.point_biserial, flags: JSON.parse(r.flags) as ItemFlag[] }]);
  return out;
}

/** The candidates' responses of a sitting (pseudonyms only). */
export function sittingResponses(db: ReadableDB, sittingId: number): { candidate: string; responses: Response[] }[] {
  return (db.prepare('SELECT candidate, responses FROM sitting_responses WHERE sitting_id = ? ORDER BY seq').all(sittingId) as { candidate: string; responses: string }[]).map((r) => ({
    candidate: r.candidate,
    responses: JSON.parse(r.responses) as Response[],
  }));
}
