/**
 * 支架 (bracket), the A-module task's figure: an A3 正等轴测图 with all dimensions (figureNote of
 * 绘制支架零件图). Model axes: x from the mounting face (x = 0) towards the cylinder, y along the plate's
 * width (front −45, back +45), z up from the plate's lower end; the cylinder's axis runs along y at
 * x = 72, z = 40.
 */
import { extent, isoCentreLines, isoCircleNote, isoLinear } from './iso-dims.js';
import { drawModel, type Face, IsoView, type V3 } from './iso.js';
import { notes, sheet, titleBlock } from './sheet.js';
import { arcProfile, cylinder, type Frame3, frameAlong, hole, prism, type ProfilePoint } from './solids.js';
import { type Drawing, type Pt } from './svg.js';

const TOWARD: V3 = [1, -1, 1];
const AX = 72;
const AZ = 40;
const R = 21;
const deg = (rad: number) => (rad * 180) / Math.PI;
/** Joins to the cylinder lie this much inside it, so its facets (chords of the circle) cover them. */
const INSET = 0.05;
/** Angle (degrees) on the cylinder's left side where it reaches height z. */
const leftAt = (z: number) => 180 - deg(Math.asin((z - AZ) / R));

function model(view: IsoView): Face[] {
  const plateProfile: ProfilePoint[] = [
    { x: 0, y: -45 },
    { x: 14, y: -45 },
    { x: 14, y: 45 },
    { x: 0, y: 45 },
    { x: 0, y: 20 },
    { x: 2, y: 20 },
    { x: 2, y: -20 },
    { x: 0, y: -20 },
  ];
  const face14: Frame3 = { o: [14, 0, 0], u: [0, 1, 0], v: [0, 0, 1], w: [1, 0, 0] };
  const plate = prism(view, { o: [0, 0, 0], u: [1, 0, 0], v: [0, 1, 0], w: [0, 0, 1] }, plateProfile, {
    from: 0,
    to: 80,
    sideDecor: (k) => (k === 1 ? [-35, 35].map((y) => hole(face14, y, 40, 0, [{ d: 11, depth: 14 }])) : undefined),
  });

  const drum: Frame3 = frameAlong([AX, 25, AZ], '-y');
  const tube = cylinder(view, drum, R, { from: 0, to: 50, topDecor: [hole(drum, 0, 0, 50, [{ d: 25, depth: 50 }])] });

  // T-shaped web: the horizontal plate (40 wide, 10 thick on the axis) and the rib under it (8 thick).
  const sharpEnds = (points: ProfilePoint[]) => points.map((p, k) => (k === 0 || k === points.length - 1 ? { ...p, smooth: false } : p));
  const webArc = sharpEnds(arcProfile(AX, AZ, R - INSET, leftAt(35), leftAt(45), 24));
  const web: ProfilePoint[] = [{ x: 14, y: 35 }, ...webArc, { x: 14, y: 45 }];
  const webFaces = prism(view, frameAlong([0, 20, 0], '-y'), web, { from: 0, to: 40, skipSide: (k) => k >= 1 && k < web.length - 2 });
  const ribArc = arcProfile(AX, AZ, R - INSET, 270, leftAt(35), 36).map((p, k, all) => (k === all.length - 1 ? { ...p, smooth: false } : p));
  const rib: ProfilePoint[] = [{ x: 14, y: 19 }, ...ribArc, { x: 14, y: 35 }];
  const ribFaces = prism(view, frameAlong([0, 4, 0], '-y'), rib, { from: 0, to: 8, skipSide: (k) => k >= 1 && k < rib.length - 1 });

  const bossFrame: Frame3 = { o: [AX, 0, 0], u: [1, 0, 0], v: [0, 1, 0], w: [0, 0, 1] };
  const boss = cylinder(view, bossFrame, 9, {
    from: (x) => AZ + Math.sqrt(R * R - x * x),
    to: AZ + 28,
    topDecor: [hole(bossFrame, 0, 0, AZ + 28, [{ d: 6.8, depth: 30 }], 8)],
  });
  return [...plate, ...tube, ...webFaces, ...ribFaces, ...boss];
}

const CORNERS: V3[] = [
  [0, -45, 0],
  [14, -45, 0],
  [0, 45, 80],
  [0, -45, 80],
  [14, 45, 0],
  [AX + R, 25, AZ],
  [AX + R, -25, AZ],
  [AX, -25, AZ - R],
  [AX, 25, AZ - R],
  [AX, 0, 68],
];

/** A view whose model box is centred at `centre` on the sheet. */
function placed(toward: V3, centre: Pt): IsoView {
  const probe = extent(new IsoView(toward, [0, 0]), CORNERS);
  return new IsoView(toward, [centre[0] - (probe.x0 + probe.x1) / 2, centre[1] - (probe.y0 + probe.y1) / 2]);
}

const X: V3 = [1, 0, 0];
const Y: V3 = [0, 1, 0];
const Z: V3 = [0, 0, 1];
const mX: V3 = [-1, 0, 0];
const mY: V3 = [0, -1, 0];
const mZ: V3 = [0, 0, -1];

/** The main view, from above (front, right): plate, holes, web, cylinder, boss, with the dimensions. */
function mainView(d: Drawing, view: IsoView): void {
  d.group('class="part"', () => drawModel(d, view, model(view)));
  d.group('class="centre-lines"', () => {
    isoCentreLines(d, view, [AX, -25, AZ], R, X, Z);
    isoCentreLines(d, view, [AX, 0, AZ + 28], 9, X, Y);
    for (const y of [-35, 35]) isoCentreLines(d, view, [14, y, 40], 5.5, Y, Z);
  });
  const at = (p: V3): Pt => view.at(p);
  d.group('class="dimensions"', () => {
    // Mounting plate: 80 high, 90 wide, 14 thick; holes 70 apart at mid-height.
    isoLinear(d, view, [0, -45, 0], [0, -45, 80], { toward: mX, dist: 12, text: '80' });
    isoLinear(d, view, [0, -45, 80], [0, 45, 80], { toward: mX, dist: 12, text: '90', ext: [false, true] });
    isoLinear(d, view, [0, -45, 80], [14, -45, 80], { toward: mY, dist: 9, text: '14', outside: true });
    isoLinear(d, view, [14, -35, 40], [14, 35, 40], { toward: Z, dist: 26, text: '70', textAt: 0.25 });
    isoLinear(d, view, [14, -35, 0], [14, -35, 40], { toward: X, dist: 10, text: '40' });
    isoCircleNote(d, view, [14, -35, 40], 5.5, Y, Z, 200, [at([14, -35, 40])[0] - 26, at([14, -35, 40])[1] + 20], '2×φ11');
    // Cylinder: 72 from the mounting face, 50 long, φ42, φ25H8; boss φ18 with its top 28 above the axis, M8.
    isoLinear(d, view, [0, -45, AZ - R], [AX, -25, AZ - R], { toward: mY, dist: 14, dist2: 34, text: '72', textAt: 0.8 });
    isoLinear(d, view, [AX, -25, AZ + R], [AX, 25, AZ + R], { toward: Z, dist: 24, text: '50', ext: [false, true] });
    isoLinear(d, view, [AX + R, 0, AZ], [AX + 9, 0, AZ + 28], { toward: X, dist: 8, dist2: 20, text: '28' });
    isoCircleNote(d, view, [AX, -25, AZ], R, X, Z, 315, [at([AX + 40, -25, 2])[0], at([AX + 40, -25, 2])[1]], 'φ42');
    isoCircleNote(d, view, [AX, -25, AZ], 12.5, X, Z, 240, [at([AX + 6, -25, -6])[0], at([AX + 6, -25, -6])[1]], 'φ25H8');
    isoCircleNote(d, view, [AX, 0, AZ + 28], 9, X, Y, 160, [at([AX - 30, 0, 78])[0], at([AX - 30, 0, 78])[1]], 'φ18');
    isoCircleNote(d, view, [AX, 0, AZ + 28], 3.4, X, Y, 0, [at([AX + 34, 0, 76])[0], at([AX + 34, 0, 76])[1]], 'M8');
    // Web: 40 wide, 10 thick.
    isoLinear(d, view, [14, -20, 45], [14, 20, 45], { toward: Z, dist: 9, text: '40' });
    isoLinear(d, view, [36, -20, 35], [36, -20, 45], { toward: mY, dist: 8, text: '10', outside: true });
  });
}

/** The second view, from below (front, right): the groove in the mounting face and the rib under the web. */
function lowerView(d: Drawing, view: IsoView): void {
  d.group('class="part"', () => drawModel(d, view, model(view)));
  d.group('class="centre-lines"', () => {
    for (const y of [-35, 35]) isoCentreLines(d, view, [14, y, 40], 5.5, Y, Z);
    isoCentreLines(d, view, [AX, -25, AZ], R, X, Z);
  });
  d.group('class="dimensions"', () => {
    isoLinear(d, view, [0, -20, 0], [0, 20, 0], { toward: mX, dist: 10, text: '40' });
    isoLinear(d, view, [0, -20, 0], [2, -20, 0], { toward: mZ, dist: 6, text: '2', outside: true, textAt: -2.2 });
    isoLinear(d, view, [60, -4, AZ - R], [60, 4, AZ - R], { toward: mZ, dist: 10, text: '8', outside: true });
  });
}

export function bracketDrawing(): string {
  const { d, frame } = sheet('A3', 'landscape');
  mainView(d, placed(TOWARD, [160, 135]));
  const lower = placed([1, -1, -1], [330, 120]);
  lowerView(d, lower);
  d.text([330, 215], '（从下方观察）', { size: 3.5, anchor: 'middle' });
  notes(d, [frame.x + 12, frame.y + frame.h - 40], '技术要求', ['1. 未注铸造圆角 R2～R3。', '2. 铸件不得有砂眼、气孔、裂纹等缺陷。']);
  titleBlock(d, frame, { name: '支架', material: 'HT150', scale: '1∶1', number: 'ZT-03' });
  return d.toString();
}
