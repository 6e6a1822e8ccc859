/**
 * Gathers what the submission documents are made from: the bank's context (banks/context.ts: the
 * bank, its 细目表 and 内容结构表, notes and current sets), the pinned item versions of the sets and
 * their images, the team and the internal reviewers from the personnel register. Reads only; the
 * caller is the 调阅 the access log records.
 */
import { sortedSections, theoryStructureSchema, type TheoryStructure } from '../../domain/assembly/paper-structure.js';
import type { BankRole } from '../../domain/bank.js';
import { findOccupation } from '../../domain/catalog/catalog.js';
import { elementTableStats, type TheoryElementTable } from '../../domain/element-table.js';
import { formatNumber } from '../../domain/format.js';
import type { ItemBodyOf, ItemKind } from '../../domain/item.js';
import { levelName } from '../../domain/level.js';
import { occupationDisplayName } from '../../domain/occupation.js';
import { paperCode } from '../../domain/paper.js';
import { beijingDate, personSchema } from '../../domain/person.js';
import type { PracticalStructure } from '../../domain/practical-structure.js';
import { secrecyMark } from '../../domain/secrecy.js';
import type {
  CompilationNoteData,
  ComprehensivePaperData,
  DocumentHeader,
  DocumentImage,
  ElementTablesData,
  ItemCountRow,
  PracticalPaperData,
  ReviewExpert,
  ReviewOpinionData,
  TeamListData,
  TeamMember,
  TheoryPaperData,
} from '../../domain/submission/documents.js';
import type { SubmissionNotes } from '../../domain/submission/notes.js';
import { citedStandard, standardEdition } from '../../domain/submission/standard.js';
import { theoryPaperData } from '../../domain/submission/theory-paper.js';
import { theoryItemTypeNames, type TheoryItemType } from '../../domain/theory-item.js';
import { getAccount } from '../../store/repositories/accounts.js';
import { listMembers } from '../../store/repositories/bank-members.js';
import type { BankRecord } from '../../store/repositories/banks.js';
import { getImage } from '../../store/repositories/images.js';
import { countEligible, getVersion } from '../../store/repositories/items.js';
import { getRun, listPaperItems, type PaperRecord } from '../../store/repositories/papers.js';
import { getPerson } from '../../store/repositories/people.js';
import { latestRound, listPanel, type RoundRecord } from '../../store/repositories/review.js';
import { loadBankContext } from '../banks/context.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { itemsMessages } from '../items/messages.js';
import { documentsMessages } from './messages.js';

export function documentHeader(bank: BankRecord, notes: SubmissionNotes): DocumentHeader {
  return {
    occupationName: bank.occupationName,
    occupationCode: bank.occupationCode,
    track: bank.track,
    level: bank.level,
    levelName: levelName(bank.level),
    occupationTitle: occupationDisplayName(bank.occupationName, bank.track),
    mark: secrecyMark(bank.secrecy),
    sampleNote: bank.isSample ? documentsMessages.sampleNote : '',
    institution: notes.institution,
  };
}

function images(ctx: ServiceContext, hashes: readonly string[]): DocumentImage[] {
  return hashes.flatMap((sha256) => {
    const img = getImage(ctx.db, sha256);
    return img ? [{ sha256, contentType: img.contentType, bytes: img.bytes }] : [];
  });
}

/** The pinned version's body, which must be of the paper's kind. */
function body<K extends ItemKind>(ctx: ServiceContext, itemId: number, version: number, kind: K): ItemBodyOf<K> {
  return getVersion(ctx.db, itemId, version, kind).body;
}

export function theoryPapers(ctx: ServiceContext, header: DocumentHeader, notes: SubmissionNotes, papers: readonly PaperRecord[]): TheoryPaperData[] {
  // The edition the 编制说明 cites (one rule: app/domain/submission/standard.ts).
  const { year } = standardEdition(header.occupationName, notes);
  return papers.map((paper) =>
    theoryPaperData(
      { header, setLabel: paper.setLabel, minutes: paper.minutes, totalPoints: paper.totalPoints, standardYear: year },
      listPaperItems(ctx.db, paper.id).map((ref) => {
        const item = body(ctx, ref.itemId, ref.version, 'theory');
        return { section: ref.section, points: ref.points, item, images: images(ctx, item.images) };
      }),
    ),
  );
}

export function practicalPapers(ctx: ServiceContext, header: DocumentHeader, structure: PracticalStructure | undefined, papers: readonly PaperRecord[]): PracticalPaperData[] {
  const level = structure?.levels.find((l) => l.level === header.level);
  const moduleName = (code: string) => structure?.modules.find((m) => m.code === code)?.name ?? code;
  return papers.map((paper) => ({
    header,
    setLabel: paper.setLabel,
    minutes: paper.minutes,
    totalPoints: paper.totalPoints,
    paperCode: paperCode(header.occupationCode, header.level, 'practical', paper.setLabel),
    tasks: listPaperItems(ctx.db, paper.id).map((ref, k) => {
      const task = body(ctx, ref.itemId, ref.version, 'practical');
      const mode = level?.entries.find((e) => e.module === task.module)?.mode ?? '必考';
      return { number: k + 1, task, moduleName: moduleName(task.module), mode, images: images(ctx, task.images) };
    }),
  }));
}

export function comprehensivePapers(ctx: ServiceContext, header: DocumentHeader, papers: readonly PaperRecord[]): ComprehensivePaperData[] {
  return papers.flatMap((paper) =>
    listPaperItems(ctx.db, paper.id).map((ref) => ({ header, setLabel: paper.setLabel, item: body(ctx, ref.itemId, ref.version, 'comprehensive') })),
  );
}

export interface People {
  readonly team: TeamMember[];
  readonly experts: ReviewExpert[];
  /** Reviewers of the bank who are also its managers or authors (names): listed in the team only. */
  readonly reviewersOnTeam: string[];
  /** Reviewers registered without an 专家类别 (names): in neither list. */
  readonly reviewersWithoutCategory: string[];
  /** Members whose account is linked to no registered person (usernames): in neither list. */
  readonly unlinked: string[];
}

/** Order of the lists: the 题库管理员 (who leads the work) first, then the authors, then the reviewers. */
const ROLE_ORDER: Readonly<Record<BankRole, number>> = { manager: 0, author: 1, reviewer: 2 };

/**
 * Team = the bank's managers and authors; experts = its reviewers registered with an 专家类别. Each person
 * once (a person with several memberships under the first role in ROLE_ORDER); within a role in the
 * order of the personnel register, so the lists do not depend on when the accounts were created.
 * Who is left out of both lists, and why, is returned too: the submission says so.
 */
export function bankPeople(ctx: ServiceContext, bankId: number): People {
  const team: TeamMember[] = [];
  const experts: ReviewExpert[] = [];
  const reviewersOnTeam: string[] = [];
  const reviewersWithoutCategory: string[] = [];
  const unlinked: string[] = [];
  const seen = new Set<number>();
  const members = listMembers(ctx.db, bankId).flatMap((m) => {
    const account = getAccount(ctx.db, m.accountId);
    const personId = account?.personId ?? null;
    if (personId === null) {
      if (account !== undefined && !unlinked.includes(account.username)) unlinked.push(account.username);
      return [];
    }
    return [{ role: m.role, personId }];
  });
  members.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.personId - b.personId);
  const reviewerIds = new Set(members.filter((m) => m.role === 'reviewer').map((m) => m.personId));
  for (const m of members) {
    if (seen.has(m.personId)) continue;
    const record = getPerson(ctx.db, m.personId);
    if (!record) continue;
    const person = personSchema.parse(record);
    seen.add(m.personId);
    if (m.role === 'reviewer') {
      if (person.expertRole !== undefined) experts.push({ name: person.name, unit: person.unit, title: person.title, category: person.expertRole });
      else reviewersWithoutCategory.push(person.name);
    } else {
      if (reviewerIds.has(m.personId)) reviewersOnTeam.push(person.name);
      team.push({ name: person.name, unit: person.unit, title: person.title, position: person.position, phone: person.phone, work: person.workTypes.join('、') });
    }
  }
  return { team, experts, reviewersOnTeam, reviewersWithoutCategory, unlinked };
}

/** `2026年11月23日` (Beijing date). */
export function chineseDate(now: Date): string {
  const [y, m, d] = beijingDate(now).split('-').map(Number);
  return documentsMessages.date(y ?? '', m ?? '', d ?? '');
}


/** What the submission is made from: the bank's context (one read) with its sets and people. */
export interface SubmissionSource {
  readonly bank: BankRecord;
  readonly notes: SubmissionNotes;
  readonly header: DocumentHeader;
  readonly table: TheoryElementTable;
  readonly practical: PracticalStructure | undefined;
  /** The structure for runs that did not record theirs. */
  readonly theoryStructure: TheoryStructure;
  readonly theory: PaperRecord[];
  readonly practicalSets: PaperRecord[];
  readonly comprehensive: PaperRecord[];
  readonly people: People;
  /** The bank's latest review round with its 审核组长, when a round was opened. */
  readonly review: { readonly round: RoundRecord; readonly leader: string } | undefined;
}

/**
 * With a review round, the experts of the documents are its panel (in its order, with the category it
 * serves in); the panel's own rules replace the membership-based checks.
 */
function withPanel(ctx: ServiceContext, people: People, round: RoundRecord | undefined): { people: People; leader: string } {
  const panel = round ? listPanel(ctx.db, round.id) : [];
  if (panel.length === 0) return { people, leader: '' };
  let leader = '';
  const experts: ReviewExpert[] = panel.flatMap((p) => {
    const record = getPerson(ctx.db, p.personId);
    if (!record) return [];
    const person = personSchema.parse(record);
    if (p.leader) leader = person.name;
    const category = p.category === '' ? person.expertRole : p.category;
    return category ? [{ name: person.name, unit: person.unit, title: person.title, category }] : [];
  });
  return { people: { ...people, experts, reviewersOnTeam: [], reviewersWithoutCategory: [] }, leader };
}

export function submissionSource(ctx: ServiceContext, bankId: number): SubmissionSource {
  const { bank, table, practical, theoryStructure, notes, sets } = loadBankContext(ctx, bankId);
  if (!table) throw new ServiceError(documentsMessages.noTheoryTable);
  if (sets.theory.length === 0) throw new ServiceError(documentsMessages.noTheorySets);
  const round = latestRound(ctx.db, bankId);
  const panelled = withPanel(ctx, bankPeople(ctx, bankId), round);
  return {
    bank,
    notes,
    header: documentHeader(bank, notes),
    table,
    practical,
    theoryStructure: theoryStructure.structure,
    theory: sets.theory,
    practicalSets: sets.practical,
    comprehensive: sets.comprehensive,
    people: panelled.people,
    review: round ? { round, leader: panelled.leader } : undefined,
  };
}

export function elementTablesData(src: SubmissionSource): ElementTablesData {
  return { header: src.header, theory: src.table, practical: src.practical ?? null };
}

export function teamListData(src: SubmissionSource): TeamListData {
  return { header: src.header, members: src.people.team };
}

export function reviewOpinionData(src: SubmissionSource): ReviewOpinionData {
  const r = src.review;
  if (r) {
    return {
      header: src.header,
      checklist: r.round.checklist.length > 0 ? r.round.checklist : src.notes.reviewChecklist,
      conclusion: r.round.conclusion,
      opinion: r.round.opinion,
      experts: src.people.experts,
      leader: r.leader,
      round: r.round.round,
      date: reviewDates(r.round.startsOn, r.round.endsOn),
    };
  }
  return {
    header: src.header,
    checklist: src.notes.reviewChecklist,
    conclusion: src.notes.reviewConclusion,
    opinion: src.notes.reviewOpinion,
    experts: src.people.experts,
    leader: src.notes.reviewLeader,
    round: src.notes.reviewRound,
  };
}

/** `2026年11月20日` or `2026年11月18日至20日` (the form's 审核日期 cell). */
function reviewDates(from: string, to: string): string {
  const cn = (d: string) => {
    const [y, mo, da] = d.split('-').map(Number);
    return documentsMessages.date(y ?? '', mo ?? '', da ?? '');
  };
  if (from === to) return cn(from);
  return from.slice(0, 7) === to.slice(0, 7) ? `${cn(from)}至${String(Number(to.slice(8)))}日` : `${cn(from)}至${cn(to)}`;
}

/**
 * Items per 题型 and set (from the pinned papers) and in the bank (入库). `typeOf` maps a paper section to
 * its 题型 (theory sections are 题型; practical sections are modules, all of one 题型).
 */
function countRows(
  ctx: ServiceContext,
  papers: readonly PaperRecord[],
  typeOf: (section: string) => string,
  label: (type: string) => string,
  inBank: (type: string) => number,
): ItemCountRow[] {
  const bySection = new Map<string, Map<number, { count: number; points: number }>>();
  const distinct = new Map<string, Set<number>>();
  for (const p of papers) {
    for (const ref of listPaperItems(ctx.db, p.id)) {
      const key = typeOf(ref.section);
      distinct.set(key, (distinct.get(key) ?? new Set<number>()).add(ref.itemId));
      const sets = bySection.get(key) ?? new Map<number, { count: number; points: number }>();
      const cell = sets.get(p.id) ?? { count: 0, points: 0 };
      cell.count += 1;
      cell.points += ref.points;
      sets.set(p.id, cell);
      bySection.set(key, sets);
    }
  }
  return [...bySection].map(([section, sets]) => ({
    type: label(section),
    perSet: papers.map((p) => ({ label: p.setLabel, count: sets.get(p.id)?.count ?? 0, points: sets.get(p.id)?.points ?? 0 })),
    inBank: inBank(section),
    inSubmission: distinct.get(section)?.size ?? 0,
  }));
}

/**
 * The difficulty gap stated in the 编制说明: the assembler bounds the sum of estimated p per set; the
 * province reads a mean. The stated bound is that mean gap rounded up to a round figure (0.001 at least),
 * so the sentence is true and does not read as program output.
 */
function meanGapBound(deviation: number, itemsPerSet: number): string {
  const mean = itemsPerSet > 0 ? deviation / itemsPerSet : deviation;
  const bound = Math.max(0.001, Math.ceil(mean * 1000) / 1000);
  return formatNumber(bound);
}

export function compilationNoteData(ctx: ServiceContext, src: SubmissionSource): CompilationNoteData {
  const { bank, notes, table } = src;
  const occupation = findOccupation(bank.occupationCode);
  const stats = elementTableStats(table);
  const eligible = countEligible(ctx.db, bank.id);
  const inBank = (type: string) => eligible[type] ?? 0;
  const level = src.practical?.levels.find((l) => l.level === bank.level);
  const theoryRun = src.theory[0] === undefined ? undefined : getRun(ctx.db, src.theory[0].runId);
  const settings = (theoryRun?.settings ?? {}) as { overlap?: number; tolerance?: number };
  const result = (theoryRun?.result ?? {}) as { deviation?: number; structure?: unknown; blueprint?: { bands?: number[] | null } };
  // The structure the sets were drawn for; the bank's current one for runs that did not record it.
  const recorded = theoryStructureSchema.safeParse(result.structure);
  const structure = recorded.success ? recorded.data : src.theoryStructure;
  const bands = result.blueprint?.bands;
  const sections = sortedSections(structure);
  return {
    header: src.header,
    occupation: {
      definition: notes.definition,
      levels: (occupation?.levels ?? []).map((l) => levelName(l)),
      levelsSource: documentsMessages.levelsSource,
      tracks: occupation?.tracks.map((t) => t.name) ?? [],
    },
    basis: {
      standard: citedStandard(standardEdition(bank.occupationName, notes)),
      other: notes.otherBasis,
    },
    structure: {
      elements: stats.elements,
      importance: stats.counts,
      topScopes: stats.scopes.filter((s) => s.depth === 1).map((s) => ({ code: s.path, name: s.name, weight: s.weight, elements: s.total })),
      practicalModules: (level?.entries ?? []).map((e) => ({
        code: e.module,
        name: src.practical?.modules.find((m) => m.code === e.module)?.name ?? e.module,
        mode: e.mode,
        weight: e.weight,
        minutes: e.minutes,
      })),
    },
    counts: {
      theory: countRows(ctx, src.theory, (section) => section, (t) => theoryItemTypeNames[t as TheoryItemType] ?? t, inBank),
      practical: countRows(ctx, src.practicalSets, () => 'practical', () => itemsMessages.practicalItems, inBank)[0] ?? null,
      comprehensive: countRows(ctx, src.comprehensive, () => 'comprehensive', () => itemsMessages.comprehensiveItems, inBank)[0] ?? null,
      theorySets: src.theory.length,
      practicalSets: src.practicalSets.length,
    },
    paper: {
      theorySections: sections.map((s) => ({ type: theoryItemTypeNames[s.type], count: s.count, pointsEach: s.pointsEach })),
      theoryMinutes: src.theory[0]?.minutes ?? structure.minutes,
      practicalMinutes: src.practicalSets[0]?.minutes ?? 0,
      overlap: (settings.overlap ?? 0) === 0 ? documentsMessages.noOverlap : documentsMessages.overlap(settings.overlap ?? 0),
      difficulty: documentsMessages.difficulty(bands ? bands.join('：') : undefined, meanGapBound(result.deviation ?? 0, sections.reduce((n, x) => n + x.count, 0))),
    },
    organisation: { team: src.people.team, reviewers: src.people.experts, process: notes.process },
    secrecyMeasures: notes.secrecyMeasures,
    date: chineseDate(ctx.now()),
  };
}

