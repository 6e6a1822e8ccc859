/**
 * What a sitting's answer sheet holds for one item, and how it is scored. A theory item is scored right
 * or wrong (its points or 0; a multiple-choice answer must be the key exactly, as the paper's 评分标准
 * says: 多选、少选、错选均不得分); a practical task carries the score the 考评员 gave, 0 … its points.
 * Responses are normalised first: letters upper-cased, de-duplicated and sorted (`dba` → `ABD`);
 * √/×, 对/错, 正确/错误, T/F, Y/N for true–false items; an empty cell is an omission.
 */
import { analysisMessages as m } from './messages.js';

export type ResponseKind = 'trueFalse' | 'singleChoice' | 'multipleChoice' | 'practical';

/** One item of the paper as the analysis sees it (its position, pinned version, key and points). */
export interface PaperItemKey {
  /** 1-based position in the paper (the column of the answer sheet). */
  readonly position: number;
  readonly itemId: number;
  readonly version: number;
  readonly kind: ResponseKind;
  /** Options that may be chosen: `A`…`E`, or `√`/`×`; none for a practical task. */
  readonly options: readonly string[];
  /** Normalised key (`A`, `ABD`, `√`); empty for a practical task. */
  readonly key: string;
  /** Points of the item in the paper (the score of a right answer, or a task's full marks). */
  readonly points: number;
}

/** A normalised response: the chosen options (`ABD`, `√`), a task's score, or null when omitted. */
export type Response = string | number | null;

const TRUE_WORDS = new Set(['√', '✓', '✔', '对', '正确', 'T', 'TRUE', 'Y', '是']);
const FALSE_WORDS = new Set(['×', '✗', '✘', 'X', '错', '错误', 'F', 'FALSE', 'N', '否']);

export type Normalised = { readonly ok: true; readonly response: Response } | { readonly ok: false; readonly reason: string };

/** Reads one cell of an answer sheet for `item`; a reason in Chinese when it does not fit. */
export function normaliseResponse(item: PaperItemKey, raw: string | number | null | undefined): Normalised {
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  if (text === '' || text === '-' || text === '—') return { ok: true, response: null };
  if (item.kind === 'practical') {
    const score = Number(text);
    if (!Number.isFinite(score) || score < 0 || score > item.points) return { ok: false, reason: m.badScore(text, item.points) };
    return { ok: true, response: score };
  }
  if (item.kind === 'trueFalse') {
    const word = text.toUpperCase();
    if (TRUE_WORDS.has(word)) return { ok: true, response: '√' };
    if (FALSE_WORDS.has(word)) return { ok: true, response: '×' };
    return { ok: false, reason: m.badTrueFalse(text) };
  }
  const letters = [...new Set(text.toUpperCase().replace(/[\s,，、]/g, ''))].sort();
  if (letters.some((l) => !item.options.includes(l))) return { ok: false, reason: m.badLetters(text, item.options) };
  if (item.kind === 'singleChoice' && letters.length !== 1) return { ok: false, reason: m.singleOnly(text) };
  return { ok: true, response: letters.join('') };
}

/** Points a normalised response earns. */
export function scoreResponse(item: PaperItemKey, response: Response): number {
  if (response === null) return 0;
  if (typeof response === 'number') return response;
  return response === item.key ? item.points : 0;
}

/** Whether a normalised response chose `option` (a multiple-choice answer may choose several). */
export function chose(response: Response, option: string): boolean {
  return typeof response === 'string' && (response === option || (option.length === 1 && response.length > 1 && response.includes(option)));
}
