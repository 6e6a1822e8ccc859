/** Texts of `qbank results` (zh-CN; figures in plain numbers). */
import type { ItemFlag } from '../../domain/analysis/flags.js';
import type { SittingRecord } from '../../domain/analysis/records.js';
import type { ReportItem } from '../../domain/analysis/report.js';

const f2 = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

export const resultsText = {
  summary: '考试结果与试题分析：导入作答、统计、复审',
  file: '结果文件',
  sitting: '场次',
  item: '试题编号',
  importUsage: 'import <结果文件.xlsx|.csv> --bank <题库> --paper <试卷编号> --label <场次名称> --date <YYYY-MM-DD> [--return-flagged]',
  importSummary: '导入一场考试的作答（表头：考生、1、2、3 …；不保存姓名和证件号），计算试题统计并标记问题试题',
  listUsage: 'list --bank <题库>',
  listSummary: '列出题库的考试场次',
  showUsage: 'show <场次> --bank <题库>',
  showSummary: '显示一场考试的试题分析（需复审的试题在前）',
  reportUsage: 'report <场次> --bank <题库> --out 目录',
  reportSummary: '导出一场考试的试题分析报告（docx 含散点图和干扰项图，xlsx 含全部统计）',
  reported: (docx: string, xlsx: string) => `已导出试题分析报告：${docx}、${xlsx}`,
  historyUsage: 'history <试题编号> --bank <题库>',
  historySummary: '显示一道试题历次考试的统计和组卷所用的合并通过率',
  returnUsage: 'return <场次> --bank <题库> [--items 3,7]',
  returnSummary: '把该场考试标记需复审的试题退回待审（附统计证据）',
  missing: (what: string) => `缺少 --${what}`,
  imported: (s: SittingRecord) => `已导入第 ${s.id} 场“${s.label}”（${s.heldOn}）：${s.candidates} 名考生`,
  paper: (s: SittingRecord) =>
    `平均分 ${s.statistics.mean.toFixed(2)}/${s.statistics.maxScore}，标准差 ${s.statistics.sd.toFixed(2)}，${s.statistics.reliabilityMethod === 'KR-20' ? 'KR-20' : 'Cronbach α'} ${f2(s.statistics.reliability)}，SEM ${f2(s.statistics.sem)}`,
  personal: (cols: readonly string[]) => `未读取的个人信息列（不保存）：${cols.join('、')}`,
  ignored: (cols: readonly string[]) => `未识别而忽略的列：${cols.join('、')}`,
  flagged: (n: number) => (n === 0 ? '没有需复审的试题' : `${n} 道试题需复审：`),
  flagLine: (position: number, itemId: number, flags: readonly ItemFlag[]) => `  第 ${position} 题（试题 ${itemId}）：${flags.map((f) => f.message).join('；')}`,
  returned: (n: number) => `已退回待审 ${n} 道试题`,
  refused: (itemId: number, reason: string) => `  未退回 试题 ${itemId}：${reason}`,
  noSittings: '没有考试结果',
  listHeader: '场次\t日期\t试卷\t考生\t信度\t名称',
  listLine: (s: SittingRecord) => `${s.id}\t${s.heldOn}\t${s.paperId}\t${s.candidates}\t${f2(s.statistics.reliability)}\t${s.label}`,
  showTitle: (title: string, s: SittingRecord) => `${title}　${s.label}（${s.heldOn}，${s.candidates} 人）`,
  itemHeader: '题号\t试题\t题型\t通过率\t区分度r\tD\t未答\t标记',
  itemLine: (i: ReportItem) => `${i.position}\t${i.itemId}@${i.version}\t${i.typeName}\t${f2(i.p)}\t${f2(i.pointBiserial)}\t${f2(i.discrimination)}\t${pct(i.omitRate)}\t${i.flags.map((f) => f.message).join('；')}`,
  historyHeader: '日期\t场次\t版本\t人数\t通过率\t区分度r\t标记',
  historyLine: (h: { heldOn: string; sittingLabel: string; version: number; n: number; p: number; pointBiserial: number | null; flags: readonly ItemFlag[] }) =>
    `${h.heldOn}\t${h.sittingLabel}\t${h.version}\t${h.n}\t${f2(h.p)}\t${f2(h.pointBiserial)}\t${h.flags.map((f) => f.code).join(',')}`,
  pooled: (p: number | null, n: number, sittings: number, version: number) =>
    p === null ? `第 ${version} 版尚无考试统计：组卷按难度等级估计通过率` : `组卷所用通过率（第 ${version} 版，${sittings} 场 ${n} 人，含先验）：${p.toFixed(3)}`,
  noHistory: '该试题没有考试统计',
} as const;
