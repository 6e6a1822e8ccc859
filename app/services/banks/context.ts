/**
 * A bank and what belongs to it now: the bank record, its current 细目表 and 内容结构表, the theory
 * paper structure, the 编制说明 notes and the current sets of each kind. `loadBankContext` is the one
 * loader documents and assembly build on; the single look-ups serve the other capabilities.
 */
import { DEFAULT_THEORY_PRESET, THEORY_PRESETS, theoryStructureSchema, type TheoryStructure } from '../../domain/assembly/paper-structure.js';
import { theoryElementTableSchema, type TheoryElementTable } from '../../domain/element-table.js';
import { PAPER_KINDS, type PaperKind } from '../../domain/paper.js';
import { practicalStructureSchema, type PracticalStructure } from '../../domain/practical-structure.js';
import { submissionNotesSchema, type SubmissionNotes } from '../../domain/submission/notes.js';
import { validateOrThrow } from '../../domain/validation.js';
import { getBank, type BankRecord } from '../../store/repositories/banks.js';
import { getCurrentElementTable } from '../../store/repositories/element-tables.js';
import { getPaperStructure, listPapers, type PaperRecord } from '../../store/repositories/papers.js';
import { getSubmissionNotes } from '../../store/repositories/submission-notes.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { banksMessages } from './messages.js';

export type { BankRecord };

export function requireBank(ctx: ServiceContext, bankId: number): BankRecord {
  const bank = getBank(ctx.db, bankId);
  if (!bank) throw new ServiceError(banksMessages.notFound(bankId));
  return bank;
}

export function currentTheoryTable(ctx: ServiceContext, bankId: number): TheoryElementTable | undefined {
  const rec = getCurrentElementTable(ctx.db, bankId, 'theory');
  return rec ? theoryElementTableSchema.parse(rec.body) : undefined;
}

export function currentPracticalStructure(ctx: ServiceContext, bankId: number): PracticalStructure | undefined {
  const rec = getCurrentElementTable(ctx.db, bankId, 'practical');
  return rec ? practicalStructureSchema.parse(rec.body) : undefined;
}

/** The stored theory structure of the bank, or the default preset. */
export function theoryStructureOf(ctx: ServiceContext, bankId: number): { structure: TheoryStructure; stored: boolean } {
  const stored = getPaperStructure(ctx.db, bankId, 'theory');
  if (stored === undefined) return { structure: THEORY_PRESETS[DEFAULT_THEORY_PRESET].structure, stored: false };
  return { structure: validateOrThrow(banksMessages.paperStructure, theoryStructureSchema, stored), stored: true };
}

/** The bank's 编制说明 and 内部审核意见 texts (defaults where none were saved). */
export function notesOf(ctx: ServiceContext, bankId: number): SubmissionNotes {
  return validateOrThrow(banksMessages.submissionNotes, submissionNotesSchema, getSubmissionNotes(ctx.db, bankId) ?? {});
}

/**
 * The papers of the latest run of this kind: approved runs first, else the latest drafts. A set replaced
 * after a review (`replaces`) stands in for the set it replaced, at its place: the chain is followed to
 * its newest set, which is what the set is now.
 */
export function currentSets(ctx: ServiceContext, bankId: number, kind: PaperKind): PaperRecord[] {
  const all = listPapers(ctx.db, bankId, { kind });
  const replacement = new Map<number, PaperRecord>();
  for (const p of all) if (p.replaces !== null) replacement.set(p.replaces, p);
  const newest = (p: PaperRecord): PaperRecord => {
    let at = p;
    for (let next = replacement.get(at.id); next !== undefined; next = replacement.get(at.id)) at = next;
    return at;
  };
  const assembled = all.filter((p) => p.replaces === null).map((p) => ({ run: p.runId, approved: p.approvedAt !== null, paper: newest(p) }));
  // an approved set replaced by a draft still belongs to the approved sets (the draft awaits its approval)
  const approved = assembled.filter((x) => x.approved && x.paper.status !== '已作废');
  const pool = approved.length > 0 ? approved : assembled.filter((x) => x.paper.status === '草稿');
  const lastRun = Math.max(0, ...pool.map((x) => x.run));
  return pool.filter((x) => x.run === lastRun).map((x) => x.paper);
}

export interface BankContext {
  readonly bank: BankRecord;
  /** The current 理论知识考核要素细目表, if one was saved. */
  readonly table: TheoryElementTable | undefined;
  /** The current 技能考核内容结构表, if one was saved. */
  readonly practical: PracticalStructure | undefined;
  readonly theoryStructure: { readonly structure: TheoryStructure; readonly stored: boolean };
  readonly notes: SubmissionNotes;
  /** The current sets of each kind (see `currentSets`). */
  readonly sets: Readonly<Record<PaperKind, PaperRecord[]>>;
}

/** Everything documents and assembly need to know about a bank, read once. */
export function loadBankContext(ctx: ServiceContext, bankId: number): BankContext {
  const bank = requireBank(ctx, bankId);
  return {
    bank,
    table: currentTheoryTable(ctx, bankId),
    practical: currentPracticalStructure(ctx, bankId),
    theoryStructure: theoryStructureOf(ctx, bankId),
    notes: notesOf(ctx, bankId),
    sets: Object.fromEntries(PAPER_KINDS.map((kind) => [kind, currentSets(ctx, bankId, kind)])) as Record<PaperKind, PaperRecord[]>,
  };
}
