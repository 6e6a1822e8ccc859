/** Repository of the free-text parts of a bank's submission (one JSON body per bank). */
import type { ReadableDB, WritableDB } from '../database.js';

export function getSubmissionNotes(db: ReadableDB, bankId: number): unknown {
  const body = db.prepare('SELECT body FROM submission_notes WHERE bank_id = ?').pluck().get(bankId) as string | undefined;
  return body === undefined ? undefined : (JSON.parse(body) as unknown);
}

export function saveSubmissionNotes(db: WritableDB, bankId: number, body: unknown, by: string, at: string): void {
  db.prepare(
    `INSERT INTO submission_notes (bank_id, body, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (bank_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(bankId, JSON.stringify(body), at, by);
}
