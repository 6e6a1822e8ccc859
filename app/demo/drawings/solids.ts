/**
 * Solids for the isometric drawings, as faces for iso.ts: prisms over a 2D profile (boxes, plates,
 * many-sided cylinders and bosses), with holes drawn on their caps and 45° section lines on cut faces.
 * A profile vertex marked smooth joins its two lateral faces without an edge (cylinders, tangent planes);
 * such a join is drawn only where it is a silhouette for the given view.
 */
import { type Decor, type Face, type IsoView, type V3, v3 } from './iso.js';
import { fmt, WIDTH } from './svg.js';

/** A local frame: origin and three axes (u, v in the profile plane, w = extrusion direction). */
export interface Frame3 {
  readonly o: V3;
  readonly u: V3;
  readonly v: V3;
  readonly w: V3;
}

export const WORLD: Frame3 = { o: [0, 0, 0], u: [1, 0, 0], v: [0, 1, 0], w: [0, 0, 1] };

/** The frame whose extrusion axis is `w` (u × v = w), at `o`. */
export function frameAlong(o: V3, axis: 'x' | 'y' | 'z' | '-x' | '-y' | '-z'): Frame3 {
  switch (axis) {
    case 'x':
      return { o, u: [0, 1, 0], v: [0, 0, 1], w: [1, 0, 0] };
    case '-x':
      return { o, u: [0, -1, 0], v: [0, 0, 1], w: [-1, 0, 0] };
    case 'y':
      return { o, u: [0, 0, 1], v: [1, 0, 0], w: [0, 1, 0] };
    case '-y':
      return { o, u: [1, 0, 0], v: [0, 0, 1], w: [0, -1, 0] };
    case 'z':
      return { o, u: [1, 0, 0], v: [0, 1, 0], w: [0, 0, 1] };
    case '-z':
      return { o, u: [1, 0, 0], v: [0, -1, 0], w: [0, 0, -1] };
  }
}

export function at(f: Frame3, x: number, y: number, h: number): V3 {
  return v3.add(v3.add(v3.add(f.o, f.u, x), f.v, y), f.w, h);
}

export interface ProfilePoint {
  readonly x: number;
  readonly y: number;
  /** The lateral faces on both sides meet tangentially: no edge but a silhouette. */
  readonly smooth?: boolean;
  /** The cap edge from this point to the next is no real edge (it lies inside another solid). */
  readonly hiddenEdge?: boolean;
}

export interface PrismOptions {
  /** Height of the bottom cap; a function gives each profile point its own (a boss ending on a cylinder). */
  readonly from: number | ((x: number, y: number) => number);
  readonly to: number;
  readonly bottom?: boolean;
  readonly top?: boolean;
  readonly topDecor?: readonly Decor[];
  readonly bottomDecor?: readonly Decor[];
  /** Lateral faces whose edges along the extrusion are no real edges at all (a face coplanar with another). */
  readonly sideDecor?: (k: number) => readonly Decor[] | undefined;
  /** Lateral faces to leave out (they lie inside another solid). */
  readonly skipSide?: (k: number) => boolean;
}

/** A prism over a counter-clockwise profile (seen from +w). */
export function prism(view: IsoView, f: Frame3, profile: readonly ProfilePoint[], o: PrismOptions): Face[] {
  const n = profile.length;
  const base = (p: ProfilePoint) => (typeof o.from === 'number' ? o.from : o.from(p.x, p.y));
  const bottom = profile.map((p) => at(f, p.x, p.y, base(p)));
  const top = profile.map((p) => at(f, p.x, p.y, o.to));
  const sideNormal = (k: number): V3 => {
    const a = profile[k] as ProfilePoint;
    const b = profile[(k + 1) % n] as ProfilePoint;
    return v3.add(v3.scale(f.u, b.y - a.y), f.v, -(b.x - a.x));
  };
  const visible = profile.map((_, k) => view.faces(sideNormal(k)));
  const faces: Face[] = [];
  const capStroke = profile.map((p) => p.hiddenEdge !== true);
  if (o.top !== false) faces.push({ pts: top, stroke: capStroke, decor: o.topDecor });
  if (o.bottom !== false && typeof o.from === 'number') {
    const pts = [...bottom].reverse();
    const stroke = capStroke.map((_, k) => capStroke[(n - 2 - k + n) % n] as boolean);
    faces.push({ pts, stroke, decor: o.bottomDecor });
  }
  for (let k = 0; k < n; k++) {
    if (o.skipSide?.(k) === true) continue;
    const j = (k + 1) % n;
    const a = profile[k] as ProfilePoint;
    const b = profile[j] as ProfilePoint;
    // The lateral edge at a point is real unless smooth; a smooth one is drawn where it is a silhouette.
    // (Next to a left-out face, a smooth join is a tangency with another solid: no line at all.)
    const left = (i: number) => o.skipSide?.((i - 1 + n) % n) === true || o.skipSide?.(i) === true;
    const edgeAt = (i: number, p: ProfilePoint) => p.smooth !== true || (!left(i) && visible[i] !== visible[(i - 1 + n) % n]);
    faces.push({
      pts: [bottom[k] as V3, bottom[j] as V3, top[j] as V3, top[k] as V3],
      stroke: [a.hiddenEdge !== true, edgeAt(j, b), a.hiddenEdge !== true, edgeAt(k, a)],
      decor: o.sideDecor?.(k),
    });
  }
  return faces;
}

export function rectProfile(x0: number, y0: number, x1: number, y1: number): ProfilePoint[] {
  return [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];
}

/** A box between two corners (world axes). */
export function box(view: IsoView, a: V3, b: V3, o: Partial<PrismOptions> = {}): Face[] {
  return prism(view, WORLD, rectProfile(a[0], a[1], b[0], b[1]), { from: a[2], to: b[2], ...o });
}

export const SEGMENTS = 96;

/** Counter-clockwise points of an arc (degrees), all smooth. */
export function arcProfile(cx: number, cy: number, r: number, a0: number, a1: number, segments = SEGMENTS): ProfilePoint[] {
  const n = Math.max(2, Math.round((Math.abs(a1 - a0) / 360) * segments));
  const out: ProfilePoint[] = [];
  for (let k = 0; k <= n; k++) {
    const t = ((a0 + ((a1 - a0) * k) / n) * Math.PI) / 180;
    out.push({ x: cx + r * Math.cos(t), y: cy + r * Math.sin(t), smooth: true });
  }
  return out;
}

export function circleProfile(cx: number, cy: number, r: number, segments = SEGMENTS): ProfilePoint[] {
  return arcProfile(cx, cy, r, 0, 360, segments).slice(0, -1);
}

/** A cylinder of radius r on the frame's axis from h0 to h1. */
export function cylinder(view: IsoView, f: Frame3, r: number, o: PrismOptions): Face[] {
  return prism(view, f, circleProfile(0, 0, r), o);
}

/** Sheet path of a circle in a frame's profile plane at height h. */
export function ellipsePath(view: IsoView, f: Frame3, cx: number, cy: number, r: number, h: number, a0 = 0, a1 = 360): string {
  const n = Math.max(8, Math.round((Math.abs(a1 - a0) / 360) * SEGMENTS));
  const closed = Math.abs(a1 - a0) >= 360;
  let d = '';
  for (let k = 0; k <= (closed ? n - 1 : n); k++) {
    const t = ((a0 + ((a1 - a0) * k) / n) * Math.PI) / 180;
    const p = view.at(at(f, cx + r * Math.cos(t), cy + r * Math.sin(t), h));
    d += `${k === 0 ? 'M' : 'L'}${fmt(p[0])} ${fmt(p[1])}`;
  }
  return closed ? `${d}Z` : d;
}

const stroke = (width: number) => `fill="none" stroke="#000" stroke-width="${fmt(width)}" stroke-linecap="round" stroke-linejoin="round"`;

export interface HoleStep {
  readonly d: number;
  readonly depth: number;
}

/**
 * A round hole in a cap (the cap of frame `f` at height h, the hole going in along −w): the opening's
 * ellipse and, inside it, what shows of each step's lower rim. `thread` adds the 3/4 thin circle of a
 * tapped hole's major diameter.
 */
export function hole(f: Frame3, cx: number, cy: number, h: number, steps: readonly HoleStep[], thread?: number): Decor {
  return (view, d) => {
    let depth = 0;
    let markup = '';
    let open = '';
    const close: string[] = [];
    steps.forEach((step, k) => {
      const r = step.d / 2;
      const mouth = ellipsePath(view, f, cx, cy, r, h - depth);
      if (k === 0) markup += `<path d="${mouth}" fill="#fff" stroke="none"/>`;
      const id = d.id('hole');
      d.def(`<clipPath id="${id}"><path d="${mouth}"/></clipPath>`);
      open += `<g clip-path="url(#${id})">`;
      close.push('</g>');
      depth += step.depth;
      markup += `${open}<path d="${ellipsePath(view, f, cx, cy, r, h - depth)}" ${stroke(WIDTH.thick)}/>`;
      const next = steps[k + 1];
      if (next !== undefined) markup += `<path d="${ellipsePath(view, f, cx, cy, next.d / 2, h - depth)}" ${stroke(WIDTH.thick)}/>`;
      markup += close.join('');
    });
    const first = steps[0];
    if (first !== undefined) markup += `<path d="${ellipsePath(view, f, cx, cy, first.d / 2, h)}" ${stroke(WIDTH.thick)}/>`;
    if (thread !== undefined) markup += `<path d="${ellipsePath(view, f, cx, cy, thread / 2, h, 100, 370)}" ${stroke(WIDTH.thin)}/>`;
    return markup;
  };
}

/**
 * Section lines (剖面线) on a cut face through `through`, parallel to the line joining the unit points of
 * the face's two axes a and b (GB/T 4458.3), `spacing` mm apart.
 */
export function sectionLines(through: V3, a: V3, b: V3, spacing = 3): Decor {
  return (view, _d, piece) => {
    const dir = v3.norm(v3.sub(b, a));
    const across = v3.norm(v3.add(a, b));
    // Only the lines that cross this piece of the face, only as long as the piece.
    const offsets = piece.map((p) => v3.dot(v3.sub(p, through), across));
    const along = piece.map((p) => v3.dot(v3.sub(p, through), dir));
    const t0 = Math.min(...along) - 1;
    const t1 = Math.max(...along) + 1;
    let markup = '';
    for (let k = Math.ceil(Math.min(...offsets) / spacing); k <= Math.floor(Math.max(...offsets) / spacing); k++) {
      const centre = v3.add(through, across, k * spacing);
      const p = view.at(v3.add(centre, dir, t0));
      const q = view.at(v3.add(centre, dir, t1));
      markup += `M${fmt(p[0])} ${fmt(p[1])}L${fmt(q[0])} ${fmt(q[1])}`;
    }
    return markup === '' ? '' : `<path d="${markup}" ${stroke(WIDTH.thin)}/>`;
  };
}

/** A planar face from world points, counter-clockwise seen from outside; every edge real unless listed. */
export function face(pts: readonly V3[], options: { hidden?: readonly number[]; decor?: readonly Decor[]; thin?: boolean } = {}): Face {
  return { pts, stroke: pts.map((_, k) => !(options.hidden ?? []).includes(k)), decor: options.decor, thin: options.thin };
}
