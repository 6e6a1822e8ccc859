/**
 * What a submission still lacks by the rules (附件6 三, 四): said loudly when the documents are
 * generated, so that nobody sends a folder the province would reject — and refused outright with
 * `--strict`. Pure; the service gathers the facts.
 */
import { needsComprehensiveReview, type Level } from '../level.js';
import { MIN_PARALLEL_SETS as MIN_SETS } from '../paper.js';

export { namesEdition } from './standard.js';

export const MIN_REVIEWERS = 5;

/** The 鉴定方式 of a level: 理论知识考试 and 技能考核, and 综合评审 for 二级/技师 and 一级/高级技师 (附件6 三(三)). */
export type AssessmentMethod = 'theory' | 'practical' | 'comprehensive';

export const assessmentMethodNames: Readonly<Record<AssessmentMethod, string>> = { theory: '理论知识考试', practical: '技能考核', comprehensive: '综合评审' };

export function assessmentMethods(level: Level): readonly AssessmentMethod[] {
  return needsComprehensiveReview(level) ? ['theory', 'practical', 'comprehensive'] : ['theory', 'practical'];
}

/** `理论知识考试、技能考核和综合评审`, `理论知识考试和技能考核`. */
export function assessmentMethodsText(level: Level): string {
  const names = assessmentMethods(level).map((m) => assessmentMethodNames[m]);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join('、')}和${names.at(-1) ?? ''}`;
}

export interface SubmissionFacts {
  readonly level: Level;
  readonly theorySets: number;
  readonly practicalSets: number;
  readonly comprehensiveSets: number;
  /** 综合评审 items of the bank that may be assembled (入库). */
  readonly comprehensiveItems: number;
  /** Experts in the review table: reviewers of the bank with an 专家类别, not on the development team. */
  readonly reviewers: number;
  /** Reviewers of the bank who are also its 题库管理员 or 命题人员 (names). */
  readonly reviewersOnTeam: readonly string[];
  /** Reviewers of the bank registered without an 专家类别 (names): left out of the review table. */
  readonly reviewersWithoutCategory: readonly string[];
  /** Accounts of the bank's members not linked to a registered person (usernames): on no list. */
  readonly unlinkedMembers: readonly string[];
  /** Members of the 题库开发组 list. */
  readonly teamMembers: number;
  /** The national standard's edition year is known (in the title or the notes). */
  readonly standardYearKnown: boolean;
  /** The standard's title and the notes' year name different editions: [title's year, notes' year]. */
  readonly standardConflict?: readonly [string, string] | undefined;
  /** Free-text parts of the 编制说明 still empty, printed as `（待填写：…）` (e.g. `definition（职业定义）`). */
  readonly blankTexts?: readonly string[];
  /** Sets still in draft. */
  readonly drafts: number;
}

const M = {
  sets: (kind: string, n: number) => `${kind}只有 ${String(n)} 套，附件6 要求每职业（工种）每级别不少于 ${String(MIN_SETS)} 套`,
  noComprehensiveItems:
    '二级/技师、一级/高级技师须进行综合评审（鉴定方式为理论知识考试、技能考核和综合评审），本题库没有入库的综合评审试题，申报材料缺“综合评审试题”一部分（先录入并审核入库综合评审试题）',
  comprehensive: '二级/技师、一级/高级技师须进行综合评审，本题库还没有综合评审试卷（qbank assemble --kind comprehensive）',
  noReviewers: `内部审核专家名单为空：审核意见和编制说明的专家表没有一个人，附件6 要求不少于 ${String(MIN_REVIEWERS)} 名（方法专家、内容专家、实际工作专家，均不属开发组；qbank access grant <题库> <用户名> reviewer，人员须登记专家类别）`,
  reviewers: (n: number) => `内部审核专家只有 ${String(n)} 名，附件6 要求不少于 ${String(MIN_REVIEWERS)} 名（方法专家、内容专家、实际工作专家，均不属开发组）`,
  onTeam: (names: readonly string[]) =>
    `审核专家 ${names.join('、')} 同时是本题库的题库管理员或命题人员，附件6 要求内部审核专家不属开发组；已只列入开发组名单，未计入审核专家`,
  withoutCategory: (names: readonly string[]) =>
    `审核专家 ${names.join('、')} 没有登记专家类别（方法专家、内容专家、实际工作专家），未列入专家表（qbank people update <人员编号> --expert-role 内容专家）`,
  unlinked: (names: readonly string[]) => `题库成员账号 ${names.join('、')} 没有关联涉密人员登记，不在开发组名单或专家表中（qbank accounts link <用户名> <人员编号>）`,
  noTeam: '题库开发组成员名单为空（题库管理员、命题人员的账号须关联涉密人员登记：qbank accounts link）',
  standardYear: '编制说明引用的国家职业技能标准没有版本年份（qbank documents notes 填写 standardYear）',
  standardConflict: (inTitle: string, inNotes: string) =>
    `国家职业技能标准的名称写的是 ${inTitle} 年版，standardYear 却是 ${inNotes}：编制说明和试卷按名称中的 ${inTitle} 年印出（qbank documents notes 改正其一）`,
  blankTexts: (parts: readonly string[]) => `编制说明的 ${parts.join('、')} 没有填写，文件中印着“（待填写）”（qbank documents notes --file 说明.json 填写）`,
  drafts: (n: number) => `${String(n)} 份试卷尚未审定（草稿），报送前须审定`,
} as const;

/** Every gap, in Chinese, most serious first; [] when the submission is complete by these rules. */
export function submissionGaps(f: SubmissionFacts): string[] {
  const gaps: string[] = [];
  if (f.theorySets < MIN_SETS) gaps.push(M.sets('理论知识试卷', f.theorySets));
  if (f.practicalSets < MIN_SETS) gaps.push(M.sets('技能考核试卷', f.practicalSets));
  if (needsComprehensiveReview(f.level)) {
    if (f.comprehensiveItems === 0 && f.comprehensiveSets === 0) gaps.push(M.noComprehensiveItems);
    else if (f.comprehensiveSets < MIN_SETS) gaps.push(f.comprehensiveSets === 0 ? M.comprehensive : M.sets('综合评审试卷', f.comprehensiveSets));
  }
  if (f.reviewers === 0) gaps.push(M.noReviewers);
  else if (f.reviewers < MIN_REVIEWERS) gaps.push(M.reviewers(f.reviewers));
  if (f.reviewersOnTeam.length > 0) gaps.push(M.onTeam(f.reviewersOnTeam));
  if (f.reviewersWithoutCategory.length > 0) gaps.push(M.withoutCategory(f.reviewersWithoutCategory));
  if (f.teamMembers === 0) gaps.push(M.noTeam);
  if (f.unlinkedMembers.length > 0) gaps.push(M.unlinked(f.unlinkedMembers));
  if (!f.standardYearKnown) gaps.push(M.standardYear);
  if (f.standardConflict !== undefined) gaps.push(M.standardConflict(f.standardConflict[0], f.standardConflict[1]));
  if (f.blankTexts !== undefined && f.blankTexts.length > 0) gaps.push(M.blankTexts(f.blankTexts));
  if (f.drafts > 0) gaps.push(M.drafts(f.drafts));
  return gaps;
}
