/**
 * Dimensions on isometric drawings (GB/T 4458.3): extension lines parallel to an axis, dimension lines
 * parallel to the measured edge, numbers along the dimension line; diameters across the ellipse along an
 * axis of the circle's plane; notes on leaders.
 */
import { arrow, DIM_TEXT, dimensionLine, leader, textAlong } from './dims.js';
import { type IsoView, type V3, v3 } from './iso.js';
import { type Drawing, type Pt, textWidth } from './svg.js';

export interface IsoLinear {
  /** Unit direction of the extension lines (from the feature points towards the dimension line). */
  readonly toward: V3;
  /** Distance from the first feature point to the dimension line along `toward`. */
  readonly dist: number;
  /** Distance for the second point when it lies deeper than the first (extension lines of unequal length). */
  readonly dist2?: number;
  readonly text: string;
  readonly textAt?: number;
  readonly outside?: boolean;
  /** Extension lines to draw. */
  readonly ext?: readonly [boolean, boolean];
}

function sheetUnit(a: Pt, b: Pt): Pt {
  const n = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  return [(b[0] - a[0]) / n, (b[1] - a[1]) / n];
}

/** A linear dimension between two model points, the dimension line shifted along `toward`. */
export function isoLinear(d: Drawing, view: IsoView, p1: V3, p2: V3, o: IsoLinear): void {
  const a3 = v3.add(p1, o.toward, o.dist);
  const dist2 = o.dist2 ?? o.dist;
  const b3 = v3.add(p2, o.toward, dist2);
  const [ext1, ext2] = o.ext ?? [true, true];
  if (ext1 && o.dist > 0.5) d.line(view.at(p1), view.at(v3.add(p1, o.toward, o.dist + 2 / view.scale)), 'thin');
  if (ext2 && dist2 > 0.5) d.line(view.at(p2), view.at(v3.add(p2, o.toward, dist2 + 2 / view.scale)), 'thin');
  const a = view.at(a3);
  const b = view.at(b3);
  const u = sheetUnit(a, b);
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  dimensionLine(d, a, b, u, o.outside ?? length < 8, 6);
  const [s, e] = a[0] <= b[0] ? [a, b] : [b, a];
  const t = o.textAt ?? 0.5;
  textAlong(d, s, e, o.text, a[0] <= b[0] ? t : 1 - t);
}

/**
 * A diameter across a circle (centre c, radius r) along the in-plane direction `along`: arrows on the
 * ellipse from inside, the line running `beyond` mm past the second point with the number on it.
 */
export function isoDiameter(d: Drawing, view: IsoView, c: V3, r: number, along: V3, text: string, beyond = 12): void {
  const u = v3.norm(along);
  const p = view.at(v3.add(c, u, -r));
  const q = view.at(v3.add(c, u, r));
  const end = view.at(v3.add(c, u, r + beyond));
  d.line(p, end, 'thin');
  arrow(d, p, sheetUnit(q, p));
  arrow(d, q, sheetUnit(p, q));
  const [s, e] = q[0] <= end[0] ? [q, end] : [end, q];
  textAlong(d, s, e, text, 0.5);
}

/** A note on a leader from a model point: arrow (on an outline) or dot (on a face). */
export function isoNote(d: Drawing, view: IsoView, p: V3, elbow: Pt, text: string, end: 'arrow' | 'dot' | 'none' = 'arrow'): void {
  leader(d, view.at(p), elbow, text, end);
}

/** The sheet box of projected points, for placing a model on the sheet. */
export function extent(view: IsoView, points: readonly V3[]): { x0: number; y0: number; x1: number; y1: number } {
  const s = points.map((p) => view.at(p));
  return {
    x0: Math.min(...s.map((p) => p[0])),
    y0: Math.min(...s.map((p) => p[1])),
    x1: Math.max(...s.map((p) => p[0])),
    y1: Math.max(...s.map((p) => p[1])),
  };
}

/** Centre lines (细点画线) of a circle on a face: along the in-plane directions a and b, r + 3 each way. */
export function isoCentreLines(d: Drawing, view: IsoView, c: V3, r: number, a: V3, b: V3, overshoot = 3): void {
  const over = overshoot / view.scale;
  for (const axis of [a, b]) d.line(view.at(v3.add(c, axis, -(r + over))), view.at(v3.add(c, axis, r + over)), 'centre');
}

/** The point at `deg` on a circle of centre c and radius r spanned by the in-plane unit directions a, b. */
export function onCircle(c: V3, r: number, a: V3, b: V3, deg: number): V3 {
  const t = (deg * Math.PI) / 180;
  return v3.add(v3.add(c, a, r * Math.cos(t)), b, r * Math.sin(t));
}

/** A diameter or thread note on a leader whose arrow meets the circle at `deg`, the shoulder at `elbow`. */
export function isoCircleNote(d: Drawing, view: IsoView, c: V3, r: number, a: V3, b: V3, deg: number, elbow: Pt, text: string): void {
  isoNote(d, view, onCircle(c, r, a, b, deg), elbow, text, 'arrow');
}

/** A radius: line from the centre c along the in-plane direction `along` to the arc, arrow on the arc, number on the line. */
export function isoRadius(d: Drawing, view: IsoView, c: V3, r: number, along: V3, text: string, from = 0): void {
  const u = v3.norm(along);
  const p = view.at(v3.add(c, u, from));
  const q = view.at(v3.add(c, u, r));
  d.line(p, q, 'thin');
  arrow(d, q, sheetUnit(p, q));
  const [s, e] = p[0] <= q[0] ? [p, q] : [q, p];
  textAlong(d, s, e, text, 0.55);
}

/** A note of two lines on a leader: the first above the shoulder, the second below it. */
export function isoNote2(d: Drawing, view: IsoView, p: V3, elbow: Pt, above: string, below: string): void {
  const width = Math.max(textWidth(above, DIM_TEXT), textWidth(below, DIM_TEXT)) + 1.5;
  const tip = view.at(p);
  const right = elbow[0] >= tip[0];
  const end: Pt = [elbow[0] + (right ? width : -width), elbow[1]];
  d.polyline([tip, elbow, end], 'thin');
  arrow(d, tip, sheetUnit(elbow, tip));
  const mid = (elbow[0] + end[0]) / 2;
  d.text([mid, elbow[1] - 0.9], above, { size: DIM_TEXT, anchor: 'middle' });
  d.text([mid, elbow[1] + DIM_TEXT + 0.4], below, { size: DIM_TEXT, anchor: 'middle' });
}
