/**
 * 法兰盘 (flange), the B-module task's figure: an A4 sheet with two views (figureNote of 绘制法兰盘三维实体图).
 * 主视图 a full section through the axis and two of the bolt holes; 俯视图 the hole pattern. Disc φ130 × 16,
 * hub φ70 standing 24 above it (40 in all) with a C2 chamfer at its top edge, bore φ45, a φ80 × 3 recess in
 * the bottom face, 4 × φ13 holes on a φ100 circle on the centre lines.
 */
import { centreCross, circleLeader, leader, linear } from './dims.js';
import { sheet, titleBlock } from './sheet.js';
import { viewAt } from './svg.js';
import { lines, mirror, type Poly, sectionAreas } from './views.js';

/** Right half of the section, one polygon per separate area (the bolt hole splits the disc). */
const INNER: Poly = [
  [22.5, 3],
  [40, 3],
  [40, 0],
  [43.5, 0],
  [43.5, 16],
  [35, 16],
  [35, 38],
  [33, 40],
  [22.5, 40],
];
const RIM: Poly = [
  [56.5, 0],
  [65, 0],
  [65, 16],
  [56.5, 16],
];

export function flangeDrawing(): string {
  const { d, frame } = sheet('A4', 'portrait');
  const cx = frame.x + frame.w / 2;
  const front = viewAt(cx, 96);
  const top = viewAt(cx, 191);

  d.group('class="view front"', () => {
    sectionAreas(d, front, [INNER, RIM, mirror(INNER), mirror(RIM)]);
    // Lines behind the cutting plane: the rims of the bore (top, recess) and of the bolt holes.
    lines(d, front, [
      [[-22.5, 40], [22.5, 40]],
      [[-22.5, 3], [22.5, 3]],
      [[43.5, 0], [56.5, 0]],
      [[43.5, 16], [56.5, 16]],
      [[-43.5, 0], [-56.5, 0]],
      [[-43.5, 16], [-56.5, 16]],
    ]);
    lines(d, front, [[[0, -3], [0, 44]], [[50, -3], [50, 19]], [[-50, -3], [-50, 19]]], 'centre');
  });

  d.group('class="view top"', () => {
    const c = top(0, 0);
    for (const r of [65, 35, 33, 22.5]) d.circle(c, r, 'thick');
    d.circle(c, 50, 'centre');
    for (const [x, y] of [[50, 0], [-50, 0], [0, 50], [0, -50]] as const) d.circle(top(x, y), 6.5, 'thick');
    centreCross(d, c, 65, 3);
  });

  d.group('class="dimensions"', () => {
    // Front view: diameters above and below, heights at the sides, the recess depth inside it, the chamfer.
    linear(d, front(-22.5, 40), front(22.5, 40), { dir: 'h', at: front(0, 47)[1], text: 'φ45' });
    linear(d, front(-35, 38), front(35, 38), { dir: 'h', at: front(0, 55)[1], text: 'φ70' });
    linear(d, front(-40, 0), front(40, 0), { dir: 'h', at: front(0, -9)[1], text: 'φ80' });
    linear(d, front(-65, 0), front(65, 0), { dir: 'h', at: front(0, -18)[1], text: 'φ130' });
    linear(d, front(-65, 0), front(-33, 40), { dir: 'v', at: front(-78, 0)[0], text: '40' });
    linear(d, front(65, 0), front(65, 16), { dir: 'v', at: front(75, 0)[0], text: '16' });
    linear(d, front(40, 0), front(30, 3), { dir: 'v', at: front(30, 0)[0], text: '3', outside: true, ext: [true, false] });
    leader(d, front(34, 39), front(42, 47), 'C2', 'none');
    // Top view: the bolt circle and the holes.
    circleLeader(d, top(0, 0), 50, 45, 14, 'φ100', true);
    circleLeader(d, top(0, -50), 6.5, -45, 12, '4×φ13');
  });

  titleBlock(d, frame, { name: '法兰盘', material: 'HT200', scale: '1∶1', number: 'ZT-04' });
  return d.toString();
}
