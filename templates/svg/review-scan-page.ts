/**
 * A stand-in for “a photo of the printed, ink-signed 题库内部审核意见” (demo and tests): the form's essentials
 * drawn as an SVG page, A4 at 150 dpi (1240 × 1754 px) — the title, the occupation block with the review
 * date written in, the 审核内容 checklist, the 审核结论 and the wrapped 审核意见, the expert table whose 签名
 * cells hold a scribble in dark-blue ink derived from the name (the same name always gives the same
 * scribble) and whose 日期 cells hold the signing date, the panel rule and the 审核组长's line. The paper
 * is tinted grey with a little grain and sits slightly askew on the scanner bed, as a scan does.
 *
 * Every text is XML-escaped. The fonts are named as a CSS family list that the SVG rasteriser
 * (app/readers/svg, resvg with the system fonts) resolves to the Noto CJK faces (fonts-noto-cjk), with
 * WenQuanYi Zen Hei as the fallback. Pure and deterministic: the same data give the same text.
 */
import type { ReviewOpinionData } from '../../app/domain/submission/documents.js';
import { CONCLUSION_BOXES, DEFAULT_CHECKS, PANEL_RULE, reviewOpinionTitle, reviewRound } from '../docx/review-opinion.js';

/** A4 at 150 dpi. */
export const SCAN_PAGE_WIDTH = 1240;
export const SCAN_PAGE_HEIGHT = 1754;
/** 宋体-like body text and 黑体-like labels, CJK faces first. */
export const SCAN_SERIF = "'Noto Serif CJK SC','WenQuanYi Zen Hei',serif";
export const SCAN_SANS = "'Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif";
/** Dark-blue ballpoint ink. */
export const INK = '#1d2f7c';

const LEFT = 110;
const RIGHT = 1130;
const BOTTOM = 1680;
const RULE = '#2a2a2a';
const SHADE = '#e4e3de';
const MAX_OPINION_LINES = 7;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

const fixed = (n: number): string => String(Math.round(n * 10) / 10);

/** Width of a text in em: CJK and full-width characters one em, the rest about half. */
function ems(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55;
  return width;
}

/** The largest font size up to `max` at which `text` fits `width`. */
function fitSize(text: string, width: number, max: number): number {
  const e = ems(text);
  return e === 0 ? max : Math.max(10, Math.min(max, width / e));
}

interface TextStyle {
  readonly size: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly sans?: boolean;
  readonly bold?: boolean;
  readonly fill?: string;
  readonly rotate?: number;
}

function text(x: number, y: number, content: string, style: TextStyle): string {
  const attrs = [
    `x="${fixed(x)}"`,
    `y="${fixed(y)}"`,
    `font-size="${fixed(style.size)}"`,
    style.anchor !== undefined && style.anchor !== 'start' ? `text-anchor="${style.anchor}"` : '',
    style.sans === true ? `font-family="${SCAN_SANS}"` : '',
    style.bold === true ? 'font-weight="bold"' : '',
    style.fill !== undefined ? `fill="${style.fill}"` : '',
    style.rotate !== undefined ? `transform="rotate(${fixed(style.rotate)} ${fixed(x)} ${fixed(y)})"` : '',
  ].filter((a) => a !== '');
  return `<text ${attrs.join(' ')}>${escapeXml(content)}</text>`;
}

/** A text in a cell, centred vertically, shrunk to the cell's width when long. */
function cell(x: number, y: number, w: number, h: number, content: string, style: Omit<TextStyle, 'size'> & { size?: number } = {}): string {
  if (content === '') return '';
  const size = fitSize(content, w - 16, style.size ?? 22);
  const anchor = style.anchor ?? 'middle';
  const tx = anchor === 'middle' ? x + w / 2 : anchor === 'end' ? x + w - 8 : x + 8;
  return text(tx, y + h / 2 + size * 0.36, content, { ...style, size, anchor });
}

/** The rules of a table: rows of `heights` from `y`, columns of `widths` from LEFT; shaded cells first. */
function grid(y: number, widths: readonly number[], heights: readonly number[], shaded: readonly (readonly [number, number])[] = []): string {
  const xs = widths.reduce<number[]>((acc, w) => [...acc, (acc.at(-1) ?? LEFT) + w], [LEFT]);
  const ys = heights.reduce<number[]>((acc, h) => [...acc, (acc.at(-1) ?? y) + h], [y]);
  const shades = shaded.map(
    ([r, c]) => `<rect x="${fixed(xs[c] ?? 0)}" y="${fixed(ys[r] ?? 0)}" width="${fixed(widths[c] ?? 0)}" height="${fixed(heights[r] ?? 0)}" fill="${SHADE}"/>`,
  );
  const right = xs.at(-1) ?? RIGHT;
  const bottom = ys.at(-1) ?? y;
  const d = [...ys.map((yy) => `M${fixed(LEFT)} ${fixed(yy)}H${fixed(right)}`), ...xs.map((xx) => `M${fixed(xx)} ${fixed(y)}V${fixed(bottom)}`)].join('');
  return `${shades.join('')}<path d="${d}" fill="none" stroke="${RULE}" stroke-width="1.6"/>`;
}

/** Column x positions of a table from LEFT. */
function columns(widths: readonly number[]): number[] {
  return widths.reduce<number[]>((acc, w) => [...acc, (acc.at(-1) ?? LEFT) + w], [LEFT]);
}

/** Lines of at most `width` px at `size`, broken between characters (and at the text's own line breaks). */
export function wrapText(content: string, width: number, size: number): string[] {
  const out: string[] = [];
  for (const paragraph of content.split(/\r?\n/).map((l) => l.trim())) {
    if (paragraph === '') continue;
    let line = '';
    for (const ch of paragraph) {
      if (line !== '' && ems(line + ch) * size > width) {
        out.push(line);
        line = '';
      }
      line += ch;
    }
    out.push(line);
  }
  return out;
}

/** A pseudo-random sequence in [0, 1) seeded by the code points of `seed` (FNV-1a, then mulberry32). */
function seeded(seed: string): () => number {
  let state = 0x811c9dc5;
  for (const ch of seed) state = Math.imul(state ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A hand-drawn-looking signature of `name` inside the box: per character (at most four) one to three
 * strokes of chained cubic Béziers, the first joined to the character before as in running hand, all
 * with the name's own slant and height, then a flourish underneath — all from the name's code points.
 */
export function signatureScribble(name: string, x: number, y: number, w: number, h: number): string {
  const chars = [...name.trim()].slice(0, 4);
  if (chars.length === 0) return '';
  const r = seeded(name.trim());
  const mid = y + h * 0.5;
  const slant = 0.15 + r() * 0.45;
  const p = (px: number, py: number) => `${fixed(px + slant * (mid - py))} ${fixed(py)}`;
  const glyph = (w * 0.74) / chars.length;
  const half = h * (0.28 + r() * 0.14);
  const strokes: string[] = [];
  let pen: readonly [number, number] = [x + w * 0.06, mid + (r() - 0.3) * half];
  let first = true;
  for (let i = 0; i < chars.length; i++) {
    const gx = x + w * 0.08 + i * glyph;
    const inGlyph = (): [number, number] => [gx + r() * glyph, mid + (r() * 2 - 1) * half];
    const count = 1 + Math.floor(r() * 3);
    for (let s = 0; s < count; s++) {
      const start = s === 0 ? pen : inGlyph();
      let d = `${s === 0 && !first ? 'L' : 'M'}${p(start[0], start[1])}`;
      first = false;
      for (let segments = 1 + Math.floor(r() * 2); segments > 0; segments--) {
        const [c1x, c1y] = [gx + (r() * 1.4 - 0.2) * glyph, mid + (r() * 2.6 - 1.3) * half];
        const [c2x, c2y] = [gx + (r() * 1.4 - 0.2) * glyph, mid + (r() * 2.6 - 1.3) * half];
        pen = inGlyph();
        d += `C${p(c1x, c1y)} ${p(c2x, c2y)} ${p(pen[0], pen[1])}`;
      }
      strokes.push(d);
    }
    pen = [gx + glyph * (0.9 + r() * 0.2), mid + (r() - 0.5) * half];
  }
  const end = x + w * (0.82 + r() * 0.12);
  const flourish = `M${p(x + w * (0.05 + r() * 0.1), mid + half * 1.1)}C${p(x + w * 0.35, mid + half * (1.4 + r() * 0.3))} ${p(end - w * 0.2, mid + half * (0.6 + r() * 0.4))} ${p(end, mid + half * (0.5 + r() * 0.6))}`;
  const width = fixed(2 + r() * 1.1);
  return `<path d="${strokes.join('')}${flourish}" fill="none" stroke="${INK}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round" stroke-opacity="0.9"/>`;
}

/** The paper look: a gradient of light across the page and a faint grain. */
const DEFS =
  '<defs>' +
  '<linearGradient id="light" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity="0.3"/><stop offset="1" stop-color="#77746a" stop-opacity="0.14"/></linearGradient>' +
  '<filter id="grain" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.85" numOctaves="2" seed="7"/>' +
  '<feColorMatrix type="matrix" values="0 0 0 0 0.42 0 0 0 0 0.41 0 0 0 0 0.38 0 0 0 0.1 0"/></filter>' +
  '</defs>';

function heading(y: number, content: string): string {
  return text(LEFT, y, content, { size: 26, sans: true, bold: true });
}

/** The occupation block: occupation, code, level, review date (written in), leader and round. */
function occupationBlock(data: ReviewOpinionData, signedOn: string, y: number): { svg: string; y: number } {
  const widths = [190, 430, 170, 230];
  const xs = columns(widths);
  const rowH = 50;
  const { header } = data;
  const rows: readonly (readonly [string, string, string, string])[] = [
    ['职业（工种）', header.occupationTitle, '职业编码', header.occupationCode],
    ['等级', header.levelName, '审核日期', ''],
    ['审核组长', data.leader, '审核次数', reviewRound(data.round)],
  ];
  const parts = [grid(y, widths, rows.map(() => rowH), rows.flatMap((_, r) => [[r, 0] as const, [r, 2] as const]))];
  rows.forEach((row, r) => {
    row.forEach((content, c) => {
      parts.push(cell(xs[c] ?? 0, y + r * rowH, widths[c] ?? 0, rowH, content, { sans: c % 2 === 0, bold: c % 2 === 0 }));
    });
  });
  parts.push(cell(xs[3] ?? 0, y + rowH, widths[3] ?? 0, rowH, signedOn, { fill: INK, rotate: -2, size: 24 }));
  return { svg: parts.join(''), y: y + rows.length * rowH };
}

function checklistBlock(data: ReviewOpinionData, y: number): { svg: string; y: number } {
  const checks = data.checklist.length > 0 ? data.checklist : DEFAULT_CHECKS;
  const widths = [90, 760, 170];
  const xs = columns(widths);
  const rowH = 36;
  const rows = [['序号', '审核内容', '审核结论'], ...checks.map((c, i) => [String(i + 1), c.item, c.result])];
  const parts = [grid(y, widths, rows.map(() => rowH), [0, 1, 2].map((c) => [0, c] as const))];
  rows.forEach((row, r) => {
    row.forEach((content, c) => {
      parts.push(cell(xs[c] ?? 0, y + r * rowH, widths[c] ?? 0, rowH, content, { size: 19, sans: r === 0, bold: r === 0, anchor: c === 1 && r > 0 ? 'start' : 'middle' }));
    });
  });
  return { svg: parts.join(''), y: y + rows.length * rowH };
}

function conclusionBlock(data: ReviewOpinionData, y: number): { svg: string; y: number } {
  const labelW = 190;
  const textW = 830;
  const size = 21;
  const lineH = 34;
  let lines = wrapText(data.opinion, textW - 32, size);
  if (lines.length > MAX_OPINION_LINES) lines = [...lines.slice(0, MAX_OPINION_LINES - 1), `${(lines[MAX_OPINION_LINES - 1] ?? '').slice(0, -1)}…`];
  const rowH = 50;
  const boxH = Math.max(4, lines.length) * lineH + 28;
  const conclusion = data.conclusion.trim() === '' ? CONCLUSION_BOXES : data.conclusion.trim();
  const parts = [
    grid(y, [labelW, textW], [rowH, boxH], [
      [0, 0],
      [1, 0],
    ]),
    cell(LEFT, y, labelW, rowH, '审核结论', { sans: true, bold: true }),
    cell(LEFT + labelW, y, textW, rowH, conclusion, { anchor: 'start' }),
    cell(LEFT, y + rowH, labelW, boxH, '审核意见', { sans: true, bold: true }),
    ...lines.map((line, i) => text(LEFT + labelW + 16, y + rowH + 6 + (i + 1) * lineH, line, { size })),
  ];
  return { svg: parts.join(''), y: y + rowH + boxH };
}

function expertBlock(data: ReviewOpinionData, signedOn: string, y: number): { svg: string; y: number } {
  const widths = [64, 120, 290, 130, 150, 140, 126];
  const xs = columns(widths);
  const count = Math.max(5, data.experts.length);
  const footer = 170;
  const rowH = Math.max(40, Math.min(58, (BOTTOM - footer - y - 44) / count));
  const heights = [44, ...Array.from({ length: count }, () => rowH)];
  const head = ['序号', '姓名', '单位', '职称', '专家类别', '签名', '日期'];
  const parts = [grid(y, widths, heights, head.map((_, c) => [0, c] as const))];
  head.forEach((content, c) => parts.push(cell(xs[c] ?? 0, y, widths[c] ?? 0, 44, content, { size: 20, sans: true, bold: true })));
  for (let i = 0; i < count; i++) {
    const expert = data.experts[i];
    const top = y + 44 + i * rowH;
    const row = expert === undefined ? [String(i + 1)] : [String(i + 1), expert.name, expert.unit, expert.title, expert.category];
    row.forEach((content, c) => parts.push(cell(xs[c] ?? 0, top, widths[c] ?? 0, rowH, content, { size: 20 })));
    if (expert === undefined) continue;
    parts.push(signatureScribble(expert.name, xs[5] ?? 0, top + 4, widths[5] ?? 0, rowH - 8));
    parts.push(cell(xs[6] ?? 0, top, widths[6] ?? 0, rowH, signedOn, { fill: INK, size: 17, rotate: -3 }));
  }
  return { svg: parts.join(''), y: y + heights.reduce((a, b) => a + b, 0) };
}

function footerBlock(data: ReviewOpinionData, signedOn: string, y: number): string {
  const note = `注：${PANEL_RULE}`;
  const leaderLabel = '审核组长（签名）：';
  const leaderY = y + 80;
  const labelSize = 22;
  const signX = RIGHT - 560;
  const institution = `审核组织单位（盖章）：${data.header.institution}　　年　月　日`;
  return [
    text(LEFT, y + 34, note, { size: fitSize(note, RIGHT - LEFT, 18), fill: '#333333' }),
    text(signX, leaderY, leaderLabel, { size: labelSize }),
    data.leader.trim() === '' ? '' : signatureScribble(data.leader, signX + ems(leaderLabel) * labelSize + 4, leaderY - 40, 140, 52),
    text(RIGHT, leaderY, signedOn, { size: 22, anchor: 'end', fill: INK, rotate: -2 }),
    text(RIGHT, leaderY + 56, institution, { size: fitSize(institution, RIGHT - LEFT, 22), anchor: 'end' }),
  ].join('');
}

/** The page as an SVG text, 1240 × 1754 px (A4 at 150 dpi). */
export function reviewScanPageSvg(data: ReviewOpinionData, signedOn: string): string {
  const title = reviewOpinionTitle(data);
  const { header } = data;
  const parts: string[] = [];
  parts.push(text(LEFT, 96, header.mark, { size: 20, sans: true, bold: true }));
  if (header.sampleNote !== '') parts.push(text(LEFT, 124, header.sampleNote, { size: 17, fill: '#444444' }));
  parts.push(text(SCAN_PAGE_WIDTH / 2, 196, title, { size: fitSize(title, RIGHT - LEFT, 40), anchor: 'middle', sans: true, bold: true }));
  const block = occupationBlock(data, signedOn, 240);
  parts.push(block.svg, heading(block.y + 44, '一、审核内容'));
  const checks = checklistBlock(data, block.y + 60);
  parts.push(checks.svg, heading(checks.y + 44, '二、审核结论与意见'));
  const conclusion = conclusionBlock(data, checks.y + 60);
  parts.push(conclusion.svg, heading(conclusion.y + 44, '三、审核专家'));
  const experts = expertBlock(data, signedOn, conclusion.y + 60);
  parts.push(experts.svg, footerBlock(data, signedOn, experts.y));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(SCAN_PAGE_WIDTH)}" height="${String(SCAN_PAGE_HEIGHT)}" viewBox="0 0 ${String(SCAN_PAGE_WIDTH)} ${String(SCAN_PAGE_HEIGHT)}">`,
    DEFS,
    `<rect width="${String(SCAN_PAGE_WIDTH)}" height="${String(SCAN_PAGE_HEIGHT)}" fill="#d9d8d3"/>`,
    `<g transform="rotate(-0.45 620 877)" font-family="${SCAN_SERIF}" fill="#1e1e1e">`,
    `<rect x="8" y="6" width="1224" height="1742" fill="#f5f4ef"/>`,
    ...parts,
    '</g>',
    `<rect width="${String(SCAN_PAGE_WIDTH)}" height="${String(SCAN_PAGE_HEIGHT)}" fill="url(#light)"/>`,
    `<rect width="${String(SCAN_PAGE_WIDTH)}" height="${String(SCAN_PAGE_HEIGHT)}" filter="url(#grain)"/>`,
    '</svg>',
  ].join('\n');
}
