/**
 * Repository of paper structures, item statistics, assembly runs and papers (sets) with their
 * pinned item versions. Approved papers are locked by triggers (migration 0120).
 */
import type { PaperKind } from '../../domain/paper.js';
import type { ReadableDB, WritableDB } from '../database.js';
import { NotFoundError } from '../errors.js';
import { cachedStatement } from '../statements.js';

export type PaperStatus = '草稿' | '已审定' | '已作废';

export function getPaperStructure(db: ReadableDB, bankId: number, kind: PaperKind): unknown {
  const row = db.prepare('SELECT body FROM paper_structures WHERE bank_id = ? AND kind = ?').get(bankId, kind) as { body: string } | undefined;
  return row === undefined ? undefined : (JSON.parse(row.body) as unknown);
}

export function savePaperStructure(db: WritableDB, bankId: number, kind: PaperKind, body: unknown, by: string, at: string): void {
  db.prepare(
    `INSERT INTO paper_structures (bank_id, kind, body, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (bank_id, kind) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(bankId, kind, JSON.stringify(body), at, by);
}

export interface ItemStatistic {
  readonly itemId: number;
  readonly p: number;
  readonly discrimination: number | null;
  readonly sampleSize: number;
  readonly source: string;
}

export function saveItemStatistics(db: WritableDB, rows: readonly ItemStatistic[], by: string, at: string): void {
  const put = cachedStatement(
    db,
    `INSERT INTO item_statistics (item_id, p, discrimination, sample_size, source, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (item_id) DO UPDATE SET p = excluded.p, discrimination = excluded.discrimination, sample_size = excluded.sample_size,
       source = excluded.source, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  for (const r of rows) put.run(r.itemId, r.p, r.discrimination, r.sampleSize, r.source, at, by);
}

/** p and sample size of every item of the bank that has imported statistics (`papers stats-import`). */
export function itemDifficultyIndex(db: ReadableDB, bankId: number): Map<number, { p: number; n: number }> {
  const rows = db
    .prepare('SELECT s.item_id AS id, s.p AS p, s.sample_size AS n FROM item_statistics s JOIN items i ON i.id = s.item_id WHERE i.bank_id = ?')
    .all(bankId) as { id: number; p: number; n: number }[];
  return new Map(rows.map((r) => [r.id, { p: r.p, n: r.n }]));
}

export interface RunRecord {
  readonly id: number;
  readonly bankId: number;
  readonly kind: PaperKind;
  readonly settings: unknown;
  readonly result: unknown;
  readonly createdAt: string;
  readonly createdBy: string;
}

export function insertRun(db: WritableDB, run: Omit<RunRecord, 'id'>): number {
  const info = db
    .prepare('INSERT INTO assembly_runs (bank_id, kind, settings, result, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(run.bankId, run.kind, JSON.stringify(run.settings), JSON.stringify(run.result), run.createdAt, run.createdBy);
  return Number(info.lastInsertRowid);
}

export function getRun(db: ReadableDB, id: number): RunRecord {
  const r = db.prepare('SELECT * FROM assembly_runs WHERE id = ?').get(id) as
    | { id: number; bank_id: number; kind: PaperKind; settings: string; result: string; created_at: string; created_by: string }
    | undefined;
  if (!r) throw new NotFoundError(`组卷记录 ${id} 不存在`);
  return {
    id: r.id,
    bankId: r.bank_id,
    kind: r.kind,
    settings: JSON.parse(r.settings) as unknown,
    result: JSON.parse(r.result) as unknown,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export interface PaperItemRecord {
  readonly position: number;
  readonly section: string;
  readonly itemId: number;
  readonly version: number;
  readonly points: number;
}

export interface NewPaper {
  readonly bankId: number;
  readonly runId: number;
  readonly kind: PaperKind;
  readonly setLabel: string;
  readonly minutes: number;
  readonly totalPoints: number;
  readonly stats: unknown;
  readonly items: readonly PaperItemRecord[];
  /** The set this one replaces after a review (migration 0190), null for an assembled set. */
  readonly replaces?: number | null;
}

export interface PaperRecord extends Omit<NewPaper, 'items' | 'replaces'> {
  readonly id: number;
  readonly replaces: number | null;
  readonly status: PaperStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly approvedAt: string | null;
  readonly approvedBy: string | null;
  readonly voidedAt: string | null;
  readonly voidedBy: string | null;
  readonly note: string;
}

interface PaperRow {
  id: number;
  bank_id: number;
  run_id: number;
  kind: PaperKind;
  set_label: string;
  status: PaperStatus;
  minutes: number;
  total_points: number;
  stats: string;
  created_at: string;
  created_by: string;
  approved_at: string | null;
  approved_by: string | null;
  voided_at: string | null;
  voided_by: string | null;
  note: string;
  replaces: number | null;
}

function fromRow(r: PaperRow): PaperRecord {
  return {
    id: r.id,
    bankId: r.bank_id,
    runId: r.run_id,
    kind: r.kind,
    setLabel: r.set_label,
    status: r.status,
    minutes: r.minutes,
    totalPoints: r.total_points,
    stats: JSON.parse(r.stats) as unknown,
    createdAt: r.created_at,
    createdBy: r.created_by,
    approvedAt: r.approved_at,
    approvedBy: r.approved_by,
    voidedAt: r.voided_at,
    voidedBy: r.voided_by,
    note: r.note,
    replaces: r.replaces,
  };
}

/** Inserts a draft paper and its items; call inside a transaction with the run. */
export function insertPaper(db: WritableDB, paper: NewPaper, by: string, at: string): number {
  const info = db
    .prepare(
      `INSERT INTO papers (bank_id, run_id, kind, set_label, minutes, total_points, stats, created_at, created_by, replaces)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(paper.bankId, paper.runId, paper.kind, paper.setLabel, paper.minutes, paper.totalPoints, JSON.stringify(paper.stats), at, by, paper.replaces ?? null);
  const id = Number(info.lastInsertRowid);
  const put = cachedStatement(db, 'INSERT INTO paper_items (paper_id, position, section, item_id, version, points) VALUES (?, ?, ?, ?, ?, ?)');
  for (const i of paper.items) put.run(id, i.position, i.section, i.itemId, i.version, i.points);
  return id;
}

export function getPaper(db: ReadableDB, id: number): PaperRecord {
  const r = db.prepare('SELECT * FROM papers WHERE id = ?').get(id) as PaperRow | undefined;
  if (!r) throw new NotFoundError(`试卷 ${id} 不存在`);
  return fromRow(r);
}

export function listPaperItems(db: ReadableDB, paperId: number): PaperItemRecord[] {
  const rows = db
    .prepare('SELECT position, section, item_id, version, points FROM paper_items WHERE paper_id = ? ORDER BY position')
    .all(paperId) as { position: number; section: string; item_id: number; version: number; points: number }[];
  return rows.map((r) => ({ position: r.position, section: r.section, itemId: r.item_id, version: r.version, points: r.points }));
}

export interface PaperFilter {
  readonly kind?: PaperKind | undefined;
  readonly status?: PaperStatus | undefined;
  readonly runId?: number | undefined;
}

export function listPapers(db: ReadableDB, bankId: number, filter: PaperFilter = {}): PaperRecord[] {
  const where = ['bank_id = ?'];
  const args: (string | number)[] = [bankId];
  for (const [column, value] of [
    ['kind', filter.kind],
    ['status', filter.status],
    ['run_id', filter.runId],
  ] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    args.push(value);
  }
  const rows = db.prepare(`SELECT * FROM papers WHERE ${where.join(' AND ')} ORDER BY run_id, id`).all(...args) as PaperRow[];
  return rows.map(fromRow);
}

export function approvePaper(db: WritableDB, id: number, by: string, at: string): void {
  db.prepare(`UPDATE papers SET status = '已审定', approved_at = ?, approved_by = ? WHERE id = ? AND status = '草稿'`).run(at, by, id);
}

export function voidPaper(db: WritableDB, id: number, note: string, by: string, at: string): void {
  db.prepare(`UPDATE papers SET status = '已作废', voided_at = ?, voided_by = ?, note = ? WHERE id = ? AND status <> '已作废'`).run(at, by, note, id);
}

/** Items of the approved (not voided) papers of the last `runs` runs that had any approved paper. */
export function exposedItems(db: ReadableDB, bankId: number, kind: PaperKind, runs: number): number[] {
  if (runs <= 0) return [];
  const rows = db
    .prepare(
      `SELECT DISTINCT pi.item_id AS id FROM paper_items pi JOIN papers p ON p.id = pi.paper_id
       WHERE p.status = '已审定' AND p.run_id IN (
         SELECT DISTINCT run_id FROM papers WHERE bank_id = ? AND kind = ? AND status = '已审定' ORDER BY run_id DESC LIMIT ?)
       ORDER BY id`,
    )
    .pluck()
    .all(bankId, kind, runs) as number[];
  return rows;
}

/** Every item version pinned by any non-voided paper (an item in use). */
export function itemsInPapers(db: ReadableDB, bankId: number): Set<number> {
  const rows = db
    .prepare(`SELECT DISTINCT pi.item_id FROM paper_items pi JOIN papers p ON p.id = pi.paper_id WHERE p.bank_id = ? AND p.status <> '已作废'`)
    .pluck()
    .all(bankId) as number[];
  return new Set(rows);
}
