/**
 * What a submission still lacks by the rules (附件6 三, 四): said loudly when the documents are
 * generated, so that nobody sends a folder the province would reject. Pure; the service gathers the facts.
 */
import type { Level } from '../level.js';
import { MIN_PARALLEL_SETS as MIN_SETS } from '../paper.js';

export const MIN_REVIEWERS = 5;

/** Whether a standard's title already names its edition, e.g. `《制图员国家职业技能标准》（2019年版）`. */
export function namesEdition(title: string): boolean {
  return /\d{4}\s*年/.test(title);
}

export interface SubmissionFacts {
  readonly level: Level;
  readonly theorySets: number;
  readonly practicalSets: number;
  readonly comprehensiveSets: number;
  /** Internal reviewers of the bank (not on the development team). */
  readonly reviewers: number;
  /** The national standard's edition year is known (in the title or the notes). */
  readonly standardYearKnown: boolean;
  /** Sets still in draft. */
  readonly drafts: number;
}

const M = {
  sets: (kind: string, n: number) => `${kind}只有 ${String(n)} 套，附件6 要求每职业（工种）每级别不少于 ${String(MIN_SETS)} 套`,
  comprehensive: '二级/技师、一级/高级技师须进行综合评审，本题库还没有综合评审试卷（qbank assemble --kind comprehensive）',
  reviewers: (n: number) => `内部审核专家只有 ${String(n)} 名，附件6 要求不少于 ${String(MIN_REVIEWERS)} 名（方法专家、内容专家、实际工作专家，均不属开发组）`,
  standardYear: '编制说明引用的国家职业技能标准没有版本年份（qbank documents notes 填写 standardYear）',
  drafts: (n: number) => `${String(n)} 份试卷尚未审定（草稿），报送前须审定`,
} as const;

/** Every gap, in Chinese, most serious first; [] when the submission is complete by these rules. */
export function submissionGaps(f: SubmissionFacts): string[] {
  const gaps: string[] = [];
  if (f.theorySets < MIN_SETS) gaps.push(M.sets('理论知识试卷', f.theorySets));
  if (f.practicalSets < MIN_SETS) gaps.push(M.sets('技能考核试卷', f.practicalSets));
  if (f.level <= 2 && f.comprehensiveSets < MIN_SETS) gaps.push(f.comprehensiveSets === 0 ? M.comprehensive : M.sets('综合评审试卷', f.comprehensiveSets));
  if (f.reviewers < MIN_REVIEWERS) gaps.push(M.reviewers(f.reviewers));
  if (!f.standardYearKnown) gaps.push(M.standardYear);
  if (f.drafts > 0) gaps.push(M.drafts(f.drafts));
  return gaps;
}
