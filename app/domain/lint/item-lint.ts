/**
 * Quality lint of one theory item or practical task: the findings an item writer sees next to the
 * item. Unlike the schemas (theory-item.ts, practical-task.ts), which refuse data that cannot be
 * stored, these rules judge items that are already well-formed against the item-writing rules
 * (命题技术标准; 判断题「正文一律完全陈述句，句尾句号」, design/domain-formats.md §3) and common
 * item-writing practice. Every finding has a stable rule id (the keys of the rule-title tables in
 * ./messages.ts), a severity and a Chinese field name and message.
 *
 * Conventions chosen here, in one place:
 * - Emphasis of negative wording: the negative word is put inside 「」, e.g. `下列说法中「不正确」的是（ ）。`
 *   “” is not accepted as emphasis because item writers use it to quote literals (`螺纹标记“M16×1.5-7H”`).
 * - Text comparison (duplicates, option inside stem) uses Unicode NFKC (full-width → half-width),
 *   drops all white space; letter case is kept (基准孔 H and 基准轴 h are different answers): `toCompact`.
 * - Visual length (key-longest): a character counts 1, a half-width ASCII character 0.5.
 */
import { classificationGaps, OPTION_LETTERS, type TheoryItem } from '../theory-item.js';
import type { PracticalTask } from '../practical-task.js';
import { sumPoints } from '../rubric.js';
import { toCompact } from '../text/normalise.js';
import { labelPath } from '../validation.js';
import {
  itemLintMessages as M,
  practicalLintMessages as P,
  type practicalTaskRuleTitles,
  type theoryItemRuleTitles,
} from './messages.js';

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintFinding {
  /** Stable id of the rule, e.g. `key-longest`. */
  readonly rule: string;
  readonly severity: LintSeverity;
  /** Chinese field name, e.g. `选项C`; empty for the whole item. */
  readonly field: string;
  /** Chinese message. */
  readonly message: string;
}

export type TheoryItemRule = keyof typeof theoryItemRuleTitles;
export type PracticalTaskRule = keyof typeof practicalTaskRuleTitles;

export interface TheoryLintContext {
  /** Full codes (`A-B-C-001`) of the 鉴定点 of the bank's 细目表. */
  readonly elementCodes: ReadonlySet<string>;
  /** SHA-256 of the images the bank holds; when absent, image references are not checked. */
  readonly imagesPresent?: ReadonlySet<string>;
}

export interface PracticalLintContext {
  /** Codes of the 职业功能 of the 技能考核内容结构表. */
  readonly moduleCodes: ReadonlySet<string>;
}

/** Limits of the item rules, exported so that reports and tests name the same numbers. */
export const ITEM_LINT_LIMITS = {
  stemMaxChars: 150,
  stemMinChars: 8,
  singleOptions: 4,
  multipleOptions: { min: 4, max: 5 },
  /** The key is "clearly" longest when it is ≥ 1.25 × the longest distractor and ≥ 2 characters longer. */
  keyLongestRatio: 1.25,
  keyLongestMinDiff: 2,
  /** An option repeating stem text is flagged only from this visual length on (short terms like `30°` recur legitimately). */
  repeatMinLength: 4,
} as const;

/** Negative words that must be emphasised in a choice stem (命题 practice: 否定词加着重号). */
export const NEGATIVE_WORDS = ['不是', '不正确', '不属于', '不能', '不应', '不得', '没有', '无关', '错误', '不'] as const;

/**
 * Words with 不 or 没 in them that are words of their own, not a negation of the statement, and need no
 * emphasis: terms (不锈钢, 不对称, 不通孔, 不加工表面), limits (不大于, 不超过), connectives (不仅, 不论),
 * and words in which 没 means “sink, cover” (淹没, 埋没) or 不 makes no negation of the question
 * (差不多, 不得不). A 不 or 没 inside one of them is not flagged (`negationAt`).
 */
export const NOT_NEGATION_WORDS = [
  // terms: the property is the thing named
  ...['锈', '对称', '平衡', '均匀', '规则', '连续', '稳定', '完全定位', '完全互换', '确定度', '合格品', '良', '干胶', '间断', '通孔', '加工', '去除', '可见', '透明'].map(
    (w) => `不${w}`,
  ),
  ...['同', '等', '变', '定'].map((w) => `不${w}`),
  // limits
  ...['大于', '小于', '少于', '多于', '超过', '低于', '高于', '足'].map((w) => `不${w}`),
  // connectives and adverbs
  ...['仅', '但', '论', '管', '久', '断', '然', '妨'].map((w) => `不${w}`),
  // 没 as “sink, cover”, and 不 that negates nothing of the question
  ...['淹没', '埋没', '沉没', '湮没', '吞没', '出没', '隐没', '差不多', '了不起', '对不起', '不得不'],
] as const;

/**
 * 错误 is a negation of the statement where it judges the answer (`下列说法错误的是`, `…是错误（ ）`), not where
 * it is a noun: the object of a verb (`出现错误时`, `纠正错误`) or a noun's attribute (`错误代码`, `错误操作`).
 */
const ERROR_OBJECT_OF = /(?:出现|发生|产生|纠正|改正|修正|避免|防止|排除|发现|存在|造成|导致|引起|减少|消除|检查|查找|找出|报告|提示|显示|犯)$/;
const ERROR_JUDGES = /^(?:的|是|为|之处|[（(_＿\s，,。；;：:？?！!]|$)/;

/** Positions of `text` inside one of the NOT_NEGATION_WORDS. */
function insideWords(text: string): boolean[] {
  const inside = new Array<boolean>(text.length).fill(false);
  for (const word of NOT_NEGATION_WORDS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) inside.fill(true, at, at + word.length);
  }
  return inside;
}

/** Whether the negative `word` found at `i` of `text` negates the statement (see NOT_NEGATION_WORDS). */
function negationAt(text: string, i: number, word: string, inside: readonly boolean[]): boolean {
  if (inside[i] === true) return false;
  if (word === '错误') return !ERROR_OBJECT_OF.test(text.slice(0, i)) && ERROR_JUDGES.test(text.slice(i + word.length));
  // A-不-A, A-没-A: a yes/no question (是不是, 能不能, 有没有), not a negation.
  const before = text[i - 1];
  if ((word.startsWith('不') || word.startsWith('没')) && before !== undefined && before === text[i + 1]) return false;
  return true;
}

const BLANK = /[（(][\s\u3000]*[)）]|_{2,}|＿{2,}/;
const EMPHASIS = /「[^「」]*」/g;
const ALL_OF_ABOVE = /以上(?:都|均|全|皆|各项|几项|说法|答案|选项|[二三四五]项)|^(?:都对|都不对|全对|全错|都正确|都不正确)$/;
const QUESTION_START = ['是否', '哪'] as const;

/** Length as it appears on paper: half-width ASCII counts 0.5, every other character 1 (white space 0). */
export function visualLength(text: string): number {
  let n = 0;
  for (const ch of text.replace(/\s+/g, '')) n += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return n;
}

/** Characters of a stem as counted for its length limits (white space not counted). */
function stemLength(stem: string): number {
  return [...stem.replace(/\s+/g, '')].length;
}

/** Index of the strictly longest option (visual length), or null when two or more share the maximum. */
export function longestOptionIndex(options: readonly string[]): number | null {
  const lengths = options.map(visualLength);
  const max = Math.max(...lengths);
  const at = lengths.flatMap((l, i) => (l === max ? [i] : []));
  return at.length === 1 ? (at[0] ?? null) : null;
}

/** Whether a single-choice key is the (strictly) longest option — the bank-level statistic. */
export function keyIsLongest(item: TheoryItem): boolean {
  if (item.type !== 'singleChoice') return false;
  return longestOptionIndex(item.options) === OPTION_LETTERS.indexOf(item.key);
}

/** Whether a single-choice key is longer than every distractor by the clear margin of ITEM_LINT_LIMITS. */
export function keyIsClearlyLongest(item: TheoryItem): boolean {
  if (item.type !== 'singleChoice') return false;
  const k = OPTION_LETTERS.indexOf(item.key);
  const lengths = item.options.map(visualLength);
  const key = lengths[k];
  if (key === undefined) return false;
  const other = Math.max(...lengths.filter((_, i) => i !== k));
  return key >= other * ITEM_LINT_LIMITS.keyLongestRatio && key - other >= ITEM_LINT_LIMITS.keyLongestMinDiff;
}

/** Negative words of a stem outside 「」 emphasis (empty when every negation is emphasised). */
export function unemphasisedNegatives(stem: string): string[] {
  const plain = stem.replace(EMPHASIS, '「」');
  const inside = insideWords(plain);
  const found: string[] = [];
  for (let i = 0; i < plain.length; i++) {
    const rest = plain.slice(i);
    const word = NEGATIVE_WORDS.find((w) => rest.startsWith(w));
    if (word === undefined) continue;
    if (negationAt(plain, i, word, inside) && !found.includes(word)) found.push(word);
    i += word.length - 1;
  }
  return found;
}

type Finder = (rule: TheoryItemRule, severity: LintSeverity, path: readonly (string | number)[], message: string) => void;

function keyRules(item: TheoryItem, add: Finder): void {
  // A well-typed item has a valid key shape; items read back from storage or import are checked again.
  if (item.type === 'trueFalse') {
    if (typeof item.key !== 'boolean') add('key-invalid', 'error', ['key'], M.keyNotBoolean);
    return;
  }
  const key = String(item.key).trim().toUpperCase();
  if (item.type === 'singleChoice') {
    // 单选: one of A–D, and within the options actually given.
    const valid = OPTION_LETTERS.slice(0, Math.min(ITEM_LINT_LIMITS.singleOptions, item.options.length)) as readonly string[];
    if (!valid.includes(key)) add('key-invalid', 'error', ['key'], M.singleKeyInvalid(key, valid.at(-1) ?? 'A'));
    return;
  }
  const valid = OPTION_LETTERS.slice(0, item.options.length) as readonly string[];
  const last = valid.at(-1) ?? 'A';
  const letters = [...key];
  if (letters.some((l) => !/^[A-Z]$/.test(l))) {
    add('key-invalid', 'error', ['key'], M.multipleKeyNotLetters(key));
    return;
  }
  const distinct = new Set(letters);
  if (distinct.size < 2) add('key-invalid', 'error', ['key'], M.multipleKeyTooFew(key));
  const repeated = [...distinct].filter((l) => letters.indexOf(l) !== letters.lastIndexOf(l));
  if (repeated.length > 0) add('key-invalid', 'error', ['key'], M.multipleKeyRepeated(repeated.join('')));
  const outside = [...distinct].filter((l) => !valid.includes(l));
  if (outside.length > 0) add('key-invalid', 'error', ['key'], M.multipleKeyOutside(outside.join(''), last));
}

function optionRules(item: Exclude<TheoryItem, { type: 'trueFalse' }>, add: Finder): void {
  const n = item.options.length;
  const { singleOptions, multipleOptions } = ITEM_LINT_LIMITS;
  if (item.type === 'singleChoice' && n !== singleOptions) add('option-count', 'error', ['options'], M.singleOptionCount(n));
  if (item.type === 'multipleChoice' && (n < multipleOptions.min || n > multipleOptions.max))
    add('option-count', 'error', ['options'], M.multipleOptionCount(n));

  const normalised = item.options.map(toCompact);
  const stem = toCompact(item.stem);
  normalised.forEach((o, i) => {
    if (o === '') {
      add('option-empty', 'error', ['options', i], M.optionEmpty);
      return;
    }
    const first = normalised.indexOf(o);
    if (first !== i) add('option-duplicate', 'error', ['options', i], M.optionDuplicate(OPTION_LETTERS[first] ?? ''));
    const text = item.options[i] ?? '';
    if (visualLength(text) >= ITEM_LINT_LIMITS.repeatMinLength && stem.includes(o))
      add('option-repeats-stem', 'warning', ['options', i], M.optionRepeatsStem(text.trim()));
    if (ALL_OF_ABOVE.test(o)) add('option-all-of-above', 'warning', ['options', i], M.optionAllOfAbove);
  });

  if (item.type === 'singleChoice' && keyIsClearlyLongest(item)) add('key-longest', 'info', ['key'], M.keyLongest(item.key));
  if (!BLANK.test(item.stem)) add('answer-blank-missing', 'warning', ['stem'], M.answerBlankMissing);
  const negatives = unemphasisedNegatives(item.stem);
  if (negatives.length > 0) add('negative-not-emphasised', 'warning', ['stem'], M.negativeNotEmphasised(negatives.join('”“')));
}

/**
 * 判断题 rules (命题要求: 正文一律完全陈述句，句尾句号): no question mark, no question word at the start,
 * no answer brackets in the stem (the brackets are printed before the statement), a final 。.
 */
function trueFalseRules(stem: string, add: Finder): void {
  const s = stem.trim();
  if (/[？?]$/.test(s)) add('true-false-declarative', 'warning', ['stem'], M.trueFalseQuestion);
  const word = QUESTION_START.find((w) => s.startsWith(w));
  if (word !== undefined) add('true-false-declarative', 'warning', ['stem'], M.trueFalseQuestionWord(word));
  if (BLANK.test(s)) add('true-false-declarative', 'warning', ['stem'], M.trueFalseBlank);
  if (!/[？?]$/.test(s) && !s.endsWith('。')) add('true-false-declarative', 'warning', ['stem'], M.trueFalseNoFullStop);
}

/**
 * Findings of one theory item, in a fixed order: key, options, stem, binding, images.
 * Negative wording is checked in choice stems only: in a 判断题 the negation is the statement being
 * judged, not a twist in the question.
 */
export function lintTheoryItem(item: TheoryItem, context: TheoryLintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  const add: Finder = (rule, severity, path, message) => findings.push({ rule, severity, field: labelPath(path), message });

  keyRules(item, add);
  if (item.type === 'trueFalse') trueFalseRules(item.stem, add);
  else optionRules(item, add);

  const length = stemLength(item.stem);
  const { stemMaxChars, stemMinChars } = ITEM_LINT_LIMITS;
  if (length > stemMaxChars) add('stem-too-long', 'warning', ['stem'], M.stemTooLong(length, stemMaxChars));
  if (length < stemMinChars) add('stem-too-short', 'warning', ['stem'], M.stemTooShort(length, stemMinChars));

  // 待归类: imported without its 鉴定点 or 难度 (theory-item.ts); it stays in 草稿 until bound.
  const gaps = classificationGaps({ element: item.element ?? '', difficulty: item.difficulty });
  if (gaps.includes('element')) add('unbound', 'error', ['element'], M.unbound);
  if (gaps.includes('difficulty')) add('unbound', 'error', ['difficulty'], M.unrated);
  const element = (item.element ?? '').trim();
  if (element !== '' && !context.elementCodes.has(element)) add('element-unknown', 'error', ['element'], M.elementUnknown(element));

  if (context.imagesPresent) {
    const present = context.imagesPresent;
    (item.images ?? []).forEach((sha, i) => {
      if (!present.has(sha)) add('image-missing', 'error', ['images', i], M.imageMissing(sha));
    });
  }
  return findings;
}

/** `1.` `1、` `1）` `(1)` `（1）` `①` at the start of a requirement; the number, or null when unnumbered. */
export function requirementNumber(text: string): number | null {
  const raw = text.trim();
  const circled = raw.codePointAt(0) ?? 0;
  if (circled >= 0x2460 && circled <= 0x2473) return circled - 0x2460 + 1; // ①–⑳ (before NFKC, which turns them into digits)
  const arabic = /^(?:(\d{1,2})\s*[.、)]|\(\s*(\d{1,2})\s*\))/.exec(raw.normalize('NFKC'));
  return arabic ? Number(arabic[1] ?? arabic[2]) : null;
}

/** A deduction amount in a criterion: a number followed by 分 (`扣2分`, `扣0.5分`, `扣1～2分`). */
const DEDUCTION = /\d+(?:\.\d+)?\s*分/;

/**
 * Findings of one practical task: rubric points add up to the task's points, the 考场准备通知单 lists
 * something, every criterion names a deduction amount, requirements are numbered 1, 2, 3 …, the
 * time is given and the 职业功能 is one of the structure table's.
 */
export function lintPracticalTask(task: PracticalTask, context: PracticalLintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (rule: PracticalTaskRule, severity: LintSeverity, path: readonly (string | number)[], message: string) =>
    findings.push({ rule, severity, field: labelPath(path), message });

  if (!context.moduleCodes.has(task.module)) add('module-unknown', 'error', ['module'], P.moduleUnknown(task.module));
  if (!(typeof task.minutes === 'number' && Number.isFinite(task.minutes) && task.minutes > 0))
    add('minutes-missing', 'error', ['minutes'], P.minutesMissing);

  const total = sumPoints(task.rubric);
  if (Math.abs(total - task.points) > 1e-9) add('rubric-sum', 'error', ['rubric'], P.rubricSum(total, task.points));

  const site = task.siteNotice;
  const siteRows = site.equipment.length + site.tools.length + site.measuring.length + site.materials.length;
  if (siteRows === 0) add('site-notice-empty', 'warning', ['siteNotice'], P.siteNoticeEmpty);
  if (task.figureNote.trim() !== '' && task.images.length === 0) add('figure-missing', 'warning', ['images'], P.figureMissing);

  task.rubric.forEach((row, i) => {
    if (!DEDUCTION.test(row.criteria.normalize('NFKC'))) add('criteria-no-deduction', 'warning', ['rubric', i, 'criteria'], P.criteriaNoDeduction);
  });

  task.requirements.forEach((text, i) => {
    const n = requirementNumber(text);
    if (n === null) add('requirements-not-numbered', 'warning', ['requirements', i], P.requirementNotNumbered);
    else if (n !== i + 1) add('requirements-not-numbered', 'warning', ['requirements', i], P.requirementNumberOrder(n, i + 1));
  });
  return findings;
}
