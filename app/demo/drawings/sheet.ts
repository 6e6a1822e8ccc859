/**
 * Sheets after GB/T 14689 (sizes, 图框 with or without 装订边: a = 25, c = 5 for A3/A4 and 10 for A0–A2,
 * e = 10 for A2–A4 and 20 for A0/A1), a 标题栏 in the simplified form of GB/T 10609.1 used in training and
 * assessment (140 × 32: 名称, 比例, 数量, 图号, 材料, 制图, 审核, 单位) and a 明细栏 (GB/T 10609.2) on it.
 */
import { Drawing, type Pt } from './svg.js';

export type SheetSize = 'A0' | 'A1' | 'A2' | 'A3' | 'A4';

/** Short × long side, millimetres. */
export const SHEET_SIZES: Readonly<Record<SheetSize, readonly [number, number]>> = {
  A0: [841, 1189],
  A1: [594, 841],
  A2: [420, 594],
  A3: [297, 420],
  A4: [210, 297],
};

export interface Frame {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The frame (图框) inside a trimmed sheet of `w × h` with its margins. */
export function frameOf(size: SheetSize, w: number, h: number, binding: boolean): Frame {
  const large = size === 'A0' || size === 'A1' || size === 'A2';
  if (binding) {
    const c = large ? 10 : 5;
    return { x: 25, y: c, w: w - 25 - c, h: h - 2 * c };
  }
  const e = size === 'A0' || size === 'A1' ? 20 : 10;
  return { x: e, y: e, w: w - 2 * e, h: h - 2 * e };
}

export interface Sheet {
  readonly d: Drawing;
  readonly frame: Frame;
}

/** A new sheet: the trimmed edge (细实线) and the frame (粗实线). */
export function sheet(size: SheetSize, orientation: 'landscape' | 'portrait', binding = true): Sheet {
  const [short, long] = SHEET_SIZES[size];
  const [w, h] = orientation === 'landscape' ? [long, short] : [short, long];
  const d = new Drawing(w, h);
  d.rect(0.2, 0.2, w - 0.4, h - 0.4, 'thin');
  const frame = frameOf(size, w, h, binding);
  d.rect(frame.x, frame.y, frame.w, frame.h, 'thick');
  return { d, frame };
}

export interface TitleBlock {
  readonly name: string;
  readonly material?: string;
  readonly scale?: string;
  readonly number?: string;
  readonly quantity?: string;
  readonly unit?: string;
}

export const TITLE_BLOCK = { width: 140, height: 32, row: 8 } as const;
/** Column edges of the title block, from its left side. */
const COLUMNS = [0, 12, 40, 65, 77, 95, 107, 140] as const;

function cellText(d: Drawing, x0: number, x1: number, y0: number, y1: number, text: string, size: number): void {
  if (text === '') return;
  d.text([(x0 + x1) / 2, (y0 + y1) / 2 + size * 0.36], text, { size, anchor: 'middle' });
}

/** The 标题栏 at the lower right corner of `frame` (or with its lower right corner at `corner`). */
export function titleBlock(d: Drawing, frame: Frame, t: TitleBlock, corner?: Pt): void {
  const right = corner?.[0] ?? frame.x + frame.w;
  const bottom = corner?.[1] ?? frame.y + frame.h;
  const x = right - TITLE_BLOCK.width;
  const y = bottom - TITLE_BLOCK.height;
  const row = TITLE_BLOCK.row;
  const cx = (k: number) => x + (COLUMNS[k] as number);
  const ry = (k: number) => y + k * row;
  d.group('class="title-block"', () => {
    d.fill(`M${x} ${y}h${TITLE_BLOCK.width}v${TITLE_BLOCK.height}h${-TITLE_BLOCK.width}Z`, '#fff');
    // Horizontal lines: under row 1 right of the name, the middle line across, under row 3 left of the unit.
    d.line([cx(3), ry(1)], [right, ry(1)], 'thin');
    d.line([x, ry(2)], [right, ry(2)], 'thin');
    d.line([x, ry(3)], [cx(3), ry(3)], 'thin');
    // Vertical lines: the upper half (name | 比例 | value | 图号 | value) and the lower half (制图 | name | date | unit).
    for (const k of [3, 4, 5, 6]) d.line([cx(k), y], [cx(k), ry(2)], 'thin');
    for (const k of [1, 2, 3]) d.line([cx(k), ry(2)], [cx(k), bottom], 'thin');
    d.rect(x, y, TITLE_BLOCK.width, TITLE_BLOCK.height, 'thick');
    cellText(d, cx(0), cx(3), ry(0), ry(2), t.name, 7);
    cellText(d, cx(3), cx(4), ry(0), ry(1), '比例', 3.5);
    cellText(d, cx(4), cx(5), ry(0), ry(1), t.scale ?? '1∶1', 3.5);
    cellText(d, cx(5), cx(6), ry(0), ry(1), '图号', 3.5);
    cellText(d, cx(6), cx(7), ry(0), ry(1), t.number ?? '', 3.5);
    cellText(d, cx(3), cx(4), ry(1), ry(2), '数量', 3.5);
    cellText(d, cx(4), cx(5), ry(1), ry(2), t.quantity ?? '1', 3.5);
    cellText(d, cx(5), cx(6), ry(1), ry(2), '材料', 3.5);
    cellText(d, cx(6), cx(7), ry(1), ry(2), t.material ?? '', 3.5);
    cellText(d, cx(0), cx(1), ry(2), ry(3), '制图', 3.5);
    cellText(d, cx(0), cx(1), ry(3), ry(4), '审核', 3.5);
    cellText(d, cx(3), cx(7), ry(2), ry(4), t.unit ?? '（考点名称）', 5);
  });
}

export interface PartsListRow {
  readonly code?: string;
  readonly name: string;
  readonly quantity: string;
  readonly material: string;
  readonly note?: string;
}

export const PARTS_LIST = { row: 7, columns: [0, 8, 38, 74, 84, 110, 140] as const };
const PARTS_HEAD = ['序号', '代号', '名称', '数量', '材料', '备注'] as const;

/** A 明细栏 of `rows` (序号 1 at the bottom) standing on the title block at the lower right of `frame`. */
export function partsList(d: Drawing, frame: Frame, rows: readonly PartsListRow[], corner?: Pt): void {
  const right = corner?.[0] ?? frame.x + frame.w;
  const top = (corner?.[1] ?? frame.y + frame.h) - TITLE_BLOCK.height;
  const x = right - TITLE_BLOCK.width;
  const r = PARTS_LIST.row;
  const height = (rows.length + 1) * r;
  const cx = (k: number) => x + (PARTS_LIST.columns[k] as number);
  d.group('class="parts-list"', () => {
    for (let k = 1; k <= rows.length; k++) d.line([x, top - k * r], [right, top - k * r], 'thin');
    d.line([x, top - height], [right, top - height], 'thin');
    for (let k = 0; k < PARTS_LIST.columns.length; k++) d.line([cx(k), top], [cx(k), top - height], 'thick');
    d.line([x, top - r], [right, top - r], 'thick');
    PARTS_HEAD.forEach((head, k) => cellText(d, cx(k), cx(k + 1), top - r, top, head, 3.5));
    rows.forEach((row, k) => {
      const y1 = top - (k + 1) * r;
      const y0 = y1 - r;
      const cells = [String(k + 1), row.code ?? '', row.name, row.quantity, row.material, row.note ?? ''];
      cells.forEach((text, c) => cellText(d, cx(c), cx(c + 1), y0, y1, text, text.length > 9 ? 2.8 : 3.5));
    });
  });
}

/** A block of numbered notes (技术要求) with its heading, top left at `at`. */
export function notes(d: Drawing, at: Pt, heading: string, lines: readonly string[], size = 3.5): void {
  d.text([at[0] + 10, at[1]], heading, { size: size * 1.25 });
  lines.forEach((line, k) => d.text([at[0], at[1] + (k + 1) * size * 1.8], line, { size }));
}
