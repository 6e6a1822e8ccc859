/**
 * The C-module tasks' figures (图档管理): the set of copies the candidate folds, numbers or files, on one
 * A3 sheet. Each copy is drawn reduced 1∶6 with its trimmed edge, frame (with or without 装订边) and
 * title block corner, name, 图号 and size; the gear pump's sheet also shows its assembly drawing's 明细栏
 * and 标题栏 at 1∶1 with the 代号 columns blank, as the candidate receives them.
 */
import { frameOf, partsList, type PartsListRow, SHEET_SIZES, sheet, type SheetSize, titleBlock } from './sheet.js';
import { type Drawing, type Pt, textWidth } from './svg.js';

export interface SetSheet {
  readonly size: SheetSize;
  readonly name: string;
  /** 图号; empty for a copy that has none yet. */
  readonly number: string;
  readonly portrait?: boolean;
}

/** Copies are drawn 1∶6 (GB/T 14690 allows it; 1∶5 would not fit an A1 and two A2 side by side on A3). */
const REDUCTION = 6;

/** One copy at 1∶6 with its lower left corner at `at`; returns its width on the sheet. */
function miniature(d: Drawing, at: Pt, s: SetSheet, binding: boolean): number {
  const [short, long] = SHEET_SIZES[s.size];
  const [w, h] = s.portrait === true ? [short, long] : [long, short];
  const k = 1 / REDUCTION;
  const x = at[0];
  const y = at[1] - h * k;
  d.rect(x, y, w * k, h * k, 'thin');
  const f = frameOf(s.size, w, h, binding);
  d.rect(x + f.x * k, y + f.y * k, f.w * k, f.h * k, 'thick');
  const tbw = (s.size === 'A4' || s.size === 'A3' ? 140 : 180) * k;
  const tbh = (s.size === 'A4' || s.size === 'A3' ? 32 : 56) * k;
  const fx = x + (f.x + f.w) * k;
  const fy = y + (f.y + f.h) * k;
  d.rect(fx - tbw, fy - tbh, tbw, tbh, 'thin');
  d.line([fx - tbw / 2, fy - tbh], [fx - tbw / 2, fy], 'thin');
  const fit = (text: string) => Math.min(2.2, (tbw / 2 - 1) / textWidth(text, 1));
  d.text([fx - (tbw * 3) / 4, fy - tbh / 2 + 0.8], s.name, { size: fit(s.name), anchor: 'middle' });
  if (s.number !== '' && !s.number.startsWith('（')) d.text([fx - tbw / 4, fy - tbh / 2 + 0.8], s.number, { size: fit(s.number), anchor: 'middle' });
  const cx = x + (w * k) / 2;
  const cy = y + (h * k) / 2;
  const size = h * k > 60 ? 4.5 : 3.5;
  d.text([cx, cy - size * 0.9], s.name, { size, anchor: 'middle' });
  d.text([cx, cy + size * 0.7], s.number === '' ? '图号：______' : s.number, { size, anchor: 'middle' });
  d.text([cx, y + h * k + 4.5], `${s.size}  ${String(w)}×${String(h)}`, { size: 2.8, anchor: 'middle' });
  return w * k;
}

/** Rows of copies from the upper left of `origin`, `gap` apart; a caption above. */
function layout(d: Drawing, origin: Pt, rows: readonly (readonly SetSheet[])[], binding: boolean, caption: string): void {
  d.text([origin[0], origin[1] - 4], caption, { size: 5 });
  let y = origin[1] + 4;
  for (const row of rows) {
    const height = Math.max(...row.map((s) => SHEET_SIZES[s.size][s.portrait === true ? 1 : 0] / REDUCTION));
    let x = origin[0];
    for (const s of row) x += miniature(d, [x, y + height], s, binding) + 12;
    y += height + 14;
  }
}

function setSheet(caption: string, rows: readonly (readonly SetSheet[])[], binding: boolean, name: string, note: string): string {
  const { d, frame } = sheet('A3', 'landscape');
  d.group('class="sheet-set"', () => layout(d, [frame.x + 15, frame.y + 20], rows, binding, caption));
  d.text([frame.x + 15, frame.y + frame.h - 12], note, { size: 3.5 });
  const drawings = rows.flat().filter((s) => !s.number.startsWith('（')).length;
  titleBlock(d, frame, { name, scale: '1∶6', material: '—', quantity: String(drawings), number: '' });
  return d.toString();
}

export function reducerSetDrawing(): string {
  return setSheet(
    '一级圆柱齿轮减速器复制图一套（缩小 1∶6，留装订边，标题栏在右下角）',
    [
      [
        { size: 'A1', name: '减速器装配图', number: 'JSQ-00' },
        { size: 'A2', name: '箱座', number: 'JSQ-01' },
        { size: 'A2', name: '箱盖', number: 'JSQ-02' },
      ],
      [
        { size: 'A3', name: '输出轴', number: 'JSQ-03' },
        { size: 'A3', name: '大齿轮', number: 'JSQ-04' },
        { size: 'A3', name: '轴承端盖', number: 'JSQ-05' },
        { size: 'A4', name: '封面', number: '（空白）', portrait: true },
        { size: 'A4', name: '图样目录', number: '（空白）', portrait: true },
      ],
    ],
    true,
    '减速器复制图',
    '注：共 6 张图样（顺序已打乱），另附空白封面和图样目录表各一张；折叠后幅面为 A4（210×297），在左侧装订成册。',
  );
}

export function viceSetDrawing(): string {
  return setSheet(
    '机用虎钳复制图一套（缩小 1∶6，不留装订边，标题栏在右下角）',
    [
      [
        { size: 'A1', name: '机用虎钳装配图', number: 'JQ-00' },
        { size: 'A2', name: '固定钳身', number: 'JQ-01' },
        { size: 'A3', name: '活动钳身', number: 'JQ-02' },
      ],
      [
        { size: 'A3', name: '螺杆', number: 'JQ-03' },
        { size: 'A3', name: '钳口板', number: 'JQ-04' },
        { size: 'A4', name: '方块螺母', number: 'JQ-05', portrait: true },
        { size: 'A4', name: '螺钉', number: 'JQ-06', portrait: true },
      ],
    ],
    false,
    '机用虎钳复制图',
    '注：共 7 张图样（顺序已打乱）；A1、A2、A3 图纸折叠成 A4（210×297）后按图号顺序整理，装入档案袋。',
  );
}

const PUMP_PARTS: readonly PartsListRow[] = [
  { name: '泵体', quantity: '1', material: 'HT200' },
  { name: '泵盖', quantity: '1', material: 'HT200' },
  { name: '垫片', quantity: '1', material: '工业用纸' },
  { name: '主动齿轮轴', quantity: '1', material: '45' },
  { name: '从动齿轮轴', quantity: '1', material: '45' },
  { name: '轴套', quantity: '1', material: 'H62' },
  { name: '压紧螺母', quantity: '1', material: 'Q235A' },
  { name: '传动齿轮', quantity: '1', material: '45' },
  { name: '螺钉 M6×20', quantity: '6', material: '8.8 级', note: 'GB/T 70.1' },
  { name: '销 5 m6×20', quantity: '2', material: '35', note: 'GB/T 119.1' },
  { name: '键 5×5×12', quantity: '1', material: '45', note: 'GB/T 1096' },
  { name: '垫圈 12', quantity: '1', material: '140HV', note: 'GB/T 97.1' },
  { name: '螺母 M12', quantity: '1', material: '8 级', note: 'GB/T 6170' },
];

export function pumpSetDrawing(): string {
  const { d, frame } = sheet('A3', 'landscape');
  d.group('class="sheet-set"', () =>
    layout(
      d,
      [frame.x + 12, frame.y + 20],
      [
        [
          { size: 'A2', name: '齿轮油泵装配图', number: '' },
          { size: 'A3', name: '泵体', number: '' },
        ],
        [
          { size: 'A3', name: '泵盖', number: '' },
          { size: 'A3', name: '主动齿轮轴', number: '' },
        ],
        [
          { size: 'A4', name: '垫片', number: '', portrait: true },
          { size: 'A4', name: '从动齿轮轴', number: '', portrait: true },
          { size: 'A4', name: '轴套', number: '', portrait: true },
          { size: 'A4', name: '压紧螺母', number: '', portrait: true },
          { size: 'A4', name: '传动齿轮', number: '', portrait: true },
        ],
      ],
      true,
      '齿轮油泵复制图一套（缩小 1∶6，均未编图号）',
    ),
  );
  const corner: Pt = [frame.x + frame.w, frame.y + frame.h];
  d.text([corner[0] - 140, corner[1] - 32 - (PUMP_PARTS.length + 1) * 7 - 8], '装配图（A2）右下角：明细栏与标题栏（1∶1）', { size: 4 });
  partsList(d, frame, PUMP_PARTS, corner);
  titleBlock(d, frame, { name: '齿轮油泵', scale: '1∶1', material: '', quantity: '', number: '' }, corner);
  return d.toString();
}
