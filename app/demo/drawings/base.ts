/**
 * 底座 (base), the B-module task's figure: an A4 sheet with three views (figureNote of 绘制底座三维实体图).
 * 主视图 a half section (right half cut on the front–back symmetry plane; the ribs, cut lengthwise, are not
 * hatched), 左视图 and 俯视图 plain views. Plate 110 × 70 × 14 with R10 corners and 4 × φ12 holes (80 × 40);
 * upright tube φ46 to 56 above the bottom, bore φ28 with a φ36 × 6 counterbore; ribs 8 thick on both
 * sides, 40 high at the tube, sloping down to the plate 45 from the axis.
 */
import { centreCross, circleLeader, leader, linear } from './dims.js';
import { sheet, titleBlock } from './sheet.js';
import { type Pt, viewAt } from './svg.js';
import { lines, type Poly, sectionAreas } from './views.js';

/** Where a rib's side (|y| = 4) meets the tube. */
const RIB_ROOT = Math.sqrt(23 * 23 - 16);

const SECTION: Poly = [
  [14, 0],
  [55, 0],
  [55, 14],
  [23, 14],
  [23, 56],
  [18, 56],
  [18, 50],
  [14, 50],
];

/** A rounded rectangle (corner radius r) in view coordinates. */
function roundedRect(w: number, h: number, r: number): [number, number][] {
  const out: [number, number][] = [];
  const corners: [number, number, number][] = [
    [w / 2 - r, -h / 2 + r, -90],
    [w / 2 - r, h / 2 - r, 0],
    [-w / 2 + r, h / 2 - r, 90],
    [-w / 2 + r, -h / 2 + r, 180],
  ];
  for (const [cx, cy, a0] of corners) {
    for (let k = 0; k <= 12; k++) {
      const t = ((a0 + (90 * k) / 12) * Math.PI) / 180;
      out.push([cx + r * Math.cos(t), cy + r * Math.sin(t)]);
    }
  }
  return out;
}

export function baseDrawing(): string {
  const { d, frame } = sheet('A4', 'landscape');
  const front = viewAt(105, 78);
  const side = viewAt(225, 78);
  const top = viewAt(105, 135);

  d.group('class="view front"', () => {
    sectionAreas(d, front, [SECTION]);
    lines(d, front, [
      // Section half: the rib (not hatched), the rims seen in the bore.
      [[45, 14], [23, 40]],
      [[0, 0], [14, 0]],
      [[0, 50], [14, 50]],
      [[0, 56], [18, 56]],
      // View half: plate, rib, tube.
      [[0, 0], [-55, 0], [-55, 14], [0, 14]],
      [[-45, 14], [-23, 40]],
      [[-23, 14], [-23, 56], [0, 56]],
    ]);
    lines(d, front, [[[-34, 0], [-34, 14]], [[-46, 0], [-46, 14]]], 'hidden');
    lines(d, front, [[[0, -3], [0, 60]], [[-40, -3], [-40, 17]]], 'centre');
  });

  d.group('class="view left"', () => {
    lines(d, side, [
      [[-35, 0], [35, 0], [35, 14], [-35, 14], [-35, 0]],
      [[-23, 14], [-23, 56], [23, 56], [23, 14]],
      [[-4, 14], [-4, 40], [4, 40], [4, 14]],
    ]);
    lines(d, side, [[[0, -3], [0, 59]]], 'centre');
  });

  d.group('class="view top"', () => {
    d.polyline(roundedRect(110, 70, 10).map(([x, y]) => top(x, y)), 'thick', true);
    for (const r of [23, 18, 14]) d.circle(top(0, 0), r, 'thick');
    for (const sx of [-1, 1]) {
      lines(d, top, [[[sx * RIB_ROOT, 4], [sx * 45, 4], [sx * 45, -4], [sx * RIB_ROOT, -4]]]);
      for (const sy of [-1, 1]) {
        d.circle(top(sx * 40, sy * 20), 6, 'thick');
        centreCross(d, top(sx * 40, sy * 20), 6, 3);
      }
    }
    lines(d, top, [[[-58, 0], [58, 0]], [[0, -38], [0, 38]]], 'centre');
  });

  d.group('class="dimensions"', () => {
    const p = (v: (x: number, y: number) => Pt, x: number, y: number) => v(x, y);
    // Front view: diameters above (half dimensions for the inside), heights on the left, rib reach, counterbore depth.
    linear(d, p(front, -23, 56), p(front, 23, 56), { dir: 'h', at: front(0, 68)[1], text: 'φ46' });
    linear(d, p(front, 18, 56), p(front, 0, 56), { dir: 'h', at: front(0, 62)[1], text: 'φ36', half: true, beyond: 8, textAt: 0.45 });
    linear(d, p(front, 14, 30), p(front, 0, 30), { dir: 'h', at: front(0, 30)[1], text: 'φ28', half: true, beyond: 8, textAt: 0.45, ext: [false, false] });
    linear(d, p(front, 9, 50), p(front, 9, 56), { dir: 'v', at: front(9, 0)[0], text: '6', outside: true, ext: [false, false] });
    linear(d, p(front, -55, 0), p(front, -55, 14), { dir: 'v', at: front(-62, 0)[0], text: '14' });
    linear(d, p(front, -55, 0), p(front, -23, 40), { dir: 'v', at: front(-70, 0)[0], text: '40' });
    linear(d, p(front, -45, 14), p(front, 0, 50), { dir: 'h', at: front(0, 48)[1], text: '45', textAt: 0.3, ext: [true, false] });
    linear(d, p(front, -55, 0), p(front, 55, 0), { dir: 'h', at: front(0, -8)[1], text: '110' });
    // Left view: the overall height.
    linear(d, p(side, 35, 0), p(side, 23, 56), { dir: 'v', at: side(46, 0)[0], text: '56' });
    // Top view: hole pattern, plate width, corners, holes, rib thickness.
    linear(d, p(top, -40, 29), p(top, 40, 29), { dir: 'h', at: top(0, 42)[1], text: '80' });
    linear(d, p(top, -49, -20), p(top, -49, 20), { dir: 'v', at: top(-63, 0)[0], text: '40' });
    linear(d, p(top, -45, -35), p(top, -45, 35), { dir: 'v', at: top(-71, 0)[0], text: '70' });
    linear(d, p(top, 45, -4), p(top, 45, 4), { dir: 'v', at: top(51, 0)[0], text: '8', outside: true });
    circleLeader(d, top(40, 20), 6, 45, 12, '4×φ12');
    leader(d, top(-45 - 10 * Math.SQRT1_2, -25 - 10 * Math.SQRT1_2), top(-46, -44), '4×R10', 'arrow');
  });

  titleBlock(d, frame, { name: '底座', material: 'HT200', scale: '1∶1', number: 'ZT-06' });
  return d.toString();
}
