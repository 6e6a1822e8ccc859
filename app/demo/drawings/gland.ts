/**
 * 填料压盖 (packing gland), the B-module task's figure: an A4 sheet with two views (figureNote of
 * 绘制填料压盖三维实体图). 主视图 a full section through the axis and both bolt holes; 俯视图 the flange
 * outline: a φ60 circle joined to two R18 ends (centres 100 apart) by common tangents, φ16 holes at the
 * ends; φ40 × 8 boss above the 12 thick flange, φ46 × 28 spigot below with a C1.5 chamfer, bore φ30, 48 high.
 */
import { circleLeader, leader, linear, radiusOut } from './dims.js';
import { sheet, titleBlock } from './sheet.js';
import { type Pt, viewAt } from './svg.js';
import { lines, mirror, type Poly, sectionAreas } from './views.js';

const INNER: Poly = [
  [15, 0],
  [21.5, 0],
  [23, 1.5],
  [23, 28],
  [42, 28],
  [42, 40],
  [20, 40],
  [20, 48],
  [15, 48],
];
const END: Poly = [
  [58, 28],
  [68, 28],
  [68, 40],
  [58, 40],
];

/** The flange outline seen from above: φ60 middle, R18 ends at x = ±50, common tangents. */
function flangeOutline(): [number, number][] {
  const alpha = (Math.asin(12 / 50) * 180) / Math.PI;
  const arc = (cx: number, r: number, a0: number, a1: number): [number, number][] => {
    const out: [number, number][] = [];
    const n = Math.max(4, Math.ceil(Math.abs(a1 - a0) / 3));
    for (let k = 0; k <= n; k++) {
      const t = ((a0 + ((a1 - a0) * k) / n) * Math.PI) / 180;
      out.push([cx + r * Math.cos(t), r * Math.sin(t)]);
    }
    return out;
  };
  const up = 90 - alpha;
  return [
    ...arc(0, 30, up, 180 - up),
    ...arc(-50, 18, 180 - up, 180 + up),
    ...arc(0, 30, 180 + up, 360 - up),
    ...arc(50, 18, -up, up),
  ];
}

export function glandDrawing(): string {
  const { d, frame } = sheet('A4', 'portrait');
  const cx = frame.x + frame.w / 2;
  const front = viewAt(cx, 112);
  const top = viewAt(cx, 190);

  d.group('class="view front"', () => {
    sectionAreas(d, front, [INNER, END, mirror(INNER), mirror(END)]);
    lines(d, front, [
      [[-15, 0], [15, 0]],
      [[-15, 48], [15, 48]],
      [[42, 28], [58, 28]],
      [[42, 40], [58, 40]],
      [[-42, 28], [-58, 28]],
      [[-42, 40], [-58, 40]],
    ]);
    lines(d, front, [[[0, -3], [0, 52]], [[50, 25], [50, 43]], [[-50, 25], [-50, 43]]], 'centre');
  });

  d.group('class="view top"', () => {
    const outline: Pt[] = flangeOutline().map(([x, y]) => top(x, y));
    d.polyline(outline, 'thick', true);
    for (const r of [20, 15]) d.circle(top(0, 0), r, 'thick');
    for (const x of [-50, 50]) d.circle(top(x, 0), 8, 'thick');
    d.line(top(-72, 0), top(72, 0), 'centre');
    d.line(top(0, -34), top(0, 34), 'centre');
    for (const x of [-50, 50]) d.line(top(x, -21), top(x, 21), 'centre');
  });

  d.group('class="dimensions"', () => {
    linear(d, front(-20, 48), front(20, 48), { dir: 'h', at: front(0, 56)[1], text: 'φ40' });
    linear(d, front(-15, 0), front(15, 0), { dir: 'h', at: front(0, -9)[1], text: 'φ30' });
    linear(d, front(-23, 1.5), front(23, 1.5), { dir: 'h', at: front(0, -17)[1], text: 'φ46' });
    linear(d, front(-68, 40), front(-20, 48), { dir: 'v', at: front(-75, 0)[0], text: '8', outside: true });
    linear(d, front(-21.5, 0), front(-20, 48), { dir: 'v', at: front(-85, 0)[0], text: '48', ext: [true, false] });
    linear(d, front(21.5, 0), front(68, 28), { dir: 'v', at: front(78, 0)[0], text: '28' });
    linear(d, front(68, 28), front(68, 40), { dir: 'v', at: front(78, 0)[0], text: '12', ext: [false, true] });
    leader(d, front(-22.25, 0.75), front(-38, -9), 'C1.5', 'none');
    // Top view: centre distance, the ends' radius, the middle circle, the holes.
    linear(d, top(-50, 21), top(50, 21), { dir: 'h', at: top(0, 40)[1], text: '100' });
    radiusOut(d, top(50, 0), 18, -40, 10, 'R18');
    circleLeader(d, top(0, 0), 30, 262, 14, 'φ60');
    circleLeader(d, top(-50, 0), 8, 225, 14, '2×φ16');
  });

  titleBlock(d, frame, { name: '填料压盖', material: 'HT150', scale: '1∶1', number: 'ZT-05' });
  return d.toString();
}
