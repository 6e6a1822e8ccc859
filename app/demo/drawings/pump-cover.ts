/**
 * 齿轮油泵泵盖 (gear pump cover), the A-module task's figure: an A3 正等轴测图 with the front right quarter
 * cut away (局部剖切) so the blind shaft holes and a counterbored screw hole show in section (figureNote
 * of 绘制齿轮油泵泵盖零件图). Model axes: x through the two shaft-hole centres (±17.5), y across, z up from
 * the joint face (z = 0); flange 12 thick (R38 ends), boss 8 higher (R18 ends), total 20.
 */
import { extent, isoCentreLines, isoCircleNote, isoLinear, isoNote2, isoRadius } from './iso-dims.js';
import { drawModel, type Face, IsoView, type V3 } from './iso.js';
import { notes, sheet, titleBlock } from './sheet.js';
import { face, type Frame3, hole, prism, type ProfilePoint, sectionLines, WORLD } from './solids.js';
import { type Drawing, type Pt } from './svg.js';

const TOWARD: V3 = [1, -1, 1];
/** The part is small (111 × 76 × 20): its isometric is drawn 2∶1 (GB/T 14690). */
const SCALE = 2;
const C = 17.5;
/** Counterbored screw holes (φ6.6 through, φ11 × 6.8) on R28 about each shaft centre, 90° apart. */
const SCREWS: readonly (readonly [number, number])[] = [
  [-C, 28],
  [-C - 28, 0],
  [-C, -28],
  [C, 28],
  [C + 28, 0],
  [C, -28],
];
const PIN = 28 * Math.SQRT1_2;
/** φ5 pin holes on the R28 arcs at 45°, diagonally opposite. */
const PINS: readonly (readonly [number, number])[] = [
  [-C - PIN, -PIN],
  [C + PIN, PIN],
];
const CUT = (x: number, y: number) => x > 1e-6 && y < -1e-6;

/** Counter-clockwise arc points (degrees) about (cx, cy); the ends are corners unless `smoothEnds`. */
function arc(cx: number, cy: number, r: number, a0: number, a1: number, smoothEnds: boolean): ProfilePoint[] {
  const n = Math.max(4, Math.round(Math.abs(a1 - a0) / 3.75));
  const out: ProfilePoint[] = [];
  for (let k = 0; k <= n; k++) {
    const t = ((a0 + ((a1 - a0) * k) / n) * Math.PI) / 180;
    out.push({ x: cx + r * Math.cos(t), y: cy + r * Math.sin(t), smooth: smoothEnds || (k > 0 && k < n) });
  }
  return out;
}

/** A profile edge lying in a cutting plane (y = 0 for x ≥ 0, or x = 0 for y ≤ 0) is replaced by a section face. */
function onCut(profile: readonly ProfilePoint[]) {
  return (k: number) => {
    const a = profile[k] as ProfilePoint;
    const b = profile[(k + 1) % profile.length] as ProfilePoint;
    const along = (p: ProfilePoint, q: ProfilePoint) => (Math.abs(p.y) < 1e-6 && Math.abs(q.y) < 1e-6) || (Math.abs(p.x) < 1e-6 && Math.abs(q.x) < 1e-6);
    return along(a, b);
  };
}

function model(view: IsoView): Face[] {
  const flange: ProfilePoint[] = [
    { x: 0, y: 0 },
    ...arc(C, 0, 7.5, 180, 0, false),
    ...arc(C + 28, 0, 5.5, 180, 0, false),
    ...arc(C, 0, 38, 0, 90, true).map((p, k) => (k === 0 ? { ...p, smooth: false } : p)),
    ...arc(-C, 0, 38, 90, 270, true),
    { x: 0, y: -38 },
  ];
  const top: Frame3 = { ...WORLD, o: [0, 0, 0] };
  const flangeFaces = prism(view, WORLD, flange, {
    from: 0,
    to: 12,
    skipSide: onCut(flange),
    topDecor: [
      ...SCREWS.filter(([x, y]) => !CUT(x, y) && !(x > 0 && y === 0)).map(([x, y]) =>
        hole(top, x, y, 12, [
          { d: 11, depth: 6.8 },
          { d: 6.6, depth: 5.2 },
        ]),
      ),
      ...PINS.map(([x, y]) => hole(top, x, y, 12, [{ d: 5, depth: 12 }])),
    ],
  });
  // What is left of the cut screw hole's counterbore floor: a half ring, φ6.6 inside, φ11 outside (a hair
  // inside the counterbore's wall, whose facets are chords, so their join shows).
  const ring: ProfilePoint[] = [...arc(C + 28, 0, 5.5 - 0.05, 0, 180, false), ...arc(C + 28, 0, 3.3, 180, 0, false)];
  const outer = (k: number) => k < ring.length / 2 - 1;
  const ringFaces = prism(view, WORLD, ring, { from: 0, to: 12 - 6.8, skipSide: (k) => outer(k) || onCut(ring)(k) });
  const boss: ProfilePoint[] = [
    { x: 0, y: 0 },
    ...arc(C, 0, 18, 0, 90, true).map((p, k) => (k === 0 ? { ...p, smooth: false } : p)),
    ...arc(-C, 0, 18, 90, 270, true),
    { x: 0, y: -18 },
  ];
  const bossFaces = prism(view, WORLD, boss, { from: 12, to: 20, skipSide: onCut(boss), bottom: false });

  const X: V3 = [1, 0, 0];
  const Z: V3 = [0, 0, 1];
  const xz = (pts: readonly (readonly [number, number])[]): V3[] => pts.map(([x, z]) => [x, 0, z]);
  const hatchXZ = [sectionLines([0, 0, 0], X, Z, 3)];
  const sections: Face[] = [
    face(
      xz([
        [0, 0],
        [10, 0],
        [10, 12],
        [25, 12],
        [25, 0],
        [42.2, 0],
        [42.2, 5.2],
        [40, 5.2],
        [40, 12],
        [35.5, 12],
        [35.5, 20],
        [0, 20],
      ]),
      { decor: hatchXZ },
    ),
    face(
      xz([
        [48.8, 0],
        [55.5, 0],
        [55.5, 12],
        [51, 12],
        [51, 5.2],
        [48.8, 5.2],
      ]),
      { decor: hatchXZ },
    ),
    face(
      [
        [0, -38, 0],
        [0, 0, 0],
        [0, 0, 20],
        [0, -18, 20],
        [0, -18, 12],
        [0, -38, 12],
      ],
      { decor: [sectionLines([0, 0, 0], [0, -1, 0], Z, 3)] },
    ),
  ];
  return [...flangeFaces, ...ringFaces, ...bossFaces, ...sections];
}

function dimensions(d: Drawing, view: IsoView): void {
  const X: V3 = [1, 0, 0];
  const Y: V3 = [0, 1, 0];
  const mZ: V3 = [0, 0, -1];
  const at = (p: V3): Pt => view.at(p);
  d.group('class="centre-lines"', () => {
    isoCentreLines(d, view, [-C, 0, 20], 18, X, Y);
    for (const [x, y] of SCREWS.filter(([x, y]) => !CUT(x, y) && !(x > 0 && y === 0))) isoCentreLines(d, view, [x, y, 12], 5.5, X, Y);
    for (const [x, y] of PINS) isoCentreLines(d, view, [x, y, 12], 2.5, X, Y);
    d.line(at([C, 0, 22]), at([C, 0, -3]), 'centre');
    d.line(at([C + 28, 0, 14]), at([C + 28, 0, -3]), 'centre');
    // The R28 circles the screw and pin holes lie on.
    const r28 = (cx: number, a0: number, a1: number): Pt[] =>
      Array.from({ length: 49 }, (_, k) => {
        const t = ((a0 + ((a1 - a0) * k) / 48) * Math.PI) / 180;
        return at([cx + 28 * Math.cos(t), 28 * Math.sin(t), 12]);
      });
    d.polyline(r28(-C, 80, 280), 'centre');
    d.polyline(r28(C, 0, 100), 'centre');
  });
  d.group('class="dimensions"', () => {
    isoLinear(d, view, [-C, 0, 20], [C, 0, 20], { toward: Y, dist: 10, text: '35±0.02' });
    isoRadius(d, view, [-C, 0, 12], 38, [Math.cos(3.5), Math.sin(3.5), 0], 'R38', 30);
    isoRadius(d, view, [-C, 0, 20], 18, [Math.cos(1.9), Math.sin(1.9), 0], 'R18', 5);
    isoRadius(d, view, [-C, 0, 12], 28, [Math.cos(4.33), Math.sin(4.33), 0], 'R28', 19);
    isoLinear(d, view, [C + 38, 0, 0], [C + 38, 0, 12], { toward: X, dist: 8, text: '12' });
    isoLinear(d, view, [C + 38, 0, 0], [C + 18, 0, 20], { toward: X, dist: 18, dist2: 38, text: '20' });
    isoLinear(d, view, [C - 7.5, 0, 0], [C + 7.5, 0, 0], { toward: mZ, dist: 8, text: '2×φ15H7', textAt: 0.5 });
    isoLinear(d, view, [C, 0, 0], [C + 28, 0, 0], { toward: mZ, dist: 17, text: '28' });
    isoNote2(d, view, [-C - 28 - 5.5 * 0.7, 5.5 * 0.7, 12], [at([-C - 60, 20, 12])[0], at([-C - 60, 20, 12])[1]], '6×φ6.6', '沉孔φ11深6.8');
    const pin = at([C + PIN, PIN, 12]);
    isoCircleNote(d, view, [C + PIN, PIN, 12], 2.5, X, Y, 60, [pin[0] + 22, pin[1] - 26], '2×φ5 与泵体配作');
  });
}

export function pumpCoverDrawing(): string {
  const { d, frame } = sheet('A3', 'landscape');
  const corners: V3[] = [
    [-C - 38, 0, 0],
    [C + 38, 0, 0],
    [0, -38, 0],
    [0, 38, 20],
    [-C, 38, 12],
    [C, -38, 0],
  ];
  const probe = extent(new IsoView(TOWARD, [0, 0], SCALE), corners);
  const view = new IsoView(TOWARD, [205 - (probe.x0 + probe.x1) / 2, 125 - (probe.y0 + probe.y1) / 2], SCALE);
  d.group('class="part"', () => drawModel(d, view, model(view)));
  dimensions(d, view);
  notes(d, [frame.x + 12, frame.y + frame.h - 40], '技术要求', ['1. 未注铸造圆角 R2～R3。', '2. 2×φ5 圆柱销孔与泵体配作。', '3. 铸件应经时效处理。']);
  titleBlock(d, frame, { name: '泵盖', material: 'HT200', scale: '2∶1', number: 'ZT-02' });
  return d.toString();
}
