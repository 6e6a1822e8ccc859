/**
 * Helpers for orthographic views (正投影): polygons in a view's own coordinates (x right, y up, part
 * millimetres) drawn on the sheet, mirrored halves of symmetric sections, section areas with 剖面线.
 */
import { type Drawing, pathOf, type Pt } from './svg.js';

export type ViewMap = (x: number, y: number) => Pt;

export type Poly = readonly (readonly [number, number])[];

/** The mirror image of a polygon in the view's vertical axis (x → −x), order reversed to keep the winding. */
export function mirror(poly: Poly): Poly {
  return poly.map(([x, y]) => [-x, y] as const).reverse();
}

export function onSheet(v: ViewMap, poly: Poly): Pt[] {
  return poly.map(([x, y]) => v(x, y));
}

/** Section areas: 剖面线 inside, 粗实线 outline. */
export function sectionAreas(d: Drawing, v: ViewMap, polys: readonly Poly[], spacing = 3): void {
  d.hatch(polys.map((p) => pathOf(onSheet(v, p))).join(''), spacing);
  for (const p of polys) d.polyline(onSheet(v, p), 'thick', true);
}

/** Visible outlines (粗实线) as open polylines in view coordinates. */
export function lines(d: Drawing, v: ViewMap, polylines: readonly Poly[], type: 'thick' | 'thin' | 'hidden' | 'centre' = 'thick'): void {
  for (const p of polylines) d.polyline(onSheet(v, p), type);
}
