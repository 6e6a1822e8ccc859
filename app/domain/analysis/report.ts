/**
 * The data of an item-analysis report of one sitting (docx + xlsx, templates/…/item-analysis.ts):
 * the paper's figures, then the items — those flagged for the panel first, then those with notes,
 * then the rest, each group in paper order — with the item's text and key for the flagged ones.
 */
import type { ItemSittingRecord, SittingRecord } from './records.js';

export interface ReportItem extends ItemSittingRecord {
  /** 题型 in Chinese (判断题, 单项选择题 …, 技能考核). */
  readonly typeName: string;
  /** 鉴定点 code (theory) or 职业功能 module code (practical). */
  readonly binding: string;
  /** The stem (theory) or task title, shortened to 200 characters. */
  readonly stem: string;
  /** The key as printed (`B`, `ABD`, `√`), empty for a practical task. */
  readonly keyText: string;
  readonly group: 'review' | 'note' | 'none';
}

export interface SittingReport {
  /** e.g. 制图员（四级/中级工）理论知识 A 卷 */
  readonly paperTitle: string;
  readonly sitting: SittingRecord;
  readonly items: readonly ReportItem[];
  /** The day the report was made (Beijing time, YYYY-MM-DD). */
  readonly madeOn: string;
}

export function reportGroup(item: ItemSittingRecord): ReportItem['group'] {
  if (item.flags.some((f) => f.severity === 'review')) return 'review';
  return item.flags.some((f) => f.code !== 'smallSample') ? 'note' : 'none';
}

const RANK = { review: 0, note: 1, none: 2 } as const;

/** Flagged for the panel first, then notes, then the rest; paper order within each group. */
export function orderForReport(items: readonly ReportItem[]): ReportItem[] {
  return [...items].sort((a, b) => RANK[a.group] - RANK[b.group] || a.position - b.position);
}
