/**
 * Importing an exam sitting (`results.import`): the answer sheet is read (bounded reader), its columns
 * matched to the paper's positions, every cell normalised against its item; one cell that does not fit
 * refuses the whole file, listing every misfit by line and item, and nothing is stored. Candidates are
 * kept under pseudonyms only: `C0001 …`, or `H` + a keyed hash (HMAC-SHA-256 with this workstation's
 * pseudonym key, made on first use) of the identifier the sheet gives; personal columns (姓名, 身份证号
 * …) are never read. The sitting's statistics and flags are computed and stored with it; items with
 * `review` flags can be sent back to 待审 with the evidence (`returnFlagged`).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { analyseSitting } from '../../domain/analysis/classical.js';
import { mapColumns } from '../../domain/analysis/columns.js';
import { itemFlags, needsReview, type ItemFlag } from '../../domain/analysis/flags.js';
import type { ItemSittingRecord, SittingRecord } from '../../domain/analysis/records.js';
import { normaliseResponse, type PaperItemKey, type Response } from '../../domain/analysis/scoring.js';
import { readResultSheet, ResultSheetError, type ResultSheet } from '../../readers/results/sheet.js';
import type { WritableDB } from '../../store/database.js';
import { getPaper } from '../../store/repositories/papers.js';
import { findSittingBySource, getSitting, insertItemStats, insertResponses, insertSitting, sittingItemStats } from '../../store/repositories/results.js';
import { getSetting, setSetting } from '../../store/repositories/settings.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { resultsMessages as m } from './messages.js';
import { paperKeys } from './paper-key.js';

export interface ResultImport {
  readonly bankId: number;
  readonly paperId: number;
  readonly label: string;
  readonly heldOn: string;
  readonly bytes: Uint8Array;
}

export interface ImportedSitting {
  readonly sitting: SittingRecord;
  readonly items: readonly ItemSittingRecord[];
  /** Headers not read: personal data (never stored) and unknown columns. */
  readonly personalColumns: readonly string[];
  readonly ignoredColumns: readonly string[];
}

const PSEUDONYM_KEY = 'results.pseudonymKey';
const SHOWN = 20;

function pseudonymKey(db: WritableDB): Buffer {
  const stored = getSetting(db, PSEUDONYM_KEY);
  if (stored) return Buffer.from(stored, 'hex');
  const key = randomBytes(32);
  setSetting(db, PSEUDONYM_KEY, key.toString('hex'));
  return key;
}

interface Parsed {
  readonly responses: Response[][];
  readonly candidates: string[];
}

function parseRows(db: WritableDB, sheet: ResultSheet, keys: readonly PaperItemKey[]): Parsed & { personal: string[]; ignored: string[] } {
  const columns = mapColumns(sheet.header, keys.map((k) => k.position));
  if (columns.problems.length > 0) throw new ServiceError(m.header(columns.problems));
  const problems: string[] = [];
  const responses: Response[][] = [];
  const candidates: string[] = [];
  const seen = new Map<string, number>();
  const key = columns.candidate === null ? null : pseudonymKey(db);
  for (const row of sheet.rows) {
    if (row.cells.length > sheet.header.length && row.cells.slice(sheet.header.length).some((c) => c !== '')) {
      problems.push(m.tooManyCells(row.line, row.cells.length, sheet.header.length));
      continue;
    }
    const answers = keys.map((item) => {
      const n = normaliseResponse(item, row.cells[columns.items.get(item.position) as number]);
      if (n.ok) return n.response;
      problems.push(m.cell(row.line, item.position, n.reason));
      return null;
    });
    const id = columns.candidate === null ? '' : (row.cells[columns.candidate] ?? '').trim();
    const pseudonym = id === '' || key === null ? `C${String(responses.length + 1).padStart(4, '0')}` : `H${createHmac('sha256', key).update(id).digest('hex').slice(0, 20)}`;
    const first = seen.get(pseudonym);
    if (first !== undefined) problems.push(m.duplicateCandidate(row.line, first));
    seen.set(pseudonym, row.line);
    responses.push(answers);
    candidates.push(pseudonym);
  }
  if (problems.length > 0) throw new ServiceError(m.rows(problems.length, problems.slice(0, SHOWN)));
  return { responses, candidates, personal: [...columns.personal], ignored: [...columns.ignored] };
}

export async function importSitting(ctx: ServiceContext, input: ResultImport): Promise<ImportedSitting> {
  const paper = getPaper(ctx.db, input.paperId);
  if (paper.bankId !== input.bankId) throw new ServiceError(m.paperNotInBank(input.paperId, input.bankId));
  if (paper.status === '已作废') throw new ServiceError(m.paperVoided(input.paperId));
  const sha = createHash('sha256').update(input.bytes).digest('hex');
  const earlier = findSittingBySource(ctx.db, paper.id, sha);
  if (earlier) throw new ServiceError(m.alreadyImported(earlier.label, earlier.id));
  let sheet: ResultSheet;
  try {
    sheet = await readResultSheet(input.bytes);
  } catch (e) {
    if (e instanceof ResultSheetError) throw new ServiceError(e.message);
    throw e;
  }
  const keys = paperKeys(ctx.db, paper.id);
  const parsed = parseRows(ctx.db, sheet, keys);
  const analysis = analyseSitting(keys, parsed.responses);
  const stats = analysis.items.map((s) => ({ ...s, flags: itemFlags(s) as ItemFlag[] }));
  const at = timestamp(ctx);
  const id = insertSitting(ctx.db, { bankId: input.bankId, paperId: paper.id, label: input.label, heldOn: input.heldOn, candidates: parsed.responses.length, sourceSha256: sha, statistics: analysis.paper }, ctx.actor.username, at);
  insertResponses(ctx.db, id, parsed.candidates.map((candidate, i) => ({ candidate, responses: parsed.responses[i] ?? [] })));
  insertItemStats(ctx.db, id, stats);
  const sitting = getSitting(ctx.db, id) as SittingRecord;
  return { sitting, items: sittingItemStats(ctx.db, id), personalColumns: parsed.personal, ignoredColumns: parsed.ignored };
}

/** The items of a sitting whose flags call for the panel. */
export function flaggedForReview(items: readonly ItemSittingRecord[]): ItemSittingRecord[] {
  return items.filter((i) => needsReview(i.flags));
}
