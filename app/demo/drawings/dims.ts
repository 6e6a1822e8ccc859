/**
 * Dimensions after GB/T 4458.4 (and GB/T 16675.2): 细实线 extension and dimension lines, closed filled
 * arrowheads (3 mm × 1 mm), numbers above horizontal dimension lines and left of vertical ones reading
 * from the right; φ for diameters, R for radii, n× for repeated features, C for 45° chamfers.
 */
import { type Drawing, fmt, polar, type Pt, textWidth } from './svg.js';

export const DIM_TEXT = 4.2;
const ARROW_LENGTH = 3;
const ARROW_WIDTH = 1;
/** Extension lines pass the dimension line by this much. */
const OVERSHOOT = 2;

function sub(a: Pt, b: Pt): Pt {
  return [a[0] - b[0], a[1] - b[1]];
}
function add(a: Pt, b: Pt, k = 1): Pt {
  return [a[0] + b[0] * k, a[1] + b[1] * k];
}
function unit(v: Pt): Pt {
  const n = Math.hypot(v[0], v[1]) || 1;
  return [v[0] / n, v[1] / n];
}

/** A filled arrowhead with its tip at `tip`, pointing along `dir`. */
export function arrow(d: Drawing, tip: Pt, dir: Pt): void {
  const u = unit(dir);
  const base = add(tip, u, -ARROW_LENGTH);
  const n: Pt = [-u[1], u[0]];
  const a = add(base, n, ARROW_WIDTH / 2);
  const b = add(base, n, -ARROW_WIDTH / 2);
  d.fill(`M${fmt(tip[0])} ${fmt(tip[1])}L${fmt(a[0])} ${fmt(a[1])}L${fmt(b[0])} ${fmt(b[1])}Z`);
}

/** Text along a line from `a` to `b`, rotated to read from below or from the right, `lift` above the line. */
export function textAlong(d: Drawing, a: Pt, b: Pt, text: string, at = 0.5, lift = 0.9, size = DIM_TEXT): void {
  let angle = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
  if (angle > 90.01) angle -= 180;
  if (angle < -90.01) angle += 180;
  const p = add(a, sub(b, a), at);
  const t = (angle * Math.PI) / 180;
  const up: Pt = [Math.sin(t), -Math.cos(t)];
  d.text(add(p, up, lift), text, { size, anchor: 'middle', rotate: angle });
}

export interface LinearOptions {
  /** h: horizontal dimension line at y = at; v: vertical at x = at; a: aligned, `at` mm to the left of p1→p2. */
  readonly dir: 'h' | 'v' | 'a';
  readonly at: number;
  readonly text: string;
  /** Where the number sits along the dimension line (0 at the first end, 1 at the second). */
  readonly textAt?: number;
  /** Half dimension (半剖, 对称件): arrow and extension line at p1 only; the line runs `beyond` mm past p2. */
  readonly half?: boolean;
  readonly beyond?: number;
  /** Arrows outside the extension lines (a short dimension). */
  readonly outside?: boolean;
  /** Extension lines to draw (false where the dimension line meets an outline or axis directly). */
  readonly ext?: readonly [boolean, boolean];
}

/** A linear dimension between two feature points. */
export function linear(d: Drawing, p1: Pt, p2: Pt, o: LinearOptions): void {
  let a: Pt;
  let b: Pt;
  if (o.dir === 'h') {
    a = [p1[0], o.at];
    b = [p2[0], o.at];
  } else if (o.dir === 'v') {
    a = [o.at, p1[1]];
    b = [o.at, p2[1]];
  } else {
    const u = unit(sub(p2, p1));
    const n: Pt = [u[1], -u[0]];
    a = add(p1, n, o.at);
    b = add(p2, n, o.at);
  }
  const ext = o.ext ?? [true, !o.half];
  const extension = (p: Pt, q: Pt) => {
    const v = sub(q, p);
    if (Math.hypot(v[0], v[1]) < 0.5) return;
    d.line(p, add(q, unit(v), OVERSHOOT), 'thin');
  };
  if (ext[0]) extension(p1, a);
  if (ext[1]) extension(p2, b);
  const u = unit(sub(b, a));
  if (o.half) {
    const end = add(b, u, o.beyond ?? 6);
    d.line(a, end, 'thin');
    arrow(d, a, [-u[0], -u[1]]);
    textAlong(d, a, end, o.text, o.textAt ?? 0.5);
    return;
  }
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  dimensionLine(d, a, b, u, o.outside ?? length < 2 * ARROW_LENGTH + 2, ARROW_LENGTH + 3);
  const ordered = a[0] < b[0] - 1e-6 || (Math.abs(a[0] - b[0]) < 1e-6 && a[1] > b[1]);
  const [s, e] = ordered ? [a, b] : [b, a];
  const textAt = o.textAt ?? 0.5;
  textAlong(d, s, e, o.text, ordered ? textAt : 1 - textAt);
}

/** A diameter across a circle through its centre at `angle`, the number on the line `at` along it. */
export function diameterAcross(d: Drawing, c: Pt, r: number, angle: number, text: string, at = 0.5): void {
  const p = polar(c, r, angle + 180);
  const q = polar(c, r, angle);
  d.line(p, q, 'thin');
  arrow(d, p, sub(p, c));
  arrow(d, q, sub(q, c));
  const [s, e] = p[0] <= q[0] ? [p, q] : [q, p];
  textAlong(d, s, e, text, at);
}

/** A number on a horizontal shoulder at `elbow`, reached by a leader from `tip` (arrow, dot or plain). */
export function leader(d: Drawing, tip: Pt, elbow: Pt, text: string, end: 'arrow' | 'dot' | 'none' = 'arrow', size = DIM_TEXT): void {
  const width = textWidth(text, size) + 1.5;
  const right = elbow[0] >= tip[0];
  const shoulderEnd: Pt = [elbow[0] + (right ? width : -width), elbow[1]];
  d.polyline([tip, elbow, shoulderEnd], 'thin');
  if (end === 'arrow') arrow(d, tip, sub(tip, elbow));
  if (end === 'dot') d.fill(`M${fmt(tip[0] + 0.6)} ${fmt(tip[1])}A0.6 0.6 0 1 0 ${fmt(tip[0] - 0.6)} ${fmt(tip[1])}A0.6 0.6 0 1 0 ${fmt(tip[0] + 0.6)} ${fmt(tip[1])}Z`);
  d.text([(elbow[0] + shoulderEnd[0]) / 2, elbow[1] - 0.9], text, { size, anchor: 'middle' });
}

/** A diameter or radius by a leader on the circle at `angle`: arrow on the circle pointing at the centre. */
export function circleLeader(d: Drawing, c: Pt, r: number, angle: number, reach: number, text: string, inward = false): void {
  const tip = polar(c, r, angle);
  const elbow = polar(c, r + reach, angle);
  if (inward) {
    // The leader runs through the centre and the arrow meets the circle from inside (large circles).
    const far = polar(c, r, angle + 180);
    d.line(far, tip, 'thin');
    arrow(d, tip, sub(tip, c));
    arrow(d, far, sub(far, c));
    leader(d, tip, elbow, text, 'none');
    return;
  }
  leader(d, tip, elbow, text, 'none');
  arrow(d, tip, sub(c, tip));
}

/** A radius whose line runs from the centre through the arc `reach` mm on, the number on that outer part. */
export function radiusOut(d: Drawing, c: Pt, r: number, angle: number, reach: number, text: string): void {
  const tip = polar(c, r, angle);
  const end = polar(c, r + reach, angle);
  d.line(c, end, 'thin');
  arrow(d, tip, sub(tip, c));
  const [s, e] = tip[0] <= end[0] ? [tip, end] : [end, tip];
  textAlong(d, s, e, text, 0.5);
}

/** A radius: from the centre (or from `from` on the radius line) to the arc with an arrow; number on the line. */
export function radius(d: Drawing, c: Pt, r: number, angle: number, text: string, from = 0): void {
  const start = polar(c, from, angle);
  const tip = polar(c, r, angle);
  d.line(start, tip, 'thin');
  arrow(d, tip, sub(tip, c));
  const [s, e] = start[0] <= tip[0] ? [start, tip] : [tip, start];
  textAlong(d, s, e, text, 0.5);
}

/** A centre-line cross for a circle (细点画线, 3 mm past the circle). */
export function centreCross(d: Drawing, c: Pt, r: number, overshoot = 3, angle = 0): void {
  d.line(polar(c, r + overshoot, angle), polar(c, r + overshoot, angle + 180), 'centre');
  d.line(polar(c, r + overshoot, angle + 90), polar(c, r + overshoot, angle + 270), 'centre');
}

/**
 * The dimension line from a to b (direction u) with its two arrows: inside, arrows pointing out to the
 * extension lines; outside (too short for arrows inside), arrows pointing in and the line running on
 * by `overrun` beyond both ends.
 */
export function dimensionLine(d: Drawing, a: Pt, b: Pt, u: Pt, outside: boolean, overrun: number): void {
  if (outside) {
    d.line(add(a, u, -overrun), add(b, u, overrun), 'thin');
    arrow(d, a, u);
    arrow(d, b, [-u[0], -u[1]]);
  } else {
    d.line(a, b, 'thin');
    arrow(d, a, [-u[0], -u[1]]);
    arrow(d, b, u);
  }
}
