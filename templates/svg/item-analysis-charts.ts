/**
 * The charts of the item-analysis report (试题分析报告) as SVG texts, for the rasteriser to turn into the
 * PNGs the docx embeds: the difficulty–discrimination scatter of a sitting (one dot per item, labelled
 * with its position, coloured by the report group, over shaded bands at the flag thresholds of
 * app/domain/analysis/flags.ts) and, per choice item, the distractor bars (per option the choice rate of
 * all candidates, of the upper and of the lower 27 % group, the key marked).
 *
 * Sizes are fixed view boxes meant to be printed about 16 cm (scatter) and 14 cm (bars) wide: about
 * 100 px to the centimetre, so 24 px text prints at about 7 pt. Every text is XML-escaped; fonts are a
 * CSS family list the resvg rasteriser finds (Noto CJK, WenQuanYi Zen Hei as the fallback). Pure and
 * deterministic: the same report gives the same text.
 */
import type { ReportItem, SittingReport } from '../../app/domain/analysis/report.js';
import { THRESHOLDS } from '../../app/domain/analysis/flags.js';
import { escapeXml } from './review-scan-page.js';

/** The Chinese of the charts, in one place. */
export const CHART_TEXT = {
  xAxis: '通过率 p（难度）',
  yAxis: '区分度 r（校正点二列相关）',
  groups: { review: '需复审', note: '需关注', none: '其他' },
  count: (label: string, n: number) => `${label}（${n} 题）`,
  tooHard: ['过难', `p < ${THRESHOLDS.tooHard}`],
  tooEasy: ['过易', `p > ${THRESHOLDS.tooEasy}`],
  low: `区分度低（r < ${THRESHOLDS.lowDiscrimination}）`,
  negative: '负区分度（r < 0）',
  unplotted: (positions: readonly number[]) => `注：第 ${positions.join('、')} 题的区分度无法计算（作答无差异），图中未绘出。`,
  itemTitle: (item: ReportItem) => `第 ${item.position} 题　${item.typeName}　p = ${fixed2(item.p)}　r = ${item.pointBiserial === null ? '—' : fixed2(item.pointBiserial)}　D = ${fixed2(item.discrimination)}`,
  bars: { all: '全体', upper: '高分组', lower: '低分组' },
  key: '（答案）',
  keyLegend: '答案选项',
  rateAxis: '选择率（%）',
  optionR: (r: number | null) => `r = ${r === null ? '—' : fixed2(r)}`,
  noOptions: (position: number) => `第 ${position} 题没有选项，不作选项分析图`,
} as const;

export const CHART_SANS = "'Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif";
/** View boxes: the scatter for 16 cm of print, the bars for 14 cm. */
export const SCATTER_SIZE = { width: 1600, height: 1040 } as const;
export const BARS_SIZE = { width: 1400, height: 640 } as const;

/** Dot colours by report group: red for the panel, orange for notes, dark blue for the rest. */
export const GROUP_COLOURS = { review: '#d62828', note: '#f08c00', none: '#1f3a6e' } as const;
const BAR_COLOURS = { all: '#8a94a3', upper: '#1f3a6e', lower: '#86aee0' } as const;
const KEY_COLOUR = '#1b7f3b';
const KEY_SHADE = '#e3f2e6';
const GRID = '#d0d4da';
const AXIS = '#333333';
const INK = '#1e1e1e';

/** Two decimals, never `-0.00`. */
export function fixed2(x: number): string {
  const s = x.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

const n1 = (x: number): string => String(Math.round(x * 10) / 10);

/** Width of a text in px at `size`: CJK and full-width one em, the rest about 0.6 em. */
function textWidth(content: string, size: number): number {
  let ems = 0;
  for (const ch of content) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return ems * size;
}

interface TextStyle {
  readonly size: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly bold?: boolean;
  readonly fill?: string;
  readonly rotate?: boolean;
  readonly cls?: string;
  /** A white outline under the glyphs, to read over lines and dots. */
  readonly halo?: boolean;
}

function text(x: number, y: number, content: string, s: TextStyle): string {
  const attrs = [
    s.cls === undefined ? '' : `class="${s.cls}"`,
    `x="${n1(x)}"`,
    `y="${n1(y)}"`,
    `font-size="${n1(s.size)}"`,
    s.anchor === undefined || s.anchor === 'start' ? '' : `text-anchor="${s.anchor}"`,
    s.bold === true ? 'font-weight="bold"' : '',
    `fill="${s.fill ?? INK}"`,
    s.rotate === true ? `transform="rotate(-90 ${n1(x)} ${n1(y)})"` : '',
    s.halo === true ? 'stroke="#ffffff" stroke-width="5" stroke-linejoin="round" paint-order="stroke"' : '',
  ].filter((a) => a !== '');
  return `<text ${attrs.join(' ')}>${escapeXml(content)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string, extra = ''): string {
  return `<rect x="${n1(x)}" y="${n1(y)}" width="${n1(Math.max(0, w))}" height="${n1(Math.max(0, h))}" fill="${fill}"${extra === '' ? '' : ` ${extra}`}/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, dash = ''): string {
  return `<line x1="${n1(x1)}" y1="${n1(y1)}" x2="${n1(x2)}" y2="${n1(y2)}" stroke="${stroke}" stroke-width="${n1(width)}"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>`;
}

function svgDocument(size: { readonly width: number; readonly height: number }, parts: readonly string[]): string {
  const { width, height } = size;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    rect(0, 0, width, height, '#ffffff'),
    `<g font-family="${CHART_SANS}">`,
    ...parts,
    '</g>',
    '</svg>',
  ].join('\n');
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}
const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The lower end of the r axis: −0.4, or lower in steps of 0.2 when an item's r is below it. */
export function scatterYMin(report: SittingReport): number {
  const rs = report.items.flatMap((i) => (i.pointBiserial === null ? [] : [i.pointBiserial]));
  const low = Math.min(-0.4, ...rs);
  return Math.max(-1, Math.floor(low / 0.2 + 1e-9) * 0.2);
}

const PLOT = { left: 160, right: 1560, top: 110, bottom: 880 } as const;
const DOT = 11;
const LABEL_SIZE = 24;

/**
 * The scatter of a sitting: x = 通过率 p (0–1), y = 校正点二列相关 r (from −0.4, or the data's minimum,
 * to 1). Items whose r is null (nobody's answer varied) are not drawn; a note under the axis names them.
 * Each dot is a `<circle class="item" data-position="…" data-group="…">`.
 */
export function difficultyDiscriminationSvg(report: SittingReport): string {
  const yMin = scatterYMin(report);
  const X = (p: number) => PLOT.left + p * (PLOT.right - PLOT.left);
  const Y = (r: number) => PLOT.bottom - ((r - yMin) / (1 - yMin)) * (PLOT.bottom - PLOT.top);
  const parts: string[] = [];
  const t = THRESHOLDS;
  // bands: low and negative discrimination across, too hard and too easy down
  parts.push(rect(PLOT.left, Y(t.lowDiscrimination), PLOT.right - PLOT.left, Y(0) - Y(t.lowDiscrimination), '#fff1c7'));
  parts.push(rect(PLOT.left, Y(0), PLOT.right - PLOT.left, PLOT.bottom - Y(0), '#fbd9d9'));
  parts.push(rect(PLOT.left, PLOT.top, X(t.tooHard) - PLOT.left, PLOT.bottom - PLOT.top, '#c9d6ea', 'fill-opacity="0.55"'));
  parts.push(rect(X(t.tooEasy), PLOT.top, PLOT.right - X(t.tooEasy), PLOT.bottom - PLOT.top, '#c9d6ea', 'fill-opacity="0.55"'));
  // grid and ticks
  for (let k = 0; k <= 10; k++) {
    const x = X(k / 10);
    parts.push(line(x, PLOT.top, x, PLOT.bottom, GRID, 1));
    parts.push(text(x, PLOT.bottom + 36, (k / 10).toFixed(1), { size: 26, anchor: 'middle' }));
  }
  const steps = Math.round((1 - yMin) / 0.2);
  for (let k = 0; k <= steps; k++) {
    const r = yMin + k * 0.2;
    const y = Y(r);
    parts.push(line(PLOT.left, y, PLOT.right, y, GRID, 1));
    parts.push(text(PLOT.left - 12, y + 9, fixed2(r).replace(/0$/, ''), { size: 26, anchor: 'end' }));
  }
  // threshold lines, the zero line solid
  for (const p of [t.tooHard, t.tooEasy]) parts.push(line(X(p), PLOT.top, X(p), PLOT.bottom, '#5b6b82', 2, '10 6'));
  parts.push(line(PLOT.left, Y(t.lowDiscrimination), PLOT.right, Y(t.lowDiscrimination), '#b7791f', 2, '10 6'));
  parts.push(line(PLOT.left, Y(0), PLOT.right, Y(0), '#b03030', 2.5));
  parts.push(rect(PLOT.left, PLOT.top, PLOT.right - PLOT.left, PLOT.bottom - PLOT.top, 'none', `stroke="${AXIS}" stroke-width="2"`));

  // band labels; their boxes are kept free of item labels
  const occupied: Box[] = [];
  const bandLabel = (x: number, y: number, content: string, anchor: 'start' | 'middle', fill: string) => {
    const w = textWidth(content, 24);
    const x0 = anchor === 'middle' ? x - w / 2 : x;
    occupied.push({ x0, y0: y - 22, x1: x0 + w, y1: y + 6 });
    parts.push(text(x, y, content, { size: 24, anchor, fill, bold: true, cls: 'band' }));
  };
  const hardX = (PLOT.left + X(t.tooHard)) / 2;
  const easyX = (X(t.tooEasy) + PLOT.right) / 2;
  CHART_TEXT.tooHard.forEach((s, i) => bandLabel(hardX, PLOT.top + 32 + i * 30, s, 'middle', '#3d4f6b'));
  CHART_TEXT.tooEasy.forEach((s, i) => bandLabel(easyX, PLOT.top + 32 + i * 30, s, 'middle', '#3d4f6b'));
  bandLabel(X(t.tooHard) + 14, Y(t.lowDiscrimination) + 30, CHART_TEXT.low, 'start', '#8a5a00');
  bandLabel(X(t.tooHard) + 14, Y(0) + 30, CHART_TEXT.negative, 'start', '#a02020');

  // labels first (their leader lines go under the dots): the first free place around the dot — right,
  // left, above, below, the diagonals, then the same farther out with a leader line — else the right
  const plotted = report.items.filter((i) => i.pointBiserial !== null);
  const centre = (i: ReportItem) => ({ x: X(Math.min(1, Math.max(0, i.p))), y: Y(i.pointBiserial ?? 0) });
  const dots: Box[] = plotted.map((i) => {
    const c = centre(i);
    return { x0: c.x - DOT, y0: c.y - DOT, x1: c.x + DOT, y1: c.y + DOT };
  });
  const leaders: string[] = [];
  const labels: string[] = [];
  for (const item of [...plotted].sort((a, b) => a.position - b.position)) {
    const c = centre(item);
    const label = String(item.position);
    const w = textWidth(label, LABEL_SIZE);
    const h = LABEL_SIZE * 0.75;
    const ring = (g: number): (readonly [number, number])[] => [
      [c.x + g, c.y + h / 2],
      [c.x - g - w, c.y + h / 2],
      [c.x - w / 2, c.y - g],
      [c.x - w / 2, c.y + g + h],
      [c.x + g * 0.7, c.y - g * 0.7],
      [c.x - g * 0.7 - w, c.y - g * 0.7],
      [c.x + g * 0.7, c.y + g * 0.7 + h],
      [c.x - g * 0.7 - w, c.y + g * 0.7 + h],
    ];
    const near = ring(DOT + 3);
    const places = [...near, ...ring(DOT + 26), ...ring(DOT + 52)];
    const boxOf = ([x, y]: readonly [number, number]): Box => ({ x0: x, y0: y - h, x1: x + w, y1: y });
    const inside = (b: Box) => b.x0 >= PLOT.left + 2 && b.x1 <= PLOT.right + 30 && b.y0 >= PLOT.top + 2 && b.y1 <= PLOT.bottom - 2;
    const free = places.findIndex((p) => {
      const b = boxOf(p);
      return inside(b) && !occupied.some((o) => overlaps(o, b)) && !dots.some((d) => overlaps(d, b));
    });
    const [x, y] = places[free] ?? near.find((p) => inside(boxOf(p))) ?? (places[0] as readonly [number, number]);
    const box = boxOf([x, y]);
    occupied.push({ x0: box.x0 - 2, y0: box.y0 - 2, x1: box.x1 + 2, y1: box.y1 + 2 });
    if (free >= near.length) {
      const lx = Math.min(Math.max(c.x, box.x0), box.x1);
      const ly = Math.min(Math.max(c.y, box.y0), box.y1);
      leaders.push(line(c.x, c.y, lx, ly, '#7a808a', 1.5));
    }
    labels.push(text(x, y, label, { size: LABEL_SIZE, fill: item.group === 'none' ? INK : GROUP_COLOURS[item.group], bold: item.group !== 'none', cls: 'label', halo: true }));
  }
  parts.push(...leaders);
  // dots: the rest first, then notes, then the items for the panel on top; the labels over them
  const drawOrder = (['none', 'note', 'review'] as const).flatMap((g) => plotted.filter((i) => i.group === g).sort((a, b) => a.position - b.position));
  for (const item of drawOrder) {
    const c = centre(item);
    parts.push(
      `<circle class="item" data-position="${item.position}" data-group="${item.group}" cx="${n1(c.x)}" cy="${n1(c.y)}" r="${DOT}" fill="${GROUP_COLOURS[item.group]}" stroke="#ffffff" stroke-width="2"/>`,
    );
  }
  parts.push(...labels);

  // axis titles, legend, the note on items not drawn
  parts.push(text((PLOT.left + PLOT.right) / 2, PLOT.bottom + 84, CHART_TEXT.xAxis, { size: 30, anchor: 'middle', bold: true }));
  parts.push(text(52, (PLOT.top + PLOT.bottom) / 2, CHART_TEXT.yAxis, { size: 30, anchor: 'middle', bold: true, rotate: true }));
  let lx = PLOT.left;
  for (const g of ['review', 'note', 'none'] as const) {
    const label = CHART_TEXT.count(CHART_TEXT.groups[g], report.items.filter((i) => i.group === g).length);
    parts.push(`<circle cx="${n1(lx + DOT)}" cy="60" r="${DOT}" fill="${GROUP_COLOURS[g]}"/>`);
    parts.push(text(lx + 2 * DOT + 10, 69, label, { size: 26, cls: 'legend' }));
    lx += 2 * DOT + 10 + textWidth(label, 26) + 48;
  }
  const unplotted = report.items.filter((i) => i.pointBiserial === null).map((i) => i.position).sort((a, b) => a - b);
  if (unplotted.length > 0) parts.push(text(PLOT.left, PLOT.bottom + 136, CHART_TEXT.unplotted(unplotted), { size: 24, cls: 'note' }));
  return svgDocument(SCATTER_SIZE, parts);
}

/** Whether the item has options to chart (a practical task has none). */
export function hasDistractorChart(item: ReportItem): boolean {
  return item.options.length > 0;
}

const BARS_PLOT = { left: 120, right: 1370, top: 150, bottom: 520 } as const;

/**
 * The distractor bars of a choice item: per option three bars (全体, 高分组, 低分组, 0–100 %) with the
 * percentage written over each, the key option(s) shaded green and labelled `（答案）`, each option's
 * point-biserial under its letter, and a title line with the position, 题型, p, r and D. Throws a
 * RangeError for an item without options (a practical task): check `hasDistractorChart` first.
 */
export function distractorBarsSvg(item: ReportItem): string {
  if (!hasDistractorChart(item)) throw new RangeError(CHART_TEXT.noOptions(item.position));
  const parts: string[] = [];
  const P = BARS_PLOT;
  const Y = (rate: number) => P.bottom - Math.min(1, Math.max(0, rate)) * (P.bottom - P.top);
  parts.push(text(P.left - 80, 52, CHART_TEXT.itemTitle(item), { size: 32, bold: true, cls: 'title' }));
  // legend
  const legend: readonly (readonly [string, string])[] = [
    [CHART_TEXT.bars.all, BAR_COLOURS.all],
    [CHART_TEXT.bars.upper, BAR_COLOURS.upper],
    [CHART_TEXT.bars.lower, BAR_COLOURS.lower],
    [CHART_TEXT.keyLegend, KEY_SHADE],
  ];
  let lx = P.left - 80;
  for (const [label, colour] of legend) {
    parts.push(rect(lx, 80, 28, 28, colour, colour === KEY_SHADE ? `stroke="${KEY_COLOUR}" stroke-width="2"` : ''));
    parts.push(text(lx + 38, 104, label, { size: 26, cls: 'legend', fill: colour === KEY_SHADE ? KEY_COLOUR : INK }));
    lx += 38 + textWidth(label, 26) + 44;
  }
  const groupW = (P.right - P.left) / item.options.length;
  item.options.forEach((o, k) => {
    if (o.isKey) parts.push(rect(P.left + k * groupW + 6, P.top - 10, groupW - 12, P.bottom - P.top + 10, KEY_SHADE, 'class="key"'));
  });
  for (let k = 0; k <= 5; k++) {
    const y = Y(k / 5);
    parts.push(line(P.left, y, P.right, y, GRID, 1));
    parts.push(text(P.left - 12, y + 9, `${k * 20}%`, { size: 26, anchor: 'end' }));
  }
  parts.push(text(30, (P.top + P.bottom) / 2, CHART_TEXT.rateAxis, { size: 26, anchor: 'middle', rotate: true, bold: true }));
  const barW = Math.min(90, (groupW * 0.8) / 3);
  item.options.forEach((o, k) => {
    const mid = P.left + (k + 0.5) * groupW;
    const bars = [
      ['all', o.rate],
      ['upper', o.upperRate],
      ['lower', o.lowerRate],
    ] as const;
    bars.forEach(([which, rate], b) => {
      const x = mid + (b - 1.5) * barW + (b - 1) * 4;
      parts.push(rect(x, Y(rate), barW, P.bottom - Y(rate), BAR_COLOURS[which], `class="bar" data-option="${escapeXml(o.option)}" data-series="${which}"`));
      const size = Math.min(26, (barW + 8) / 2.4);
      parts.push(text(x + barW / 2, Y(rate) - 8, `${(rate * 100).toFixed(0)}%`, { size, anchor: 'middle', cls: 'rate' }));
    });
    const fill = o.isKey ? KEY_COLOUR : INK;
    parts.push(text(mid, P.bottom + 44, o.isKey ? `${o.option}${CHART_TEXT.key}` : o.option, { size: 32, anchor: 'middle', bold: true, fill, cls: 'option' }));
    parts.push(text(mid, P.bottom + 86, CHART_TEXT.optionR(o.pointBiserial), { size: 26, anchor: 'middle', fill: '#444444' }));
  });
  parts.push(line(P.left, P.bottom, P.right, P.bottom, AXIS, 2));
  return svgDocument(BARS_SIZE, parts);
}
