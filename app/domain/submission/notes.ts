/**
 * The free-text parts of a bank's submission that the data cannot supply: the institution, the
 * occupation's definition, the 编制依据 (standard and year), the development process, the 保密措施,
 * and the internal review's checklist, conclusion and opinion (until the digital review exists).
 * Stored with the bank and edited by its 题库管理员; every field has a sensible default.
 */
import { z } from 'zod';
import { labelPath, type Problem } from '../validation.js';
import { standardEdition, standardMessages } from './standard.js';

export const REVIEW_RESULTS = ['', '符合', '基本符合', '不符合'] as const;
export const REVIEW_CONCLUSIONS = ['', '通过', '修改后通过', '不通过'] as const;

const M = {
  /** The bad value and the values allowed (the key is named by the field label). */
  notOneOf: (value: unknown, allowed: readonly string[]) =>
    `“${typeof value === 'string' ? value : JSON.stringify(value)}”不是可用的值；可用：${allowed.filter((v) => v !== '').join('、')}，或留空（""，手写填）`,
  year: (value: unknown) => `“${String(value)}”不是四位数字的年份（如 2019），标准年份应为四位数字；不知道时留空（""）`,
  unknownKey: (key: string, known: readonly string[]) => `没有这一项（键名“${key}”）；可填的键：${known.join('、')}`,
} as const;

/** One of a fixed list; the message names the bad value and lists the good ones. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => M.notOneOf(issue.input, values) });

/** What internal review panels check (design/domain-formats.md §8). */
export const DEFAULT_REVIEW_CHECKLIST = [
  '理论知识考核要素细目表、技能考核内容结构表与国家职业技能标准的一致性',
  '试题对鉴定点的覆盖，各套试卷的结构、题量、分值与难度',
  '试题内容的科学性、准确性与表述的规范性',
  '标准答案的准确性',
  '评分标准的合理性与可操作性',
  '试题无政治性、知识产权问题，符合保密要求',
] as const;

export const DEFAULT_SECRECY_MEASURES =
  '题库开发、组卷和排版在物理隔离的涉密专用计算机上进行，计算机不连接互联网和局域网，不使用无线键盘、鼠标；' +
  '试题和答案按机密级管理，数据库加密存储，存储和备份只使用标明密级的光盘，不使用U盘等移动存储介质；' +
  '试题的调阅、组卷、销毁和存档均登记在案，审计日志不可篡改；全体参与人员均已签订保密责任书，' +
  '参与命题的人员不参加相关职业（工种）的培训和考前辅导（人社鉴发〔2010〕2号）。';

export const submissionNotesSchema = z.object({
  /** 单位 that develops the bank (signs the 编制说明). */
  institution: z.string().trim().max(100).default(''),
  /** 职业定义, as the 国家职业技能标准 words it. */
  definition: z.string().trim().max(1000).default(''),
  /** `《制图员国家职业技能标准》（2019年版）`; '' = built from the occupation's name. */
  standard: z.string().trim().max(200).default(''),
  /** Year of that standard, printed in the papers' 注意事项. */
  standardYear: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/, { error: (issue) => M.year(issue.input) })
    .default(''),
  otherBasis: z.string().trim().max(1000).default(''),
  /** 开发过程: dates, meetings, who did what. */
  process: z.string().trim().max(3000).default(''),
  secrecyMeasures: z.string().trim().max(3000).default(DEFAULT_SECRECY_MEASURES),
  reviewChecklist: z
    .array(z.object({ item: z.string().trim().min(1).max(200), result: oneOf(REVIEW_RESULTS).default('') }))
    .max(30)
    .default(DEFAULT_REVIEW_CHECKLIST.map((item) => ({ item, result: '' as const }))),
  reviewConclusion: oneOf(REVIEW_CONCLUSIONS).default(''),
  reviewOpinion: z.string().trim().max(3000).default(''),
  /** 审核组长 named on the review form; '' = left blank to fill by hand. */
  reviewLeader: z.string().trim().max(50).default(''),
  /** Which internal review the form records: 1 for the first, 2 after a revision, …. */
  reviewRound: z.number().int().min(1).max(99).default(1),
});
export type SubmissionNotes = z.output<typeof submissionNotesSchema>;

/** The keys of the notes as the JSON file names them, with what each is (for messages naming a key). */
export const notesFieldLabels: Readonly<Record<string, string>> = {
  institution: 'institution（开发单位）',
  definition: 'definition（职业定义）',
  standard: 'standard（国家职业技能标准名称）',
  standardYear: 'standardYear（标准年份）',
  otherBasis: 'otherBasis（其他编制依据）',
  process: 'process（开发过程）',
  secrecyMeasures: 'secrecyMeasures（保密措施）',
  reviewChecklist: 'reviewChecklist（审核内容）',
  item: 'item（审核内容）',
  result: 'result（审核结论）',
  reviewConclusion: 'reviewConclusion（审核结论）',
  reviewOpinion: 'reviewOpinion（审核意见）',
  reviewLeader: 'reviewLeader（审核组长）',
  reviewRound: 'reviewRound（审核次数）',
};

const noteProblem = (path: readonly (string | number)[], message: string): Problem => ({ severity: 'error', path, field: labelPath(path, notesFieldLabels), message });

export const NOTE_KEYS = Object.keys(submissionNotesSchema.shape) as readonly (keyof SubmissionNotes)[];

/** Keys of a notes file that are not notes (a typo would otherwise be dropped without a word). */
export function unknownNoteKeys(input: Readonly<Record<string, unknown>>): Problem[] {
  return Object.keys(input)
    .filter((k) => !(NOTE_KEYS as readonly string[]).includes(k))
    .map((k) => noteProblem([k], M.unknownKey(k, NOTE_KEYS)));
}

/** Rules across the fields of saved notes: the standard's title and year name one edition. */
export function notesRules(notes: SubmissionNotes): Problem[] {
  const conflict = standardEdition('', notes).conflict;
  return conflict === undefined ? [] : [noteProblem(['standardYear'], standardMessages.conflict(conflict[0], conflict[1]))];
}
