/** Repository of the personnel register (people) and their 保密责任书 (pledges). */
import type { Person, Pledge, WorkType, ExpertRole } from '../../domain/person.js';
import type { ReadableDB, WritableDB } from '../database.js';

export interface PersonRecord extends Person {
  readonly id: number;
}

export interface PledgeRecord extends Pledge {
  readonly id: number;
  readonly personId: number;
  readonly scanSha256: string;
  readonly registeredAt: string;
  readonly registeredBy: string;
}

interface PersonRow {
  id: number;
  name: string;
  unit: string;
  title: string;
  position: string;
  phone: string;
  specialty: string;
  work_types: string;
  expert_role: string;
  trainer: number;
}

function personFromRow(r: PersonRow): PersonRecord {
  return {
    id: r.id,
    name: r.name,
    unit: r.unit,
    title: r.title,
    position: r.position,
    phone: r.phone,
    specialty: r.specialty,
    workTypes: JSON.parse(r.work_types) as WorkType[],
    ...(r.expert_role === '' ? {} : { expertRole: r.expert_role as ExpertRole }),
    trainer: r.trainer === 1,
  };
}

export function insertPerson(db: WritableDB, p: Person, by: string, at: string): PersonRecord {
  const info = db
    .prepare(
      `INSERT INTO people (name, unit, title, position, phone, specialty, work_types, expert_role, trainer, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(p.name, p.unit, p.title, p.position, p.phone, p.specialty, JSON.stringify(p.workTypes), p.expertRole ?? '', p.trainer ? 1 : 0, at, by, at);
  return getPerson(db, Number(info.lastInsertRowid)) as PersonRecord;
}

export function updatePerson(db: WritableDB, id: number, p: Person, at: string): void {
  db.prepare(
    `UPDATE people SET name = ?, unit = ?, title = ?, position = ?, phone = ?, specialty = ?, work_types = ?, expert_role = ?, trainer = ?, updated_at = ?
     WHERE id = ?`,
  ).run(p.name, p.unit, p.title, p.position, p.phone, p.specialty, JSON.stringify(p.workTypes), p.expertRole ?? '', p.trainer ? 1 : 0, at, id);
}

export function getPerson(db: ReadableDB, id: number): PersonRecord | undefined {
  const row = db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  return row ? personFromRow(row) : undefined;
}

export function listPeople(db: ReadableDB): PersonRecord[] {
  return (db.prepare('SELECT * FROM people ORDER BY id').all() as PersonRow[]).map(personFromRow);
}

interface PledgeRow {
  id: number;
  person_id: number;
  signed_on: string;
  expires_on: string;
  scope: string;
  scan_sha256: string;
  registered_at: string;
  registered_by: string;
}

function pledgeFromRow(r: PledgeRow): PledgeRecord {
  return {
    id: r.id,
    personId: r.person_id,
    signedOn: r.signed_on,
    expiresOn: r.expires_on,
    scope: r.scope,
    scanSha256: r.scan_sha256,
    registeredAt: r.registered_at,
    registeredBy: r.registered_by,
  };
}

export function insertPledge(
  db: WritableDB,
  personId: number,
  p: Pledge,
  scan: { bytes: Uint8Array; sha256: string } | undefined,
  by: string,
  at: string,
): PledgeRecord {
  const info = db
    .prepare(
      `INSERT INTO pledges (person_id, signed_on, expires_on, scope, scan, scan_sha256, registered_at, registered_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(personId, p.signedOn, p.expiresOn, p.scope, scan ? Buffer.from(scan.bytes) : null, scan?.sha256 ?? '', at, by);
  const row = db.prepare('SELECT * FROM pledges WHERE id = ?').get(Number(info.lastInsertRowid)) as PledgeRow;
  return pledgeFromRow(row);
}

export function listPledges(db: ReadableDB, personId?: number): PledgeRecord[] {
  const rows = (
    personId === undefined
      ? db.prepare('SELECT * FROM pledges ORDER BY person_id, signed_on').all()
      : db.prepare('SELECT * FROM pledges WHERE person_id = ? ORDER BY signed_on').all(personId)
  ) as PledgeRow[];
  return rows.map(pledgeFromRow);
}
