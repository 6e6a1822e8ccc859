/**
 * 轴承座 (bearing housing), the A-module task's figure: an A3 正等轴测图 with all dimensions (figureNote of
 * 绘制轴承座零件图). Model axes: x along the base's length (left → right), y from the base's front end face
 * backwards, z up from the bottom face; the bore's axis runs along y at z = 70.
 */
import { extent, isoCentreLines, isoCircleNote, isoLinear } from './iso-dims.js';
import { drawModel, type Face, IsoView, type V3 } from './iso.js';
import { notes, sheet, titleBlock } from './sheet.js';
import { arcProfile, box, cylinder, type Frame3, frameAlong, hole, prism, type ProfilePoint } from './solids.js';
import { type Pt } from './svg.js';

const TOWARD: V3 = [1, -1, 1];
const AXIS_Z = 70;
const R = 30;
/** The rib's top meets the cylinder where its side faces (x = ±5) do. */
const RIB_TOP = AXIS_Z - Math.sqrt(R * R - 25);

/** Point of tangency on the circle (centre cz above x = 0) of the line from (px, pz). */
function tangent(px: number, pz: number, cz: number, r: number, side: 1 | -1): Pt {
  const dx = px;
  const dz = pz - cz;
  const dist = Math.hypot(dx, dz);
  const base = Math.atan2(dz, dx);
  const t = base + side * Math.acos(r / dist);
  return [r * Math.cos(t), cz + r * Math.sin(t)];
}

function model(view: IsoView): Face[] {
  const front: Frame3 = frameAlong([0, 44, 0], '-y');
  const baseProfile: ProfilePoint[] = [
    { x: -75, y: 0 },
    { x: -35, y: 0 },
    { x: -35, y: 3 },
    { x: 35, y: 3 },
    { x: 35, y: 0 },
    { x: 75, y: 0 },
    { x: 75, y: 15 },
    { x: -75, y: 15 },
  ];
  const top: Frame3 = { o: [0, 0, 15], u: [1, 0, 0], v: [0, 1, 0], w: [0, 0, 1] };
  const base = prism(view, front, baseProfile, {
    from: 0,
    to: 44,
    sideDecor: (k) => (k === 6 ? [hole(top, -55, 22, 0, [{ d: 13, depth: 15 }]), hole(top, 55, 22, 0, [{ d: 13, depth: 15 }])] : undefined),
  });

  const [tx, tz] = tangent(75, 15, AXIS_Z, R, 1);
  const start = (Math.atan2(tz - AXIS_Z, tx) * 180) / Math.PI;
  // The plate's upper edge is the cylinder's lower arc between the tangent points (its faces there lie on the cylinder).
  const arc = arcProfile(0, AXIS_Z, R - 0.05, start, -180 - start);
  const plateProfile: ProfilePoint[] = [{ x: -75, y: 15 }, { x: 75, y: 15 }, ...arc];
  const plate = prism(view, front, plateProfile, { from: 0, to: 12, skipSide: (k) => k >= 2 && k < plateProfile.length - 1 });

  const rib = box(view, [-5, 10, 15], [5, 32, RIB_TOP]);

  const drum: Frame3 = frameAlong([0, 50, AXIS_Z], '-y');
  const tube = cylinder(view, drum, R, { from: 0, to: 50, topDecor: [hole(drum, 0, 0, 50, [{ d: 35, depth: 50 }])] });

  const bossFrame: Frame3 = { o: [0, 25, 0], u: [1, 0, 0], v: [0, 1, 0], w: [0, 0, 1] };
  const boss = cylinder(view, bossFrame, 10, {
    from: (x) => AXIS_Z + Math.sqrt(R * R - x * x),
    to: 108,
    topDecor: [hole(bossFrame, 0, 0, 108, [{ d: 8.5, depth: 38 }], 10)],
  });
  return [...base, ...plate, ...rib, ...tube, ...boss];
}

export function bearingDrawing(): string {
  const { d, frame } = sheet('A3', 'landscape');
  const corners: V3[] = [
    [-75, 0, 0],
    [75, 0, 0],
    [75, 44, 0],
    [-75, 44, 0],
    [-75, 0, 15],
    [75, 44, 15],
    [0, 50, 108],
    [-30, 50, 100],
    [0, 0, 108],
  ];
  const probe = extent(new IsoView(TOWARD, [0, 0]), corners);
  const origin: Pt = [205 - (probe.x0 + probe.x1) / 2, 140 - (probe.y0 + probe.y1) / 2];
  const view = new IsoView(TOWARD, origin);
  d.group('class="part"', () => drawModel(d, view, model(view)));

  const X: V3 = [1, 0, 0];
  const Y: V3 = [0, 1, 0];
  const Z: V3 = [0, 0, 1];
  const mX: V3 = [-1, 0, 0];
  const mY: V3 = [0, -1, 0];
  d.group('class="centre-lines"', () => {
    isoCentreLines(d, view, [0, 0, AXIS_Z], R, X, Z);
    isoCentreLines(d, view, [0, 25, 108], 10, X, Y);
    for (const x of [-55, 55]) isoCentreLines(d, view, [x, 22, 15], 6.5, X, Y);
  });
  d.group('class="dimensions"', () => {
    const at = (p: V3): Pt => view.at(p);
    // Base, on the front: slot 70 and 3, holes 110 (at the bottom face), length 150; thickness 15.
    isoLinear(d, view, [-35, 0, 0], [35, 0, 0], { toward: mY, dist: 10, text: '70' });
    isoLinear(d, view, [-35, 0, 0], [-35, 0, 3], { toward: mY, dist: 5, text: '3', outside: true, ext: [false, true] });
    isoLinear(d, view, [-55, 0, 0], [55, 0, 0], { toward: mY, dist: 18, text: '110' });
    isoLinear(d, view, [-75, 0, 0], [75, 0, 0], { toward: mY, dist: 26, text: '150' });
    isoLinear(d, view, [-75, 0, 0], [-75, 0, 15], { toward: mX, dist: 10, text: '15' });
    // Right end: width 44, the holes 22 from the front face.
    isoLinear(d, view, [75, 0, 0], [75, 44, 0], { toward: X, dist: 12, text: '44' });
    isoLinear(d, view, [75, 0, 15], [55, 22, 15], { toward: X, dist: 8, dist2: 28, text: '22' });
    isoCircleNote(d, view, [-55, 22, 15], 6.5, X, Y, 160, [at([-55, 22, 15])[0] - 16, at([-55, 22, 15])[1] - 14], '2×φ13');
    // Cylinder: centre height 70 (on the left), length 50 and the 6 it stands out at the back (on the right), φ60, φ35H8.
    d.line(at([-R - 3, 0, AXIS_Z]), at([-75 - 26, 0, AXIS_Z]), 'thin');
    isoLinear(d, view, [-75, 0, 0], [-75, 0, AXIS_Z], { toward: mX, dist: 24, text: '70', ext: [true, false] });
    isoLinear(d, view, [R, 0, AXIS_Z], [R, 50, AXIS_Z], { toward: X, dist: 34, text: '50' });
    isoLinear(d, view, [R, 44, AXIS_Z], [R, 50, AXIS_Z], { toward: X, dist: 20, text: '6', outside: true, ext: [true, false] });
    isoCircleNote(d, view, [0, 0, AXIS_Z], R, X, Z, 115, [at([-30, 0, 125])[0], at([-30, 0, 125])[1]], 'φ60');
    isoCircleNote(d, view, [0, 0, AXIS_Z], 17.5, X, Z, 150, [at([-52, 0, 100])[0], at([-52, 0, 100])[1]], 'φ35H8');
    // Support plate 12 (at its left foot), rib 10 × 22, boss φ20 to 108 above the bottom, M10.
    isoLinear(d, view, [-75, 32, 15], [-75, 44, 15], { toward: mX, dist: 10, text: '12', outside: true });
    isoLinear(d, view, [-5, 10, 15], [5, 10, 15], { toward: mY, dist: 6, text: '10', outside: true });
    isoLinear(d, view, [5, 10, 15], [5, 32, 15], { toward: X, dist: 9, text: '22' });
    isoLinear(d, view, [75, 25, 0], [10, 25, 108], { toward: X, dist: 22, dist2: 87, text: '108' });
    isoCircleNote(d, view, [0, 25, 108], 10, X, Y, 150, [at([-40, 25, 128])[0], at([-40, 25, 128])[1]], 'φ20');
    isoCircleNote(d, view, [0, 25, 108], 4.25, X, Y, 60, [at([40, 25, 130])[0], at([40, 25, 130])[1]], 'M10');
  });

  notes(d, [frame.x + 12, frame.y + frame.h - 40], '技术要求', [
    '1. 未注铸造圆角 R3～R5。',
    '2. 铸件不得有砂眼、气孔、裂纹等缺陷。',
    '3. 铸件应经时效处理。',
  ]);
  titleBlock(d, frame, { name: '轴承座', material: 'HT200', scale: '1∶1', number: 'ZT-01' });
  return d.toString();
}
