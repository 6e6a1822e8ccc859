/**
 * A sitting's report data (domain `SittingReport`): its stored statistics with, per item, the 题型, the
 * 鉴定点 and — the panel needs them to judge a flag — the stem (or task title) and the key as printed.
 */
import { orderForReport, reportGroup, type ReportItem, type SittingReport } from '../../domain/analysis/report.js';
import type { SittingRecord } from '../../domain/analysis/records.js';
import { beijingDate } from '../../domain/person.js';
import { bankTitle } from '../../domain/bank.js';
import { itemKindNames } from '../../domain/item.js';
import { theoryItemTypeNames } from '../../domain/theory-item.js';
import type { ReadableDB } from '../../store/database.js';
import type { BankRecord } from '../../store/repositories/banks.js';
import { getVersion } from '../../store/repositories/items.js';
import { getPaper } from '../../store/repositories/papers.js';
import { sittingItemStats } from '../../store/repositories/results.js';

const STEM_CHARS = 200;

export function sittingReportData(db: ReadableDB, bank: BankRecord, sitting: SittingRecord, now: Date): SittingReport {
  const paper = getPaper(db, sitting.paperId);
  const items = sittingItemStats(db, sitting.id).map((s): ReportItem => {
    const v = getVersion(db, s.itemId, s.version);
    const common = { ...s, group: reportGroup(s) };
    if (v.kind !== 'theory') return { ...common, typeName: itemKindNames[v.kind], binding: v.kind === 'practical' ? v.body.module : '', stem: v.body.title, keyText: '' };
    const body = v.body;
    const keyText = body.type === 'trueFalse' ? (body.key ? '√' : '×') : String(body.key);
    return { ...common, typeName: theoryItemTypeNames[body.type], binding: body.element, stem: body.stem.slice(0, STEM_CHARS), keyText };
  });
  return {
    paperTitle: `${bankTitle(bank)} ${itemKindNames[paper.kind]} ${paper.setLabel} 卷`,
    sitting,
    items: orderForReport(items),
    madeOn: beijingDate(now),
  };
}
