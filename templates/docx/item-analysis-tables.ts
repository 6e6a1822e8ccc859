/**
 * The tables of the item-analysis report (试题分析报告, item-analysis.ts): the paper's figures, one item
 * for the panel (its figures, stem, key and flags; its options), the compact table of items with notes
 * and the table of all items. Also the Chinese texts and number formats the docx and xlsx share.
 */
import type { FileChild } from 'docx';
import { GROUP_SHARE } from '../../app/domain/analysis/classical.js';
import { THRESHOLDS } from '../../app/domain/analysis/flags.js';
import { analysisMessages } from '../../app/domain/analysis/messages.js';
import type { ReportItem, SittingReport } from '../../app/domain/analysis/report.js';
import { fixed2 } from '../svg/item-analysis-charts.js';
import { SIZES, table, type Cell, type CellSpec } from './kit.js';

export { fixed2 };

const pctOf = (x: number) => `${Math.round(x * 100)}%`;

/** The Chinese of the report (docx and xlsx), in one place. */
export const REPORT_TEXT = {
  title: '试题分析报告',
  sittingLine: (label: string, heldOn: string, candidates: number) => `考试场次：${label}　考试日期：${heldOn}　考生 ${candidates} 人`,
  madeOn: (day: string) => `报告日期：${day}`,
  sections: { overview: '一、试卷概况', scatter: '二、难度与区分度', review: '三、需复审的试题', note: '四、需关注的试题', all: '五、全部试题统计', notes: '六、说明' },
  figures: {
    candidates: '考生人数',
    items: '试题数',
    maxScore: '满分',
    mean: '平均分',
    sd: '标准差',
    maxMin: '最高分 / 最低分',
    reliability: '信度',
    sem: '测量标准误 SEM',
    groupSize: '高分组 / 低分组人数',
    groups: '需复审 / 需关注',
  },
  reliabilityValue: (value: string, method: string) => `${value}（${method}）`,
  groupSizeValue: (n: number) => `各 ${n} 人（${pctOf(GROUP_SHARE)}）`,
  groupCounts: (review: number, note: number) => `${review} 题 / ${note} 题`,
  scatterCaption: (n: number) => `图 ${n}　各题通过率与区分度（红：需复审；橙：需关注；深蓝：其他）`,
  scatterNote: '阴影为判定阈值：左、右两侧竖条分别为过难、过易区，下方横条为区分度低区，红色横条为负区分度区。点旁数字为题号。',
  barsCaption: (n: number, position: number) => `图 ${n}　第 ${position} 题选项分析（绿色底为答案选项）`,
  noReview: '本场考试没有需复审的试题。',
  noNote: '本场考试没有需关注的试题。',
  reviewLead: '下列试题疑似答案错误或区分度为负，应退回审核组复核答案与题干（入库 → 待审）。',
  noteLead: '下列试题的统计量提示过易、过难、区分度低、干扰项无人选或未作答多，供组卷和命题参考。',
  itemHeading: (item: ReportItem) => `第 ${item.position} 题　${item.typeName}${item.binding === '' ? '' : `　鉴定点 ${item.binding}`}`,
  itemFields: { stem: '题干', key: '答案', n: '作答人数', p: '通过率 p', r: '区分度 r', d: '高低分组差 D', omit: '未作答率', flags: '问题' },
  noKey: '（无）',
  optionHeader: ['选项', '全体', '高分组', '低分组', '点二列相关'],
  keyMark: '（答案）',
  noteHeader: ['题号', '题型', '鉴定点', '通过率', '区分度 r', '问题'],
  allHeader: ['题号', '题型', '鉴定点', '通过率', '区分度 r', 'D', '未作答率', '标记'],
  groupNames: { review: '需复审', note: '需关注', none: '' },
  smallSample: (n: number, min: number) => `本场考生 ${n} 人，少于 ${min} 人，统计量仅供参考。`,
  explanation: [
    `通过率 p：答对的考生所占比例（技能考核题为平均得分与满分之比），数值越大试题越容易；高于 ${THRESHOLDS.tooEasy} 为过易，低于 ${THRESHOLDS.tooHard} 为过难。`,
    `区分度 r（校正点二列相关）：本题得分与其余各题总分的相关系数，表示试题区分考生水平的能力；低于 ${THRESHOLDS.lowDiscrimination} 为区分度低，小于 0 为负区分度（低分考生反而答对得多），须复核答案与题干。r 为“—”表示作答无差异，无法计算。`,
    `高低分组差 D：按总分排序，前 ${pctOf(GROUP_SHARE)} 的考生为高分组、后 ${pctOf(GROUP_SHARE)} 为低分组，D 为两组通过率之差。未作答率：未作答的考生所占比例，高于 ${pctOf(THRESHOLDS.highOmit)} 需关注。`,
    '选项分析：各选项在全体、高分组和低分组考生中的选择率，以及选择该选项与其余得分的相关。某干扰项的高分组选择率高于低分组、且与其余得分正相关时，可能答案有误或题意有歧义。',
    '信度：各题均为等分的客观题时用 KR-20，否则用 Cronbach α；测量标准误 SEM = 标准差 × √(1 − 信度)，表示考生得分的测量误差。',
  ],
} as const;

/** r: two decimals, `—` when it could not be computed. */
export const rText = (r: number | null): string => (r === null ? '—' : fixed2(r));
/** A rate as a percentage with one decimal. */
export const pct1 = (x: number): string => `${(x * 100).toFixed(1)}%`;
/** A score: up to two decimals, no trailing zeros. */
export const score = (x: number): string => String(Math.round(x * 100) / 100);

/** The short names of an item's flags (`疑似答案错误、区分度为负`), '' without any. */
export function flagNames(item: ReportItem): string {
  return [...new Set(item.flags.map((f) => analysisMessages.flagNames[f.code]))].join('、');
}

const centre = (text: string, extra: Partial<CellSpec> = {}): CellSpec => ({ text, align: 'center', ...extra });
const label = (text: string): CellSpec => ({ text, shade: true, bold: true, font: 'heading', align: 'center' });

/** The paper's figures as label–value pairs, two pairs a row. */
export function overviewPairs(report: SittingReport): (readonly [string, string])[] {
  const s = report.sitting.statistics;
  const f = REPORT_TEXT.figures;
  const count = (g: ReportItem['group']) => report.items.filter((i) => i.group === g).length;
  return [
    [f.candidates, String(s.candidates)],
    [f.items, String(s.items)],
    [f.maxScore, score(s.maxScore)],
    [f.mean, fixed2(s.mean)],
    [f.sd, fixed2(s.sd)],
    [f.maxMin, `${score(s.max)} / ${score(s.min)}`],
    [f.reliability, REPORT_TEXT.reliabilityValue(s.reliability === null ? '—' : fixed2(s.reliability), analysisMessages.reliability[s.reliabilityMethod])],
    [f.sem, s.sem === null ? '—' : fixed2(s.sem)],
    [f.groupSize, REPORT_TEXT.groupSizeValue(s.groupSize)],
    [f.groups, REPORT_TEXT.groupCounts(count('review'), count('note'))],
  ];
}

export function overviewTable(report: SittingReport): FileChild {
  const pairs = overviewPairs(report);
  const rows: Cell[][] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const [a, b] = [pairs[i], pairs[i + 1]];
    rows.push([label(a?.[0] ?? ''), centre(a?.[1] ?? ''), label(b?.[0] ?? ''), centre(b?.[1] ?? '')]);
  }
  return table({ widths: [22, 28, 22, 28], headerRows: 0, size: SIZES.五号, line: 300, rows });
}

/** An item for the panel: stem, key and figures, then every flag. */
export function reviewItemTable(item: ReportItem): FileChild {
  const f = REPORT_TEXT.itemFields;
  return table({
    widths: [18, 32, 18, 32],
    headerRows: 0,
    size: SIZES.五号,
    line: 280,
    keepNext: () => true,
    rows: [
      [label(f.stem), { text: item.stem, colSpan: 3 }],
      [label(f.key), centre(item.keyText === '' ? REPORT_TEXT.noKey : item.keyText, { bold: true }), label(f.n), centre(String(item.n))],
      [label(f.p), centre(fixed2(item.p)), label(f.r), centre(rText(item.pointBiserial))],
      [label(f.d), centre(fixed2(item.discrimination)), label(f.omit), centre(pct1(item.omitRate))],
      [label(f.flags), { text: item.flags.map((x, i) => `${i + 1}. ${x.message}`), colSpan: 3 }],
    ],
  });
}

/** The options of a choice item: choice rates overall, upper and lower group, point-biserial; the key marked. */
export function optionTable(item: ReportItem): FileChild {
  return table({
    widths: [24, 19, 19, 19, 19],
    headerRows: 1,
    size: SIZES.五号,
    line: 240,
    keepNext: () => true,
    rows: [
      [...REPORT_TEXT.optionHeader],
      ...item.options.map((o) => {
        const bold = o.isKey;
        return [
          centre(o.isKey ? `${o.option}${REPORT_TEXT.keyMark}` : o.option, { bold, shade: o.isKey }),
          ...[o.rate, o.upperRate, o.lowerRate].map((x) => centre(pct1(x), { bold, shade: o.isKey })),
          centre(rText(o.pointBiserial), { bold, shade: o.isKey }),
        ];
      }),
    ],
  });
}

/** Items with notes: position, 题型, 鉴定点, p, r and every flag text. */
export function noteTable(items: readonly ReportItem[]): FileChild {
  return table({
    widths: [7, 12, 13, 9, 10, 49],
    headerRows: 1,
    size: SIZES.小五,
    line: 240,
    rows: [
      [...REPORT_TEXT.noteHeader],
      ...items.map((i) => [centre(String(i.position)), centre(i.typeName), centre(i.binding), centre(fixed2(i.p)), centre(rText(i.pointBiserial)), { text: i.flags.map((f) => f.message) }]),
    ],
  });
}

/** Every item in paper order: the figures and the short names of its flags. */
export function allItemsTable(items: readonly ReportItem[]): FileChild {
  const byPosition = [...items].sort((a, b) => a.position - b.position);
  return table({
    widths: [7, 13, 14, 9, 10, 9, 10, 28],
    headerRows: 1,
    size: SIZES.小五,
    line: 240,
    rows: [
      [...REPORT_TEXT.allHeader],
      ...byPosition.map((i) => {
        const bold = i.group === 'review';
        return [
          centre(String(i.position), { bold }),
          centre(i.typeName),
          centre(i.binding),
          centre(fixed2(i.p)),
          centre(rText(i.pointBiserial)),
          centre(fixed2(i.discrimination)),
          centre(pct1(i.omitRate)),
          { text: flagNames(i), bold },
        ];
      }),
    ],
  });
}
