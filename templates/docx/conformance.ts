/**
 * The conformance report for the 安全保密管理员's file (issue [I] 6): for every clause of 规程
 * (人社鉴发〔2010〕2号) and 附件6 the workstation implements, what it asks, the feature, each test that
 * demonstrates it with its last result and the time of that run — first the counts, then one table per
 * source, a line for the signature and the anchor of the access log the export is registered in.
 * A4 landscape in the house style; the mark on every page (the report describes the workstation's
 * safeguards and holds no item: 工作秘密 by default, chosen by the caller).
 */
import type { Document, FileChild } from 'docx';
import { clauseSourceTitles, CLAUSE_SOURCES, faultSuiteNames, isFaultSuiteRef, type ClauseSource, type TestRef } from '../../app/domain/conformance/model.js';
import { summaryLine, type ClauseResult, type ConformanceReport, type OutcomeCounts, type ResultSource } from '../../app/domain/conformance/results.js';
import { beijingMinute } from '../../app/domain/package/format.js';
import { createDocument, heading, LANDSCAPE_TEXT_WIDTH, para, SIZES, table, title, type Cell } from './kit.js';

export const CONFORMANCE_TITLE = '题库工作站安全保密与试题开发要求符合性报告';

export interface ConformanceDocxInput {
  readonly mark: string;
  readonly report: ConformanceReport;
  readonly workstationId: string;
  /** The latest signed checkpoint of the access log (the export's own row follows it), null before the first. */
  readonly anchor: { readonly seq: number; readonly hash: string; readonly checkpointSeq: number; readonly signer: string } | null;
}

const time = (iso: string | null): string => (iso === null ? '—' : beijingMinute(new Date(iso)));

const COLUMNS = ['条款', '要求', '功能', '证明测试', '结果', '时间'] as const;
const WIDTHS = [9, 16, 23, 32, 11, 9] as const;

function testLines(ref: TestRef): string[] {
  return isFaultSuiteRef(ref) ? [faultSuiteNames[ref.faultSuite], `（fault-results/${ref.faultSuite}-*.json）`] : [ref.name, `（${ref.file}）`];
}

/** One table row per test; the clause's cells span its tests. */
function clauseRows(row: ClauseResult): Cell[][] {
  const span = row.tests.length;
  return row.tests.map((t, i) => {
    const own: Cell[] = [
      { text: testLines(t.ref) },
      { text: t.note === '' ? t.outcome : [t.outcome, t.note], align: 'center', bold: t.outcome === '失败' },
      { text: time(t.at), align: 'center' },
    ];
    if (i > 0) return own;
    return [
      { text: [row.clause.article, `结论：${row.outcome}`], rowSpan: span, align: 'center', bold: row.outcome === '失败' },
      { text: row.clause.requirement, rowSpan: span },
      { text: row.clause.feature, rowSpan: span },
      ...own,
    ];
  });
}

function sourceTable(rows: readonly ClauseResult[]): FileChild {
  return table({
    widths: [...WIDTHS],
    width: LANDSCAPE_TEXT_WIDTH,
    headerRows: 1,
    size: SIZES.小五,
    line: 240,
    rows: [[...COLUMNS], ...rows.flatMap(clauseRows)],
  });
}

function countsRow(label: string, c: OutcomeCounts): Cell[] {
  return [label, ...[c.total, c.passed, c.failed, c.skipped, c.notRun].map((n) => ({ text: String(n), align: 'center' as const }))];
}

function sourceLine(label: string, s: ResultSource, unit: string): string {
  if (s.problem !== null) return `${label}：${s.path}——${s.problem}`;
  return `${label}：${s.path}（${s.entries} ${unit}，运行于 ${time(s.ranAt)}）`;
}

const SOURCE_HEADINGS: Readonly<Record<ClauseSource, string>> = { 规程: '二、规程逐条对照', 附件6: '三、附件6 逐条对照' };

export function conformanceDocx(input: ConformanceDocxInput): Document {
  const { report } = input;
  const { clauses, tests } = report.summary;
  const anchor =
    input.anchor === null
      ? '审计日志尚无签名校验点。'
      : `本报告的导出记入审计日志；导出前最新签名校验点 #${input.anchor.checkpointSeq}（签署人 ${input.anchor.signer}），外部锚点 ${input.anchor.seq}:${input.anchor.hash}。`;
  return createDocument({
    mark: input.mark,
    title: CONFORMANCE_TITLE,
    landscape: true,
    children: [
      title(CONFORMANCE_TITLE, SIZES.三号),
      para(`工作站 ${input.workstationId || '—'}　　生成时间 ${time(report.generatedAt)}（北京时间）`, { align: 'center', size: SIZES.五号, after: 120 }),
      para(`依据：${CLAUSE_SOURCES.map((s) => clauseSourceTitles[s]).join('；')}。`, { size: SIZES.五号, indentChars: 2 }),
      heading('一、汇总'),
      table({
        widths: [3, 1, 1, 1, 1, 1],
        width: Math.round(LANDSCAPE_TEXT_WIDTH * 0.6),
        headerRows: 1,
        size: SIZES.五号,
        line: 240,
        rows: [['项目', '合计', '通过', '失败', '跳过', '未运行'], countsRow('条款', clauses), countsRow('证明测试', tests)],
      }),
      para(`${summaryLine(clauses, '条')}。`, { size: SIZES.五号, before: 120 }),
      para(sourceLine('测试结果', report.sources.vitest, '个测试文件'), { size: SIZES.五号 }),
      para(sourceLine('故障测试记录', report.sources.faults, '条记录'), { size: SIZES.五号 }),
      para('判定：条款的全部证明测试通过才判“通过”；否则按“失败”“未运行”“跳过”的顺序取其最差者。“未运行”指没有结果文件、最近一次运行不含该测试文件或该测试。', {
        font: 'note',
        size: SIZES.小五,
      }),
      ...CLAUSE_SOURCES.flatMap((source) => {
        const rows = report.rows.filter((r) => r.clause.source === source);
        return rows.length === 0 ? [] : [heading(SOURCE_HEADINGS[source]), sourceTable(rows)];
      }),
      para(anchor, { font: 'note', size: SIZES.小五, before: 240, align: 'left' }),
      para('安全保密管理员（签字）：＿＿＿＿＿＿＿＿　　　　年　　月　　日', { size: SIZES.五号, before: 360, align: 'right', keepLines: true }),
    ],
  });
}
