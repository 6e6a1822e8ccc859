/**
 * What an import reports: counts, duplicates (against the bank and within the file), problems one per
 * line, the quality lint findings of the rows that are (or would be) saved, each with its row, a
 * preview of what was read per item (题型, the head of its stem, options, key, 难度, 鉴定点 or, for a
 * 待归类 item, the suggested one with its score and the runner-up), bounded to PREVIEW_LIMIT, and the
 * suggested 鉴定点 of every 待归类 item (with its id once saved). Whether the import is refused (or, in
 * a dry run, would be) follows from the report: `importRefused`.
 */
import { lintTheoryItem, type LintFinding, type TheoryLintContext } from '../../domain/lint/item-lint.js';
import { theoryItemRuleTitles } from '../../domain/lint/messages.js';
import { itemKindNames, type ItemKind } from '../../domain/item.js';
import { theoryItemTypeNames, type TheoryItem, type TheoryItemType } from '../../domain/theory-item.js';
import type { Suggestion } from '../items/suggest.js';

export interface DuplicateFlag {
  /** Where the incoming item is: `第12行` / `第40段`. */
  readonly where: string;
  /** The bank item it resembles, or the earlier row of the same file. */
  readonly against: string;
  readonly score: number;
  readonly kind: 'exact' | 'near';
  readonly decision: 'rejected' | 'skipped' | 'kept' | 'pending';
  /** Whether `against` is in the bank or earlier in the same file. */
  readonly scope: 'bank' | 'file';
}

/** How a row fares: saved (or would be) as it is, saved as 待归类, refused, skipped as a near-duplicate, or waiting for a decision. */
export type PreviewStatus = 'ok' | 'unbound' | 'rejected' | 'skipped' | 'pending';

/** What was read from one row of the file. */
export interface ImportPreview {
  readonly where: string;
  /** What the row is: a theory item, a practical task or a 综合评审 item (these have no key, options or 鉴定点). */
  readonly kind: ItemKind;
  /** 题型 as read (`单项选择题`, `技能考核`), or the unknown word; '' when none was found. */
  readonly type: string;
  /** The stem (or task title) on one line, cut at PREVIEW_STEM characters. */
  readonly stem: string;
  readonly options: number;
  /** The key as read: `B`, `ACD`, `√`, `×`, or the text that could not be read; '' when none. */
  readonly key: string;
  readonly difficulty: number | null;
  /** The 鉴定点 (or 职业功能) the row is bound to, after the file's defaults; '' when 待归类. */
  readonly element: string;
  readonly status: PreviewStatus;
  /** For a 待归类 item: the suggested 鉴定点 with its score and the runner-up. */
  readonly suggestion?: Suggestion;
  /** The saved item's id (a real import that saved). */
  readonly itemId?: number;
}

/** The suggested 鉴定点 of a 待归类 row (items.bind accepts it). */
export interface ImportSuggestion extends Suggestion {
  readonly where: string;
  /** The saved item's id (a real import that saved). */
  readonly itemId?: number;
}

/** A quality lint finding of an imported row (app/domain/lint/item-lint.ts): it does not block the import. */
export interface ImportLintFinding extends LintFinding {
  /** Where the item is: `理论知识试题 第12行` / `第40段`. */
  readonly where: string;
  /** The rule's Chinese title (`正确选项明显最长`). */
  readonly title: string;
}

export interface ImportReport {
  readonly file: string;
  readonly format: 'xlsx' | 'docx';
  readonly dryRun: boolean;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly skipped: number;
  /** Accepted rows that are 待归类 (saved as 草稿 without 鉴定点 or 难度). */
  readonly unbound: number;
  readonly duplicates: readonly DuplicateFlag[];
  /** Every problem, one line each: `第12行 选项C: 不能为空`. */
  readonly problems: readonly string[];
  /** Notes that do not block the import (e.g. an optional sheet missing). */
  readonly warnings: readonly string[];
  /** How many lint findings (`lint`) the rows to be saved have. */
  readonly lintFindings: number;
  /** The lint findings, in file order. */
  readonly lint: readonly ImportLintFinding[];
  readonly saved: boolean;
  readonly ids: readonly number[];
  /** The first PREVIEW_LIMIT rows as read; `rows` says how many there are. */
  readonly preview: readonly ImportPreview[];
  /** The suggested 鉴定点 of every 待归类 row that is not skipped, in file order. */
  readonly suggestions: readonly ImportSuggestion[];
}

export const PREVIEW_LIMIT = 500;
export const PREVIEW_STEM = 40;

const asRecord = (raw: unknown): Record<string, unknown> => (typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {});

function head(text: unknown): string {
  const t = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
  const chars = [...t];
  return chars.length > PREVIEW_STEM ? `${chars.slice(0, PREVIEW_STEM).join('')}…` : t;
}

function keyText(key: unknown): string {
  if (typeof key === 'boolean') return key ? '√' : '×';
  if (typeof key === 'string' || typeof key === 'number') return String(key);
  return '';
}

/** The preview of a row from what the reader made of it (after the file's defaults). */
export function previewOf(
  where: string,
  kind: ItemKind,
  raw: unknown,
  status: PreviewStatus,
  suggestion: Suggestion | undefined,
  itemId: number | undefined,
): ImportPreview {
  const r = asRecord(raw);
  const typeWord = typeof r.type === 'string' ? r.type : '';
  const type = kind === 'theory' ? (theoryItemTypeNames[typeWord as TheoryItemType] ?? typeWord) : itemKindNames[kind];
  const difficulty = typeof r.difficulty === 'number' && r.difficulty > 0 ? r.difficulty : null;
  const element = kind === 'theory' ? r.element : kind === 'practical' ? r.module : '';
  return {
    where,
    kind,
    type,
    stem: head(kind === 'theory' ? r.stem : r.title),
    options: Array.isArray(r.options) ? r.options.length : 0,
    key: kind === 'theory' ? keyText(r.key) : '',
    difficulty,
    element: typeof element === 'string' ? element : '',
    status,
    ...(suggestion ? { suggestion } : {}),
    ...(itemId !== undefined ? { itemId } : {}),
  };
}

/**
 * The lint findings of the rows to be saved (theory items; practical tasks and 综合评审 items are linted
 * on their own screens), in file order, each with its row and the rule's title.
 */
export function lintFindingsOf(rows: readonly { readonly where: string; readonly theory?: TheoryItem }[], context: TheoryLintContext): ImportLintFinding[] {
  return rows.flatMap((row) =>
    row.theory === undefined
      ? []
      : lintTheoryItem(row.theory, context).map((f) => ({ where: row.where, ...f, title: (theoryItemRuleTitles as Readonly<Record<string, string>>)[f.rule] ?? f.rule })),
  );
}

/**
 * Whether the import is refused — or, for a dry run, would be: nothing is (would be) saved, because the
 * file failed its checks, rows have errors (without validOnly), near-duplicates wait for a decision, or
 * there is nothing to import. The shells exit 1 then, for a dry run as for the real one.
 */
export function importRefused(report: Pick<ImportReport, 'accepted'>): boolean {
  return report.accepted === 0;
}
