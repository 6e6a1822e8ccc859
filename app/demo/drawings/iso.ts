/**
 * 正等轴测 (isometric) drawings of part models made of planar faces (boxes, prisms, many-sided cylinders).
 * Projection with the simplified axis coefficients p = q = r = 1 (GB/T 4458.3): the three axes at 120°,
 * true lengths along them. Hidden surfaces are removed by a BSP tree over the front-facing faces
 * (back-to-front painting of white faces, splitting faces where they overlap in depth), so any union of
 * touching or overlapping solids draws right. Each face says which of its edges are real edges (粗实线):
 * a split or a smooth join (facets of a cylinder, a plane tangent to it) draws no line; silhouette
 * generatrices of cylinders are marked when the model is built for a view direction. A face may carry
 * decorations (hole ellipses, section lines) drawn clipped to what is visible of it.
 */
import { type Drawing, fmt, type Pt, WIDTH } from './svg.js';

export type V3 = readonly [number, number, number];

export const v3 = {
  add: (a: V3, b: V3, k = 1): V3 => [a[0] + b[0] * k, a[1] + b[1] * k, a[2] + b[2] * k],
  sub: (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]],
  scale: (a: V3, k: number): V3 => [a[0] * k, a[1] * k, a[2] * k],
  dot: (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2],
  cross: (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]],
  norm: (a: V3): V3 => {
    const n = Math.hypot(a[0], a[1], a[2]) || 1;
    return [a[0] / n, a[1] / n, a[2] / n];
  },
};

/** The projection of one isometric view: `toward` points from the part to the viewer, e.g. [1, -1, 1]. */
export class IsoView {
  readonly toward: V3;
  private readonly right: V3;
  private readonly up: V3;

  constructor(
    toward: V3,
    readonly origin: Pt,
    /** Drawing scale (2 for 2∶1). */
    readonly scale = 1,
  ) {
    this.toward = v3.norm(toward);
    const k = Math.sqrt(1.5) * scale;
    this.right = v3.scale(v3.norm(v3.cross([0, 0, 1], this.toward)), k);
    this.up = v3.scale(v3.norm(v3.cross(this.toward, v3.norm(v3.cross([0, 0, 1], this.toward)))), k);
  }

  /** The sheet point of a model point (millimetres, 1∶1 with the simplified coefficients). */
  at(p: V3): Pt {
    return [this.origin[0] + v3.dot(p, this.right), this.origin[1] - v3.dot(p, this.up)];
  }

  depth(p: V3): number {
    return v3.dot(p, this.toward);
  }

  faces(n: V3): boolean {
    return v3.dot(n, this.toward) > 1e-9;
  }
}

/** What a face draws on itself, in sheet coordinates, clipped to its visible part. */
export type Decor = (view: IsoView, d: Drawing, piece: readonly V3[]) => string;

export interface Face {
  /** Vertices in order, counter-clockwise seen from outside (the right-hand normal points out). */
  readonly pts: readonly V3[];
  /** stroke[i]: the edge pts[i] → pts[i+1] is a real edge (粗实线). */
  readonly stroke: readonly boolean[];
  readonly decor?: readonly Decor[];
  /** Line type of the stroked edges: thick outlines, or thin for section-plane boundaries that are not edges. */
  readonly thin?: boolean;
}

interface Plane {
  readonly n: V3;
  readonly w: number;
}

/** Newell's normal of a polygon (works for non-convex ones) and its plane. */
export function planeOf(pts: readonly V3[]): Plane {
  let nx = 0;
  let ny = 0;
  let nz = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i] as V3;
    const b = pts[(i + 1) % pts.length] as V3;
    nx += (a[1] - b[1]) * (a[2] + b[2]);
    ny += (a[2] - b[2]) * (a[0] + b[0]);
    nz += (a[0] - b[0]) * (a[1] + b[1]);
  }
  const n = v3.norm([nx, ny, nz]);
  let w = 0;
  for (const p of pts) w += v3.dot(n, p);
  return { n, w: w / pts.length };
}

const EPS = 1e-5;

interface Piece {
  readonly face: Face;
  readonly pts: readonly V3[];
  readonly stroke: readonly boolean[];
}

interface Node {
  readonly plane: Plane;
  readonly here: Piece[];
  front: Node | null;
  back: Node | null;
}

/** Splits a polygon by a plane; new edges along the plane are not real edges. */
function split(piece: Piece, plane: Plane): { front?: Piece; back?: Piece; on?: Piece } {
  const side = piece.pts.map((p) => {
    const s = v3.dot(plane.n, p) - plane.w;
    return s > EPS ? 1 : s < -EPS ? -1 : 0;
  });
  if (side.every((s) => s >= 0) && side.some((s) => s > 0)) return { front: piece };
  if (side.every((s) => s <= 0) && side.some((s) => s < 0)) return { back: piece };
  if (side.every((s) => s === 0)) return { on: piece };
  const f: V3[] = [];
  const fs: boolean[] = [];
  const b: V3[] = [];
  const bs: boolean[] = [];
  const n = piece.pts.length;
  for (let i = 0; i < n; i++) {
    const p = piece.pts[i] as V3;
    const q = piece.pts[(i + 1) % n] as V3;
    const sp = side[i] as number;
    const sq = side[(i + 1) % n] as number;
    const edge = piece.stroke[i] as boolean;
    if (sp >= 0) {
      f.push(p);
      fs.push(sp === 0 && sq < 0 ? false : edge);
    }
    if (sp <= 0) {
      b.push(p);
      bs.push(sp === 0 && sq > 0 ? false : edge);
    }
    if (sp * sq < 0) {
      const dp = v3.dot(plane.n, p) - plane.w;
      const dq = v3.dot(plane.n, q) - plane.w;
      const x = v3.add(p, v3.sub(q, p), dp / (dp - dq));
      f.push(x);
      b.push(x);
      if (sp > 0) {
        fs.push(false);
        bs.push(edge);
      } else {
        bs.push(false);
        fs.push(edge);
      }
    }
  }
  return {
    front: f.length >= 3 ? { face: piece.face, pts: f, stroke: fs } : undefined,
    back: b.length >= 3 ? { face: piece.face, pts: b, stroke: bs } : undefined,
  } as { front?: Piece; back?: Piece };
}

function build(pieces: readonly Piece[]): Node | null {
  const first = pieces[0];
  if (first === undefined) return null;
  const node: Node = { plane: planeOf(first.pts), here: [first], front: null, back: null };
  const front: Piece[] = [];
  const back: Piece[] = [];
  for (const piece of pieces.slice(1)) {
    const s = split(piece, node.plane);
    if (s.on) node.here.push(s.on);
    if (s.front) front.push(s.front);
    if (s.back) back.push(s.back);
  }
  node.front = build(front);
  node.back = build(back);
  return node;
}

function area(pts: readonly V3[]): number {
  let s: V3 = [0, 0, 0];
  for (let i = 0; i < pts.length; i++) s = v3.add(s, v3.cross(pts[i] as V3, pts[(i + 1) % pts.length] as V3));
  return Math.hypot(s[0], s[1], s[2]) / 2;
}

function paint(node: Node | null, view: IsoView, out: Piece[]): void {
  if (node === null) return;
  const viewerInFront = v3.dot(node.plane.n, view.toward) > 0;
  paint(viewerInFront ? node.back : node.front, view, out);
  out.push(...node.here);
  paint(viewerInFront ? node.front : node.back, view, out);
}

interface Outline {
  readonly pts: readonly Pt[];
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

function outlineOf(pts: readonly Pt[]): Outline {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { pts, x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Sheet distance below which a point counts as on an outline (shared edges stay visible). */
const ON_EDGE = 0.05;
/** Visible pieces and hidden gaps shorter than this (sheet millimetres) are numerical noise. */
const NOISE = 0.8;

function distanceToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Strictly inside (non-zero winding, and not on the outline). */
function covers(o: Outline, p: Pt): boolean {
  if (p[0] < o.x0 || p[0] > o.x1 || p[1] < o.y0 || p[1] > o.y1) return false;
  let winding = 0;
  const n = o.pts.length;
  for (let i = 0; i < n; i++) {
    const a = o.pts[i] as Pt;
    const b = o.pts[(i + 1) % n] as Pt;
    if (distanceToSegment(p, a, b) < ON_EDGE) return false;
    const cross = (b[0] - a[0]) * (p[1] - a[1]) - (p[0] - a[0]) * (b[1] - a[1]);
    if (a[1] <= p[1]) {
      if (b[1] > p[1] && cross > 0) winding++;
    } else if (b[1] <= p[1] && cross < 0) winding--;
  }
  return winding !== 0;
}

/** Parameters along a→b where it crosses the outline's edges. */
function crossings(a: Pt, b: Pt, o: Outline, into: number[]): void {
  const n = o.pts.length;
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  for (let i = 0; i < n; i++) {
    const c = o.pts[i] as Pt;
    const e = o.pts[(i + 1) % n] as Pt;
    const sx = e[0] - c[0];
    const sy = e[1] - c[1];
    const den = rx * sy - ry * sx;
    if (Math.abs(den) < 1e-12) continue;
    const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den;
    const u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / den;
    if (t > 0 && t < 1 && u >= -1e-9 && u <= 1 + 1e-9) into.push(t);
  }
}

/** The parts of the segment a→b that no outline in front covers. */
function visibleParts(a: Pt, b: Pt, front: readonly Outline[]): [Pt, Pt][] {
  const x0 = Math.min(a[0], b[0]);
  const x1 = Math.max(a[0], b[0]);
  const y0 = Math.min(a[1], b[1]);
  const y1 = Math.max(a[1], b[1]);
  const near = front.filter((o) => o.x1 >= x0 && o.x0 <= x1 && o.y1 >= y0 && o.y0 <= y1);
  const ts = [0, 1];
  for (const o of near) crossings(a, b, o, ts);
  ts.sort((p, q) => p - q);
  const point = (t: number): Pt => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  // Visible intervals of t; gaps and pieces shorter than NOISE (numerical slivers along shared surfaces) are closed or dropped.
  const spans: [number, number][] = [];
  for (let k = 0; k + 1 < ts.length; k++) {
    const t0 = ts[k] as number;
    const t1 = ts[k + 1] as number;
    if (t1 - t0 < 1e-9) continue;
    if (near.some((o) => covers(o, point((t0 + t1) / 2)))) continue;
    const last = spans.at(-1);
    if (last !== undefined && (t0 - last[1]) * length < NOISE) last[1] = t1;
    else spans.push([t0, t1]);
  }
  const whole = spans.length === 1 && (spans[0] as [number, number])[0] === 0 && (spans[0] as [number, number])[1] === 1;
  return spans.filter(([t0, t1]) => whole || (t1 - t0) * length >= NOISE).map(([t0, t1]) => [point(t0), point(t1)]);
}

/**
 * Draws the faces seen from `view`: back faces culled, the rest painted back to front as white areas with
 * their decorations; then the real edges, each cut to the parts no face in front of it covers.
 */
export function drawModel(d: Drawing, view: IsoView, faces: readonly Face[]): void {
  const seen = faces.filter((f) => view.faces(planeOf(f.pts).n)).map((face) => ({ face, pts: face.pts, stroke: face.stroke }));
  seen.sort((a, b) => area(b.pts) - area(a.pts));
  const order: Piece[] = [];
  paint(build(seen), view, order);
  const mask = `fill="#fff" stroke="#fff" stroke-width="0.2" stroke-linejoin="round"`;
  const outlines = order.map((piece) => outlineOf(piece.pts.map((p) => view.at(p))));
  order.forEach((piece, k) => {
    const screen = (outlines[k] as Outline).pts;
    const outline = screen.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(p[0])} ${fmt(p[1])}`).join('') + 'Z';
    d.raw(`<path d="${outline}" ${mask}/>`);
    if (piece.face.decor !== undefined && piece.face.decor.length > 0) {
      const id = d.id('clip');
      d.def(`<clipPath id="${id}"><path d="${outline}"/></clipPath>`);
      d.raw(`<g clip-path="url(#${id})">${piece.face.decor.map((decor) => decor(view, d, piece.pts)).join('')}</g>`);
    }
  });
  const edges = { thick: '', thin: '' };
  order.forEach((piece, k) => {
    const screen = (outlines[k] as Outline).pts;
    const front = outlines.slice(k + 1);
    for (let i = 0; i < screen.length; i++) {
      if (!piece.stroke[i]) continue;
      for (const [a, b] of visibleParts(screen[i] as Pt, screen[(i + 1) % screen.length] as Pt, front)) {
        edges[piece.face.thin === true ? 'thin' : 'thick'] += `M${fmt(a[0])} ${fmt(a[1])}L${fmt(b[0])} ${fmt(b[1])}`;
      }
    }
  });
  for (const type of ['thin', 'thick'] as const) {
    if (edges[type] === '') continue;
    d.raw(`<path d="${edges[type]}" fill="none" stroke="#000" stroke-width="${fmt(WIDTH[type])}" stroke-linecap="round" stroke-linejoin="round"/>`);
  }
}
