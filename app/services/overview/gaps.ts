/**
 * The submission's gaps as the dashboard shows them: the same facts `documents.generate` gathers and
 * the same rule (`submissionGaps`, app/domain/submission/completeness.ts; the standard's edition by
 * `standardEdition`, app/domain/submission/standard.ts), each gap told where it is fixed — 组卷 (sets,
 * drafts), 题库授权 (team and reviewers) or 申报材料 (the notes). No rule is written here: a gap's place
 * is found by asking the rule about one group of facts at a time, the others set to what passes.
 */
import { MIN_REVIEWERS, submissionGaps, type SubmissionFacts } from '../../domain/submission/completeness.js';
import { notesFieldLabels } from '../../domain/submission/notes.js';
import { standardEdition } from '../../domain/submission/standard.js';
import { MIN_PARALLEL_SETS } from '../../domain/paper.js';
import type { Level } from '../../domain/level.js';
import { countEligible } from '../../store/repositories/items.js';
import type { BankContext } from '../banks/context.js';
import type { ServiceContext } from '../context.js';
import { bankPeople } from '../documents/gather.js';

/** Where a gap is fixed: a tab of the bank, or the 题库授权 page of the 安全保密管理员. */
export type GapPlace = 'assembly' | 'access' | 'documents';

/** The notes the 编制说明 prints as `（待填写）` when empty (as documents.generate lists them). */
const FREE_TEXT_NOTES = ['institution', 'definition', 'process', 'secrecyMeasures'] as const;

/** The facts of the bank's submission as it stands (no set needed: none counts as 0). */
export function submissionFacts(ctx: ServiceContext, bank: BankContext): SubmissionFacts {
  const people = bankPeople(ctx, bank.bank.id);
  const edition = standardEdition(bank.bank.occupationName, bank.notes);
  const all = [...bank.sets.theory, ...bank.sets.practical, ...bank.sets.comprehensive];
  return {
    level: bank.bank.level,
    theorySets: bank.sets.theory.length,
    practicalSets: bank.sets.practical.length,
    comprehensiveSets: bank.sets.comprehensive.length,
    comprehensiveItems: countEligible(ctx.db, bank.bank.id).comprehensive ?? 0,
    reviewers: people.experts.length,
    reviewersOnTeam: people.reviewersOnTeam,
    reviewersWithoutCategory: people.reviewersWithoutCategory,
    unlinkedMembers: people.unlinked,
    teamMembers: people.team.length,
    standardYearKnown: edition.year !== '',
    standardConflict: edition.conflict,
    blankTexts: FREE_TEXT_NOTES.filter((k) => bank.notes[k].trim() === '').map((k) => notesFieldLabels[k] ?? k),
    drafts: all.filter((p) => p.status === '草稿').length,
  };
}

/** Facts that pass every rule: the background against which one group is asked about. */
export function passingFacts(level: Level): SubmissionFacts {
  return {
    level,
    theorySets: MIN_PARALLEL_SETS,
    practicalSets: MIN_PARALLEL_SETS,
    comprehensiveSets: MIN_PARALLEL_SETS,
    comprehensiveItems: 1,
    reviewers: MIN_REVIEWERS,
    reviewersOnTeam: [],
    reviewersWithoutCategory: [],
    unlinkedMembers: [],
    teamMembers: 1,
    standardYearKnown: true,
    standardConflict: undefined,
    blankTexts: [],
    drafts: 0,
  };
}

/** Which facts belong to which place. */
export const GAP_GROUPS: Readonly<Record<GapPlace, readonly (keyof SubmissionFacts)[]>> = {
  assembly: ['theorySets', 'practicalSets', 'comprehensiveSets', 'comprehensiveItems', 'drafts'],
  access: ['reviewers', 'reviewersOnTeam', 'reviewersWithoutCategory', 'unlinkedMembers', 'teamMembers'],
  documents: ['standardYearKnown', 'standardConflict', 'blankTexts'],
};

export interface PlacedGap {
  readonly message: string;
  readonly place: GapPlace;
}

/** Every gap `submissionGaps` reports for these facts, in its order, each with the place it is fixed. */
export function placedGaps(facts: SubmissionFacts): PlacedGap[] {
  const base = passingFacts(facts.level);
  const byPlace = (Object.keys(GAP_GROUPS) as GapPlace[]).map((place) => {
    const only = { ...base, ...Object.fromEntries(GAP_GROUPS[place].map((k) => [k, facts[k]])) } as SubmissionFacts;
    return { place, gaps: submissionGaps(only) };
  });
  return submissionGaps(facts).map((message) => ({ message, place: byPlace.find((g) => g.gaps.includes(message))?.place ?? 'documents' }));
}
