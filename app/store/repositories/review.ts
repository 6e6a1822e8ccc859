/** Repository of review rounds, their panels, verdicts, notes, conclusions and signatures (migration 0190). */
import type { ExpertRole } from '../../domain/person.js';
import type { ReviewCheck } from '../../domain/submission/documents.js';
import type { Verdict } from '../../domain/review/verdicts.js';
import type { ReadableDB, WritableDB } from '../database.js';
import { NotFoundError } from '../errors.js';

export interface RoundRecord {
  readonly id: number;
  readonly bankId: number;
  readonly round: number;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly conclusion: Verdict | '';
  readonly opinion: string;
  readonly checklist: readonly ReviewCheck[];
  readonly concludedAt: string;
  readonly concludedBy: string;
  /** The manifest (JSON text) of the submission generated for the round, '' before. */
  readonly manifest: string;
  readonly manifestSha256: string;
  readonly manifestFolder: string;
  /** When the last member signed; '' while open. */
  readonly signedAt: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

interface RoundRow {
  id: number;
  bank_id: number;
  round: number;
  starts_on: string;
  ends_on: string;
  conclusion: Verdict | '';
  opinion: string;
  checklist: string;
  concluded_at: string;
  concluded_by: string;
  manifest: string;
  manifest_sha256: string;
  manifest_folder: string;
  signed_at: string;
  created_at: string;
  created_by: string;
}

const roundFromRow = (r: RoundRow): RoundRecord => ({
  id: r.id,
  bankId: r.bank_id,
  round: r.round,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  conclusion: r.conclusion,
  opinion: r.opinion,
  checklist: JSON.parse(r.checklist) as ReviewCheck[],
  concludedAt: r.concluded_at,
  concludedBy: r.concluded_by,
  manifest: r.manifest,
  manifestSha256: r.manifest_sha256,
  manifestFolder: r.manifest_folder,
  signedAt: r.signed_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function insertRound(db: WritableDB, bankId: number, period: { startsOn: string; endsOn: string }, by: string, at: string): RoundRecord {
  const next = (db.prepare('SELECT COALESCE(MAX(round), 0) + 1 FROM review_rounds WHERE bank_id = ?').pluck().get(bankId) as number) || 1;
  const info = db
    .prepare('INSERT INTO review_rounds (bank_id, round, starts_on, ends_on, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(bankId, next, period.startsOn, period.endsOn, at, by);
  return getRound(db, Number(info.lastInsertRowid));
}

export function getRound(db: ReadableDB, id: number): RoundRecord {
  const r = db.prepare('SELECT * FROM review_rounds WHERE id = ?').get(id) as RoundRow | undefined;
  if (!r) throw new NotFoundError(`审核轮次 ${String(id)} 不存在`);
  return roundFromRow(r);
}

export function listRounds(db: ReadableDB, bankId: number): RoundRecord[] {
  return (db.prepare('SELECT * FROM review_rounds WHERE bank_id = ? ORDER BY round').all(bankId) as RoundRow[]).map(roundFromRow);
}

export function latestRound(db: ReadableDB, bankId: number): RoundRecord | undefined {
  const r = db.prepare('SELECT * FROM review_rounds WHERE bank_id = ? ORDER BY round DESC LIMIT 1').get(bankId) as RoundRow | undefined;
  return r ? roundFromRow(r) : undefined;
}

export function setRoundPeriod(db: WritableDB, id: number, period: { startsOn: string; endsOn: string }): void {
  db.prepare('UPDATE review_rounds SET starts_on = ?, ends_on = ? WHERE id = ?').run(period.startsOn, period.endsOn, id);
}

export function setRoundConclusion(
  db: WritableDB,
  id: number,
  c: { conclusion: Verdict; opinion: string; checklist: readonly ReviewCheck[] },
  by: string,
  at: string,
): void {
  db.prepare('UPDATE review_rounds SET conclusion = ?, opinion = ?, checklist = ?, concluded_at = ?, concluded_by = ? WHERE id = ?').run(
    c.conclusion,
    c.opinion,
    JSON.stringify(c.checklist),
    at,
    by,
    id,
  );
}

export function setRoundManifest(db: WritableDB, id: number, manifest: string, sha256: string, folder: string): void {
  db.prepare('UPDATE review_rounds SET manifest = ?, manifest_sha256 = ?, manifest_folder = ? WHERE id = ?').run(manifest, sha256, folder, id);
}

export function markRoundSigned(db: WritableDB, id: number, at: string): void {
  db.prepare(`UPDATE review_rounds SET signed_at = ? WHERE id = ? AND signed_at = ''`).run(at, id);
}

export interface PanelRecord {
  readonly personId: number;
  readonly category: ExpertRole | '';
  readonly leader: boolean;
}

/** Replaces the panel of an open round. */
export function setPanel(db: WritableDB, roundId: number, members: readonly PanelRecord[]): void {
  db.prepare('DELETE FROM review_panel WHERE round_id = ?').run(roundId);
  const put = db.prepare('INSERT INTO review_panel (round_id, person_id, category, leader, position) VALUES (?, ?, ?, ?, ?)');
  members.forEach((m, i) => put.run(roundId, m.personId, m.category, m.leader ? 1 : 0, i + 1));
}

export function listPanel(db: ReadableDB, roundId: number): PanelRecord[] {
  const rows = db.prepare('SELECT person_id, category, leader FROM review_panel WHERE round_id = ? ORDER BY position').all(roundId) as {
    person_id: number;
    category: ExpertRole | '';
    leader: number;
  }[];
  return rows.map((r) => ({ personId: r.person_id, category: r.category, leader: r.leader === 1 }));
}

export interface VerdictRecord {
  readonly id: number;
  readonly roundId: number;
  readonly itemId: number;
  readonly version: number;
  readonly personId: number;
  readonly verdict: Verdict;
  readonly comment: string;
  readonly at: string;
  readonly by: string;
  readonly answer: string;
  readonly answeredAt: string;
  readonly answeredBy: string;
}

interface VerdictRow {
  id: number;
  round_id: number;
  item_id: number;
  version: number;
  person_id: number;
  verdict: Verdict;
  comment: string;
  at: string;
  by: string;
  answer: string;
  answered_at: string;
  answered_by: string;
}

const verdictFromRow = (r: VerdictRow): VerdictRecord => ({
  id: r.id,
  roundId: r.round_id,
  itemId: r.item_id,
  version: r.version,
  personId: r.person_id,
  verdict: r.verdict,
  comment: r.comment,
  at: r.at,
  by: r.by,
  answer: r.answer,
  answeredAt: r.answered_at,
  answeredBy: r.answered_by,
});

/** Records (or changes, while the round is open) one expert's verdict on an item version. */
export function upsertVerdict(
  db: WritableDB,
  v: { roundId: number; itemId: number; version: number; personId: number; verdict: Verdict; comment: string },
  by: string,
  at: string,
): void {
  db.prepare(
    `INSERT INTO review_verdicts (round_id, item_id, version, person_id, verdict, comment, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (round_id, item_id, version, person_id) DO UPDATE SET verdict = excluded.verdict, comment = excluded.comment, at = excluded.at, by = excluded.by`,
  ).run(v.roundId, v.itemId, v.version, v.personId, v.verdict, v.comment, at, by);
}

export function listVerdicts(db: ReadableDB, roundId: number): VerdictRecord[] {
  return (db.prepare('SELECT * FROM review_verdicts WHERE round_id = ? ORDER BY item_id, version, person_id').all(roundId) as VerdictRow[]).map(verdictFromRow);
}

/** Every verdict on the bank's items in any round (for the sets' blockers across rounds). */
export function listBankVerdicts(db: ReadableDB, bankId: number): VerdictRecord[] {
  return (
    db.prepare('SELECT v.* FROM review_verdicts v JOIN review_rounds r ON r.id = v.round_id WHERE r.bank_id = ? ORDER BY v.item_id, v.version').all(bankId) as VerdictRow[]
  ).map(verdictFromRow);
}

export function answerVerdict(db: WritableDB, id: number, answer: string, by: string, at: string): void {
  db.prepare('UPDATE review_verdicts SET answer = ?, answered_at = ?, answered_by = ? WHERE id = ?').run(answer, at, by, id);
}

export interface NoteRecord {
  readonly id: number;
  readonly roundId: number;
  readonly personId: number;
  readonly document: string;
  readonly text: string;
  readonly at: string;
  readonly by: string;
  readonly answer: string;
  readonly answeredAt: string;
  readonly answeredBy: string;
}

export function insertNote(db: WritableDB, n: { roundId: number; personId: number; document: string; text: string }, by: string, at: string): number {
  const info = db.prepare('INSERT INTO review_notes (round_id, person_id, document, text, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(n.roundId, n.personId, n.document, n.text, at, by);
  return Number(info.lastInsertRowid);
}

export function listNotes(db: ReadableDB, roundId: number): NoteRecord[] {
  const rows = db.prepare('SELECT * FROM review_notes WHERE round_id = ? ORDER BY id').all(roundId) as {
    id: number;
    round_id: number;
    person_id: number;
    document: string;
    text: string;
    at: string;
    by: string;
    answer: string;
    answered_at: string;
    answered_by: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    personId: r.person_id,
    document: r.document,
    text: r.text,
    at: r.at,
    by: r.by,
    answer: r.answer,
    answeredAt: r.answered_at,
    answeredBy: r.answered_by,
  }));
}

export function answerNote(db: WritableDB, id: number, answer: string, by: string, at: string): number {
  return db.prepare('UPDATE review_notes SET answer = ?, answered_at = ?, answered_by = ? WHERE id = ?').run(answer, at, by, id).changes;
}

export interface ConclusionRecord {
  readonly personId: number;
  readonly conclusion: Verdict;
  readonly opinion: string;
  readonly at: string;
}

export function upsertConclusion(db: WritableDB, roundId: number, c: ConclusionRecord): void {
  db.prepare(
    `INSERT INTO review_conclusions (round_id, person_id, conclusion, opinion, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (round_id, person_id) DO UPDATE SET conclusion = excluded.conclusion, opinion = excluded.opinion, at = excluded.at`,
  ).run(roundId, c.personId, c.conclusion, c.opinion, c.at);
}

export function listConclusions(db: ReadableDB, roundId: number): ConclusionRecord[] {
  const rows = db.prepare('SELECT person_id, conclusion, opinion, at FROM review_conclusions WHERE round_id = ? ORDER BY person_id').all(roundId) as {
    person_id: number;
    conclusion: Verdict;
    opinion: string;
    at: string;
  }[];
  return rows.map((r) => ({ personId: r.person_id, conclusion: r.conclusion, opinion: r.opinion, at: r.at }));
}
