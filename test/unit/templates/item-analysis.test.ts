/**
 * The item-analysis report of a sitting: the charts (well-formed SVG, one dot per item, the planted
 * mis-keyed item red, the key option marked, escaped text; they render through the program's own
 * rasteriser), the docx (title, sitting, figures, the flagged item's stem, key, flag messages and
 * options, an image per chart, the mark on every page) and the xlsx (three sheets, rows in report order,
 * one row per item × option). The report is built as the service builds it: analyseSitting + itemFlags
 * on the answer sheet of the classical-analysis test (its item 3 is mis-keyed) with a practical task
 * added, and on a larger simulated sitting. LibreOffice rendering was checked by hand (too slow here):
 * set QBANK_ITEM_ANALYSIS_OUT to a folder to get the files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { analyseSitting } from '../../../app/domain/analysis/classical.js';
import { itemFlags, THRESHOLDS } from '../../../app/domain/analysis/flags.js';
import { orderForReport, reportGroup, type ReportItem, type SittingReport } from '../../../app/domain/analysis/report.js';
import { normaliseResponse, type PaperItemKey, type Response } from '../../../app/domain/analysis/scoring.js';
import { simulateSitting } from '../../../app/domain/analysis/simulate.js';
import { rasteriseSvg } from '../../../app/readers/svg/rasterise.js';
import { itemAnalysisDocx } from '../../../templates/docx/item-analysis.js';
import { itemAnalysisXlsx } from '../../../templates/xlsx/item-analysis.js';
import { BARS_SIZE, difficultyDiscriminationSvg, distractorBarsSvg, GROUP_COLOURS, hasDistractorChart, SCATTER_SIZE } from '../../../templates/svg/item-analysis-charts.js';
import { loadWorkbook, sheetOf } from '../../helpers/xlsx.js';
import { docxPart, docxParagraphs } from '../../helpers/office.js';
import { decodePng } from '../readers/svg/png-pixels.js';

const MARK = '机密★启用前';
const ABCD = ['A', 'B', 'C', 'D'];
const ITEMS: PaperItemKey[] = [
  { position: 1, itemId: 11, version: 1, kind: 'singleChoice', options: ABCD, key: 'A', points: 1 },
  { position: 2, itemId: 12, version: 1, kind: 'singleChoice', options: ABCD, key: 'B', points: 1 },
  { position: 3, itemId: 13, version: 2, kind: 'singleChoice', options: ABCD, key: 'C', points: 1 },
  { position: 4, itemId: 14, version: 1, kind: 'multipleChoice', options: [...ABCD, 'E'], key: 'ABD', points: 2 },
  { position: 5, itemId: 15, version: 1, kind: 'trueFalse', options: ['√', '×'], key: '√', points: 0.5 },
  { position: 6, itemId: 16, version: 1, kind: 'practical', options: [], key: '', points: 10 },
  { position: 7, itemId: 17, version: 1, kind: 'trueFalse', options: ['√', '×'], key: '√', points: 0.5 },
];
/** The classical-analysis test's sheet (item 3 mis-keyed: the strong choose D), a task's scores, an easy item. */
const SHEET: Response[][] = [
  ['A', 'B', 'D', 'ABD', '√', 9, '√'],
  ['A', 'B', 'D', 'ABD', '√', 10, '√'],
  ['A', 'B', 'D', 'AB', '√', 8, '√'],
  ['A', 'C', 'D', 'ABD', '×', 7, '√'],
  ['A', 'B', 'C', 'ABD', '√', 8, '√'],
  ['B', 'B', 'D', 'ABDE', '√', 6, '√'],
  ['A', 'A', 'C', 'AD', '√', 5, '√'],
  ['C', 'B', 'C', null, '×', 3, '√'],
  ['A', 'D', 'C', 'ABD', null, 6, '√'],
  ['B', 'A', 'C', 'BC', '×', 2, '√'],
  ['D', 'A', 'C', 'AC', '×', 1, '√'],
  [null, 'C', 'A', 'ABC', '×', 0, '×'],
];
const TYPE_NAMES = { trueFalse: '判断题', singleChoice: '单项选择题', multipleChoice: '多项选择题', practical: '技能考核' } as const;
const STEM_3 = '机械制图中，细实线 <用于> 尺寸线 & 尺寸界线的说法正确的是（　）。';

/** A report as the service makes it, flags judged with `minSample` lowered to the sheet's size when asked. */
function buildReport(items: readonly PaperItemKey[], sheet: readonly (readonly Response[])[], minSample: number = THRESHOLDS.minSample): SittingReport {
  const analysis = analyseSitting(items, sheet);
  const reportItems = analysis.items.map((s, i): ReportItem => {
    const item = items[i]!;
    const record = { ...s, sittingId: 7, flags: itemFlags(s, { ...THRESHOLDS, minSample }) };
    return {
      ...record,
      typeName: TYPE_NAMES[item.kind],
      binding: item.kind === 'practical' ? '01' : `1-0${1 + (i % 3)}-0${1 + (i % 7)}`,
      stem: item.position === 3 ? STEM_3 : item.kind === 'practical' ? '绘制轴类零件图' : `第 ${item.position} 题的题干`,
      keyText: item.key,
      group: reportGroup(record),
    };
  });
  return {
    paperTitle: '制图员（四级/中级工）理论知识 A 卷',
    sitting: {
      id: 7,
      bankId: 1,
      paperId: 3,
      label: '2026 年第 2 期鉴定',
      heldOn: '2026-11-28',
      candidates: sheet.length,
      sourceSha256: '0'.repeat(64),
      statistics: analysis.paper,
      importedAt: '2026-11-30T02:00:00.000Z',
      importedBy: 'analyst',
    },
    items: orderForReport(reportItems),
    madeOn: '2026-12-01',
  };
}

/** A larger sitting: 60 theory items, 400 simulated candidates, item 25 keyed A while the able choose C. */
function simulatedReport(): SittingReport {
  const items: PaperItemKey[] = Array.from({ length: 60 }, (_, i): PaperItemKey => {
    const position = i + 1;
    if (i < 20) return { position, itemId: 100 + i, version: 1, kind: 'trueFalse', options: ['√', '×'], key: i % 2 === 0 ? '√' : '×', points: 0.5 };
    if (i < 50) return { position, itemId: 100 + i, version: 1, kind: 'singleChoice', options: ABCD, key: ABCD[i % 4]!, points: 1 };
    return { position, itemId: 100 + i, version: 1, kind: 'multipleChoice', options: [...ABCD, 'E'], key: 'ACD', points: 2 };
  });
  const sim = simulateSitting(items, { candidates: 400, seed: 20261128, misKeyed: { position: 25, trueKey: 'C' } });
  const sheet = sim.rows.map((row) =>
    items.map((item, i) => {
      const n = normaliseResponse(item, row[i + 2]);
      if (!n.ok) throw new Error(n.reason);
      return n.response;
    }),
  );
  return buildReport(items, sheet);
}

function parseXml(text: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const parser = new SaxesParser({ xmlns: false });
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: { text: string }[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const element = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '' };
    elements.push(element);
    open.push(element);
  });
  parser.on('closetag', () => open.pop());
  parser.on('text', (t) => {
    const current = open.at(-1);
    if (current !== undefined) current.text += t;
  });
  parser.write(text).close();
  return elements;
}

const texts = (svg: string) => parseXml(svg).filter((e) => e.name === 'text').map((e) => e.text);

/** Pixels of a colour (within a tolerance) in a decoded PNG. */
function pixelsOf(png: Uint8Array, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const { rows, channels } = decodePng(png);
  let count = 0;
  for (const row of rows) for (let x = 0; x + 2 < row.length; x += channels) if (Math.abs(row[x]! - r) + Math.abs(row[x + 1]! - g) + Math.abs(row[x + 2]! - b) < 30) count++;
  return count;
}

async function charts(report: SittingReport) {
  const scatter = await rasteriseSvg(difficultyDiscriminationSvg(report));
  const distractorPngs = new Map<number, Uint8Array>();
  for (const item of report.items.filter((i) => i.group === 'review' && hasDistractorChart(i))) distractorPngs.set(item.position, (await rasteriseSvg(distractorBarsSvg(item))).png);
  return { scatterPng: scatter.png, distractorPngs };
}

const report = buildReport(ITEMS, SHEET, 10);
const item3 = report.items.find((i) => i.position === 3)!;

describe('the fixture', () => {
  it('flags the planted mis-keyed item for the panel and puts it first', () => {
    expect(report.items[0]?.position).toBe(3);
    expect(item3.group).toBe('review');
    expect(item3.flags.map((f) => f.code)).toContain('keyError');
    expect(report.items.map((i) => i.position).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(report.items.find((i) => i.position === 7)).toMatchObject({ group: 'note', flags: [{ code: 'tooEasy' }] });
  });
});

describe('templates/svg/item-analysis-charts', () => {
  it('draws the scatter as well-formed SVG: one dot per item in its group colour, labels, bands and legend in Chinese', () => {
    const svg = difficultyDiscriminationSvg(report);
    const elements = parseXml(svg);
    expect(elements[0]?.attributes.viewBox).toBe(`0 0 ${SCATTER_SIZE.width} ${SCATTER_SIZE.height}`);
    const dots = elements.filter((e) => e.attributes.class === 'item');
    expect(dots.map((d) => Number(d.attributes['data-position'])).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const item of report.items) {
      const dot = dots.find((d) => d.attributes['data-position'] === String(item.position))!;
      expect(dot.attributes.fill).toBe(GROUP_COLOURS[item.group]);
    }
    expect(dots.find((d) => d.attributes['data-position'] === '3')?.attributes.fill).toBe(GROUP_COLOURS.review);
    const labels = elements.filter((e) => e.attributes.class === 'label').map((e) => e.text);
    expect(labels.sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const all = texts(svg);
    for (const s of ['通过率 p（难度）', '区分度 r（校正点二列相关）', '过难', '过易', 'p < 0.2', 'p > 0.9', '区分度低（r < 0.2）', '负区分度（r < 0）', '需复审（1 题）', '需关注（1 题）']) expect(all).toContain(s);
    expect(svg).toBe(difficultyDiscriminationSvg(report));
  });

  it('widens the r axis below −0.4 for the data, and names items whose r cannot be computed', () => {
    const low = { ...item3, pointBiserial: -0.71 };
    const flat = { ...report.items[1]!, pointBiserial: null };
    const svg = difficultyDiscriminationSvg({ ...report, items: [low, flat, ...report.items.slice(2)] });
    expect(texts(svg)).toContain('-0.8');
    expect(parseXml(svg).filter((e) => e.attributes.class === 'item')).toHaveLength(report.items.length - 1);
    expect(texts(svg).join('\n')).toContain(`注：第 ${flat.position} 题的区分度无法计算`);
  });

  it('draws the distractor bars: three bars an option, the percentages, the key marked, a title with p and r', () => {
    const svg = distractorBarsSvg(item3);
    const elements = parseXml(svg);
    expect(elements[0]?.attributes.viewBox).toBe(`0 0 ${BARS_SIZE.width} ${BARS_SIZE.height}`);
    expect(elements.filter((e) => e.attributes.class === 'bar')).toHaveLength(3 * 4);
    const all = texts(svg);
    expect(all).toContain('C（答案）');
    expect(all).toContain('D');
    expect(all).toContain(`第 3 题　单项选择题　p = ${item3.p.toFixed(2)}　r = ${item3.pointBiserial!.toFixed(2)}　D = ${item3.discrimination.toFixed(2)}`);
    // D: 5 of 12 overall, 2 of 3 in the upper group, none in the lower
    const d = item3.options.find((o) => o.option === 'D')!;
    for (const rate of [d.rate, d.upperRate, d.lowerRate]) expect(all).toContain(`${(rate * 100).toFixed(0)}%`);
    for (const s of ['全体', '高分组', '低分组', '答案选项', '选择率（%）']) expect(all).toContain(s);
    expect(elements.filter((e) => e.attributes.class === 'key')).toHaveLength(1);
    // a multiple-choice item marks each letter of its key
    const multi = report.items.find((i) => i.position === 4)!;
    expect(texts(distractorBarsSvg(multi)).filter((t) => t.endsWith('（答案）'))).toEqual(['A（答案）', 'B（答案）', 'D（答案）']);
  });

  it('escapes its text and refuses a practical task, which has no options', () => {
    const odd = { ...item3, typeName: '单选<题> & "其他"' };
    const svg = distractorBarsSvg(odd);
    expect(svg).toContain('单选&lt;题&gt; &amp; &quot;其他&quot;');
    expect(() => parseXml(svg)).not.toThrow();
    const task = report.items.find((i) => i.position === 6)!;
    expect(hasDistractorChart(task)).toBe(false);
    expect(() => distractorBarsSvg(task)).toThrow(RangeError);
  });

  it('renders through the program’s rasteriser: the red dot of the item for the panel, the green of the key', async () => {
    const scatter = await rasteriseSvg(difficultyDiscriminationSvg(report));
    expect([scatter.width, scatter.height]).toEqual([SCATTER_SIZE.width, SCATTER_SIZE.height]);
    expect(pixelsOf(scatter.png, GROUP_COLOURS.review)).toBeGreaterThan(200);
    const bars = await rasteriseSvg(distractorBarsSvg(item3));
    expect([bars.width, bars.height]).toEqual([BARS_SIZE.width, BARS_SIZE.height]);
    expect(pixelsOf(bars.png, '#1b7f3b')).toBeGreaterThan(200);
    expect(pixelsOf(bars.png, '#1f3a6e')).toBeGreaterThan(2000);
  });
});

describe('templates/docx/item-analysis', () => {
  it('holds the title, the sitting, the figures, the flagged item with its stem, key, flags and options, a chart each, the mark', async () => {
    const bytes = await itemAnalysisDocx({ mark: MARK, report, charts: await charts(report) });
    const lines = await docxParagraphs(bytes);
    const text = lines.join('\n');
    expect(lines[0]).toBe('试题分析报告');
    expect(text).toContain('制图员（四级/中级工）理论知识 A 卷');
    expect(text).toContain('考试场次：2026 年第 2 期鉴定　考试日期：2026-11-28　考生 12 人');
    const s = report.sitting.statistics;
    for (const h of ['一、试卷概况', '二、难度与区分度', '三、需复审的试题', '四、需关注的试题', '五、全部试题统计', '六、说明']) expect(lines).toContain(h);
    for (const v of ['考生人数', '12', '满分', '16', s.mean.toFixed(2), s.sd.toFixed(2), `${s.max} / ${s.min}`, `${s.reliability!.toFixed(2)}（Cronbach α）`, s.sem!.toFixed(2), '各 3 人（27%）']) expect(lines).toContain(v);
    expect(text).toContain('本场考生 12 人，少于 20 人，统计量仅供参考。');
    expect(lines).toContain('第 3 题　单项选择题　鉴定点 1-03-03');
    expect(lines).toContain(STEM_3);
    for (const [i, f] of item3.flags.entries()) expect(lines).toContain(`${i + 1}. ${f.message}`);
    expect(lines).toContain('C（答案）');
    expect(lines).toContain(item3.pointBiserial!.toFixed(2));
    // the notes table lists each flag text of the items with notes
    expect(lines).toContain('过易：通过率 0.92 高于 0.9');
    for (const item of report.items.filter((i) => i.group === 'note')) for (const f of item.flags) expect(lines).toContain(f.message);
    // every item has its row in the table of all items
    const header = lines.indexOf('标记');
    expect(lines.slice(header + 1, header + 9)).toEqual(['1', '单项选择题', '1-01-01', report.items.find((i) => i.position === 1)!.p.toFixed(2), expect.any(String), expect.any(String), expect.any(String), expect.any(String)]);
    expect(lines).toContain('疑似答案错误、区分度为负、干扰项无人选');
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
    expect((await docxPart(bytes)).match(/<pic:pic /g)).toHaveLength(2);
    expect(await docxPart(bytes, 'word/header1.xml')).toContain(MARK);
    expect(await docxPart(bytes, 'word/footer1.xml')).toContain(MARK);
    expect(await docxPart(bytes)).not.toContain('w:orient="landscape"');
  });

  it('says so when no item needs the panel or notes', async () => {
    const calm = { ...report, items: report.items.map((i) => ({ ...i, flags: [], group: 'none' as const })) };
    const lines = await docxParagraphs(await itemAnalysisDocx({ mark: MARK, report: calm, charts: { scatterPng: (await charts(calm)).scatterPng, distractorPngs: new Map() } }));
    expect(lines).toContain('本场考试没有需复审的试题。');
    expect(lines).toContain('本场考试没有需关注的试题。');
  });
});

describe('templates/xlsx/item-analysis', () => {
  it('has the three sheets: the figures, a row per item in report order with the flags, a row per option', async () => {
    const workbook = await loadWorkbook(await itemAnalysisXlsx({ mark: MARK, report }));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['概况', '试题统计', '选项分析']);
    for (const w of workbook.worksheets) {
      expect(w.getCell(2, 1).value).toBe(MARK);
      expect(w.headerFooter.oddHeader).toContain(MARK);
    }
    const overview = sheetOf(workbook, '概况');
    const pairs = new Map(Array.from({ length: overview.rowCount - 3 }, (_, i) => [overview.getRow(4 + i).getCell(1).value, overview.getRow(4 + i).getCell(2).value]));
    expect(pairs.get('考生人数')).toBe('12');
    expect(pairs.get('信度')).toBe(`${report.sitting.statistics.reliability!.toFixed(2)}（Cronbach α）`);
    const items = sheetOf(workbook, '试题统计');
    expect(items.getRow(3).getCell(1).value).toBe('题号');
    expect(items.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(items.autoFilter).toBeDefined();
    const positions = report.items.map((_, i) => items.getRow(4 + i).getCell(1).value);
    expect(positions).toEqual(report.items.map((i) => i.position));
    const first = items.getRow(4);
    expect(first.getCell(4).value).toBe('需复审');
    expect(first.getCell(6).value).toBeCloseTo(item3.p, 12);
    expect(first.getCell(6).numFmt).toBe('0.00');
    expect(String(first.getCell(12).value)).toContain(item3.flags[0]!.message);
    expect(first.getCell(13).value).toBe(STEM_3);
    // the flag texts wrap over several lines: the row is made tall enough to show them
    expect(first.height).toBeGreaterThanOrEqual(15 * item3.flags.length);
    const options = sheetOf(workbook, '选项分析');
    const optionCount = report.items.reduce((n, i) => n + i.options.length, 0);
    expect(optionCount).toBe(4 + 4 + 4 + 5 + 2 + 2);
    const rows = Array.from({ length: optionCount }, (_, i) => options.getRow(4 + i));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(report.items.flatMap((i) => i.options.map(() => i.position)));
    const keyRow = rows.find((r) => r.getCell(1).value === 3 && r.getCell(3).value === 'C')!;
    expect(keyRow.getCell(4).value).toBe('是');
    expect(rows.filter((r) => r.getCell(1).value === 3 && r.getCell(4).value === '是')).toHaveLength(1);
    const dRow = rows.find((r) => r.getCell(1).value === 3 && r.getCell(3).value === 'D')!;
    expect(dRow.getCell(6).value).toBeCloseTo(2 / 3, 12);
    expect(dRow.getCell(5).numFmt).toBe('0.0%');
  });
});

describe('a realistic sitting', () => {
  it('finds the planted key error among 60 items and charts every item', async () => {
    const big = simulatedReport();
    expect(big.items[0]?.position).toBe(25);
    expect(big.items[0]?.flags.map((f) => f.code)).toContain('keyError');
    const svg = difficultyDiscriminationSvg(big);
    const plotted = big.items.filter((i) => i.pointBiserial !== null).length;
    expect(parseXml(svg).filter((e) => e.attributes.class === 'item')).toHaveLength(plotted);
    const c = await charts(big);
    const docx = await itemAnalysisDocx({ mark: MARK, report: big, charts: c });
    const xlsx = await itemAnalysisXlsx({ mark: MARK, report: big });
    expect(sheetOf(await loadWorkbook(xlsx), '试题统计').getRow(4 + 59).getCell(1).value).toBe(big.items[59]!.position);
    const out = process.env.QBANK_ITEM_ANALYSIS_OUT;
    if (out) {
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'scatter.svg'), svg);
      writeFileSync(join(out, 'scatter.png'), c.scatterPng);
      for (const [p, png] of c.distractorPngs) writeFileSync(join(out, `bars-${p}.png`), png);
      writeFileSync(join(out, 'report.docx'), docx);
      writeFileSync(join(out, 'report.xlsx'), xlsx);
      writeFileSync(join(out, 'small.docx'), await itemAnalysisDocx({ mark: MARK, report, charts: await charts(report) }));
    }
  }, 120_000);
});
