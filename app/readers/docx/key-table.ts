/**
 * The key table of a Word document (参考答案 / 标准答案 after the items): `1.B 2.C …`, `1-5 BCADA`,
 * `1～3 ABD AC BC`, or a table of a 题号 row over an 答案 row, per 题型 section or for the whole paper;
 * each answer is given to its item by section and number.
 */
import { problem, type Problem } from '../../domain/validation.js';
import { itemReaderMessages as msg } from '../items/messages.js';
import type { Draft } from './item-draft.js';
import type { Section } from './item-layout.js';

/** One answer of the key table. */
export interface KeyEntry {
  section: Section | undefined;
  /** The section of items above the key table this answer is in (for keys given after each section). */
  context?: Section | undefined;
  number: number;
  text: string;
  paragraph: number;
}

export const KEY_TOKEN_RE = /(\d{1,4})\s*[-~～—–]\s*(\d{1,4})|(\d{1,4})|([A-E]+|[√×✓✗✔✘╳X]+|正确|错误|对|错)/g;

export interface KeyTableState {
  section: Section | undefined;
  /** The section of items above the current key table. */
  context: Section | undefined;
  pendingNumbers: { numbers: number[]; paragraph: number } | undefined;
  entries: KeyEntry[];
  problems: Problem[];
}

/** Single answers written in groups of equal length (`1-10 BCADA BCADA`, the last group may be shorter). */
function isGrouped(answers: readonly string[]): boolean {
  const size = [...(answers[0] ?? '')].length;
  return answers.length >= 2 && size >= 3 && answers.every((a, i) => (i < answers.length - 1 ? [...a].length === size : [...a].length <= size));
}

/** Reads one line of the key table (`m`, half-width) into entries. */
export function keyTableLine(state: KeyTableState, m: string, paragraph: number): void {
  const upper = m.toUpperCase().replace(/题号|答案/g, ' ');
  type Token = { kind: 'range'; from: number; to: number } | { kind: 'number'; n: number } | { kind: 'answer'; text: string };
  const tokens: Token[] = [];
  for (const t of upper.matchAll(KEY_TOKEN_RE)) {
    if (t[1] !== undefined && t[2] !== undefined) tokens.push({ kind: 'range', from: Number(t[1]), to: Number(t[2]) });
    else if (t[3] !== undefined) tokens.push({ kind: 'number', n: Number(t[3]) });
    else if (t[4] !== undefined) tokens.push({ kind: 'answer', text: t[4] });
  }
  if (tokens.length === 0) return;
  // A 题号 row of a key table, the answers come on the next row.
  if (tokens.every((t) => t.kind === 'number') && tokens.length >= 2) {
    state.pendingNumbers = { numbers: tokens.map((t) => (t.kind === 'number' ? t.n : 0)), paragraph };
    return;
  }
  const pending = state.pendingNumbers;
  state.pendingNumbers = undefined;
  if (pending && tokens.every((t) => t.kind === 'answer') && tokens.length === pending.numbers.length) {
    pending.numbers.forEach((n, i) => {
      const t = tokens[i];
      if (t?.kind === 'answer') state.entries.push({ section: state.section, context: state.context, number: n, text: t.text, paragraph });
    });
    return;
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'number') {
      const next = tokens[i + 1];
      if (next?.kind === 'answer') {
        state.entries.push({ section: state.section, context: state.context, number: t.n, text: next.text, paragraph });
        i++;
      }
    } else if (t.kind === 'range') {
      const answers: string[] = [];
      while (tokens[i + 1]?.kind === 'answer') answers.push((tokens[++i] as { text: string }).text);
      const size = t.to - t.from + 1;
      let split: string[] | undefined;
      if (answers.length === size) split = answers;
      else if (answers.length === 1 && [...(answers[0] as string)].length === size) split = [...(answers[0] as string)];
      else if (isGrouped(answers) && [...answers.join('')].length === size) split = [...answers.join('')];
      if (size < 1 || split === undefined) {
        state.problems.push(problem([], msg.keyCountMismatch(paragraph, t.from, t.to)));
        continue;
      }
      split.forEach((text, k) => state.entries.push({ section: state.section, context: state.context, number: t.from + k, text, paragraph }));
    }
  }
}

/** Gives each draft its key-table answer: by section when the table has 题型 headings, else by number. */
export function applyKeyTable(drafts: readonly Draft[], entries: readonly KeyEntry[], problems: Problem[]): void {
  if (entries.length === 0) return;
  const bySection = new Map<number, Map<number, Draft>>();
  for (const d of drafts) {
    const s = d.section?.ordinal ?? -1;
    if (!bySection.has(s)) bySection.set(s, new Map());
    const m = bySection.get(s) as Map<number, Draft>;
    if (!m.has(d.number)) m.set(d.number, d);
  }
  const itemSections = [...bySection.keys()];
  const target = new Map<KeyEntry, Draft | undefined>();
  const numbers = drafts.map((d) => d.number);
  const byNumber = new Set(numbers).size === numbers.length ? new Map(drafts.map((d) => [d.number, d])) : undefined;

  if (entries.some((e) => e.section !== undefined)) {
    // Key sections matched to item sections of the same 题型 (or word), in order.
    const used = new Map<string, number>();
    const sectionFor = new Map<number, number | undefined>();
    for (const e of entries) {
      const ks = e.section;
      if (ks === undefined || sectionFor.has(ks.ordinal)) continue;
      const kind = ks.type === 'unsupported' ? ks.word : ks.type;
      const k = used.get(kind) ?? 0;
      used.set(kind, k + 1);
      const candidates = itemSections.filter((s) => {
        const d = [...(bySection.get(s)?.values() ?? [])][0];
        const is = d?.section;
        return is !== undefined && (is.type === 'unsupported' ? is.word : is.type) === kind;
      });
      sectionFor.set(ks.ordinal, candidates[k]);
    }
    for (const e of entries) {
      const s = e.section === undefined ? undefined : sectionFor.get(e.section.ordinal);
      // A key section without a matching item section (the items have no headings): numbers decide.
      target.set(e, (s === undefined ? undefined : bySection.get(s)?.get(e.number)) ?? byNumber?.get(e.number));
    }
  } else {
    if (byNumber !== undefined) {
      for (const e of entries) target.set(e, byNumber.get(e.number));
    } else {
      // Numbering restarts in every section: the key table's runs (split where numbers restart) in order.
      let run = 0;
      let previous = Number.POSITIVE_INFINITY;
      for (const e of entries) {
        if (e.number <= previous && previous !== Number.POSITIVE_INFINITY) run++;
        previous = e.number;
        const s = itemSections[run];
        target.set(e, s === undefined ? undefined : bySection.get(s)?.get(e.number));
      }
    }
  }
  for (const [e, d] of target) {
    if (d === undefined) problems.push(problem([], msg.keyWithoutItem(e.number, e.paragraph)));
    else if (d.tableKey === undefined) d.tableKey = { text: e.text, paragraph: e.paragraph };
  }
}
