/**
 * Which secrecy mark each class of output carries — one policy table, with the rule it follows.
 *
 * 人社鉴发〔2010〕2号 第四条 says two things: 试题和答案 are 机密级国家秘密; the 题库 itself is 工作秘密.
 * So only what holds items or answers carries the bank's mark (机密★启用前 by default, from its
 * `secrecy`); documents about the bank that hold no item and no answer are 工作秘密; what candidates
 * receive before the sitting carries no mark at all — a 机密 mark on a notice that is handed out in
 * advance is either false or forbids the handing out. The defaults, argued per class:
 * - 理论知识试卷, 标准答案, 技能考核试题, 评分标准及评分记录表, 综合评审试题: items and answers → bank mark (第四条).
 * - 考场准备通知单: goes to the exam site's staff before the sitting; names equipment and materials, not
 *   the task itself → 工作秘密 (part of the bank, 第四条 second sentence).
 * - 考生准备通知单: handed to candidates in advance (附件6 三(三) lists it beside the 试题 as its own
 *   document) → no mark.
 * - 细目表 and 内容结构表, 编制说明, 审核意见: describe the bank (its structure and figures), no items → 工作秘密.
 * - 开发组成员名单: who wrote the bank must not reach candidates or trainers (规程 第十五条 回避) → 工作秘密.
 * The 安全保密管理员 may change any class (policy `output.marking`, logged in the 权限 register).
 */
import { z } from 'zod';
import { secrecyMark, type Secrecy } from '../secrecy.js';

export const DOCUMENT_CLASSES = [
  'theoryPaper',
  'answerKey',
  'practicalPaper',
  'scoreSheet',
  'comprehensivePaper',
  'siteNotice',
  'candidateNotice',
  'elementTables',
  'compilationNote',
  'reviewOpinion',
  'teamList',
] as const;
export type DocumentClass = (typeof DOCUMENT_CLASSES)[number];

/** `bank`: the bank's own mark (机密★启用前 …); `work`: 工作秘密; `none`: unmarked. */
export const MARKINGS = ['bank', 'work', 'none'] as const;
export type Marking = (typeof MARKINGS)[number];

export const documentClassNames: Readonly<Record<DocumentClass, string>> = {
  theoryPaper: '理论知识试卷',
  answerKey: '标准答案与评分标准',
  practicalPaper: '技能考核试题',
  scoreSheet: '评分标准及评分记录表',
  comprehensivePaper: '综合评审试题',
  siteNotice: '考场准备通知单',
  candidateNotice: '考生准备通知单',
  elementTables: '考核要素细目表与内容结构表',
  compilationNote: '题库编制说明',
  reviewOpinion: '题库内部审核意见',
  teamList: '题库开发组成员名单',
};

export const markingNames: Readonly<Record<Marking, string>> = { bank: '按题库密级（机密★启用前）', work: '工作秘密', none: '不标密' };

/** The defaults and the clause each follows (see the header comment for the argument). */
export const DEFAULT_MARKING: Readonly<Record<DocumentClass, { readonly marking: Marking; readonly basis: string }>> = {
  theoryPaper: { marking: 'bank', basis: '规程第四条：试题属于机密级国家秘密' },
  answerKey: { marking: 'bank', basis: '规程第四条：答案属于机密级国家秘密' },
  practicalPaper: { marking: 'bank', basis: '规程第四条：试题属于机密级国家秘密' },
  scoreSheet: { marking: 'bank', basis: '规程第四条：评分标准即答案' },
  comprehensivePaper: { marking: 'bank', basis: '规程第四条：试题和评分标准属于机密级国家秘密' },
  siteNotice: { marking: 'work', basis: '规程第四条：题库属于工作秘密；考前发给考场，不含试题本身' },
  candidateNotice: { marking: 'none', basis: '附件6 三(三)：考前发给考生的通知单，不含试题' },
  elementTables: { marking: 'work', basis: '规程第四条：题库属于工作秘密；不含试题和答案' },
  compilationNote: { marking: 'work', basis: '规程第四条：题库属于工作秘密；不含试题和答案' },
  reviewOpinion: { marking: 'work', basis: '规程第四条：题库属于工作秘密' },
  teamList: { marking: 'work', basis: '规程第十五条：命题人员须回避，名单不得外传' },
};

/** The overrides the 安全保密管理员 has set: only classes that differ from the default need a key. */
export const markingPolicySchema = z.partialRecord(z.enum(DOCUMENT_CLASSES), z.enum(MARKINGS));
export type MarkingPolicy = z.output<typeof markingPolicySchema>;

export function markingOf(cls: DocumentClass, policy: MarkingPolicy = {}): Marking {
  return policy[cls] ?? DEFAULT_MARKING[cls].marking;
}

/** The text printed on the document: `机密★启用前`, `工作秘密` or '' (no mark). */
export function markText(cls: DocumentClass, secrecy: Secrecy, policy: MarkingPolicy = {}): string {
  const marking = markingOf(cls, policy);
  if (marking === 'bank') return secrecyMark(secrecy);
  return marking === 'work' ? '工作秘密' : '';
}
