/**
 * A small SVG builder for technical drawings, in millimetres on the sheet (x right, y down). Line types
 * follow GB/T 4457.4: 粗实线 0.7 mm, 细实线 / 细虚线 / 细点画线 0.35 mm (half the thick line); dashes are
 * fitted to each line's length so a centre line starts and ends with a long dash. Text uses the CJK
 * system face (the title blocks are Chinese); digits follow it.
 */

export type Pt = readonly [number, number];
export type LineType = 'thick' | 'thin' | 'hidden' | 'centre';

export const WIDTH = { thick: 0.7, thin: 0.35 } as const;
export const FONT_FAMILY = "'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif";
/**
 * Numbers and Latin letters (dimensions, 图号) in a Latin face: it has φ, ×, ±, ∶ and renders far faster
 * than a CJK face (resvg reads the font file for each text, and the CJK ones are 20 MB).
 */
export const LATIN_FAMILY = "'DejaVu Sans', 'Noto Sans CJK SC', sans-serif";
const CJK = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/;

/** Dash and gap lengths of the broken line types (12d/3d for 细虚线; 24d/3d/0.5d/3d for 细点画线, rounded up). */
const DASHES: Readonly<Record<'hidden' | 'centre', readonly number[]>> = {
  hidden: [3.5, 1.2],
  centre: [11, 1.6, 1, 1.6],
};

export function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function pathOf(points: readonly Pt[], closed = true): string {
  const body = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${fmt(p[0])} ${fmt(p[1])}`).join('');
  return closed ? `${body}Z` : body;
}

/** A dash pattern stretched so the line (or closed curve) holds whole periods and ends with the first dash. */
function fittedDash(type: 'hidden' | 'centre', length: number, closed: boolean): string {
  const base = DASHES[type];
  const period = base.reduce((a, b) => a + b, 0);
  const first = base[0] as number;
  let scale: number;
  if (closed) {
    scale = length / (Math.max(1, Math.round(length / period)) * period);
  } else {
    // A centre line holds an even number of periods, so its middle (where centre lines cross) is a long dash.
    const step = type === 'centre' ? 2 : 1;
    const n = Math.max(step, Math.round((length - first) / period / step) * step);
    scale = length / (n * period + first);
    // Too short for its periods (a small circle's centre line, a short hidden edge): a continuous thin line.
    if (scale < 0.6) return 'none';
  }
  return base.map((v) => fmt(v * scale)).join(' ');
}

function polylineLength(points: readonly Pt[], closed: boolean): number {
  let sum = 0;
  for (let k = 1; k < points.length; k++) sum += Math.hypot((points[k] as Pt)[0] - (points[k - 1] as Pt)[0], (points[k] as Pt)[1] - (points[k - 1] as Pt)[1]);
  if (closed && points.length > 1) sum += Math.hypot((points[0] as Pt)[0] - (points.at(-1) as Pt)[0], (points[0] as Pt)[1] - (points.at(-1) as Pt)[1]);
  return sum;
}

export function strokeAttrs(type: LineType, length?: number, closed = false): string {
  const width = type === 'thick' ? WIDTH.thick : WIDTH.thin;
  const base = `fill="none" stroke="#000" stroke-width="${fmt(width)}" stroke-linecap="round" stroke-linejoin="round"`;
  if (type === 'thick' || type === 'thin') return base;
  const dash = length === undefined ? DASHES[type].join(' ') : fittedDash(type, length, closed);
  return dash === 'none' ? base : `${base} stroke-dasharray="${dash}"`;
}

export interface TextOptions {
  readonly size?: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  /** Degrees, clockwise on the sheet (SVG's sense). */
  readonly rotate?: number;
  readonly weight?: 'normal' | 'bold';
}

/** Rough width of a text on the sheet: CJK characters are square, others about 0.56 em. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.56;
  return w;
}

/** One sheet or drawing being built; `toString()` gives the SVG document. */
export class Drawing {
  private readonly body: string[] = [];
  private readonly defs: string[] = [];
  private ids = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  /** A fresh id for a definition. */
  id(prefix: string): string {
    this.ids += 1;
    return `${prefix}${String(this.ids)}`;
  }

  def(markup: string): void {
    this.defs.push(markup);
  }

  raw(markup: string): void {
    this.body.push(markup);
  }

  /** Wraps what `draw` adds in a group (for ids and classes the tests look for). */
  group(attributes: string, draw: () => void): void {
    this.body.push(`<g ${attributes}>`);
    draw();
    this.body.push('</g>');
  }

  line(a: Pt, b: Pt, type: LineType = 'thick'): void {
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (length < 1e-6) return;
    this.body.push(`<path d="${pathOf([a, b], false)}" ${strokeAttrs(type, length)}/>`);
  }

  polyline(points: readonly Pt[], type: LineType = 'thick', closed = false): void {
    if (points.length < 2) return;
    this.body.push(`<path d="${pathOf(points, closed)}" ${strokeAttrs(type, polylineLength(points, closed), closed)}/>`);
  }

  rect(x: number, y: number, w: number, h: number, type: LineType = 'thick'): void {
    this.polyline([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], type, true);
  }

  circle(c: Pt, r: number, type: LineType = 'thick'): void {
    const attrs = strokeAttrs(type, 2 * Math.PI * r, true);
    this.body.push(`<circle cx="${fmt(c[0])}" cy="${fmt(c[1])}" r="${fmt(r)}" ${attrs}/>`);
  }

  /** An arc from angle a0 to a1 (degrees, counter-clockwise as seen on the sheet). */
  arc(c: Pt, r: number, a0: number, a1: number, type: LineType = 'thick'): void {
    const sweep = a1 - a0;
    const n = Math.max(2, Math.ceil(Math.abs(sweep) / 3));
    const points: Pt[] = [];
    for (let k = 0; k <= n; k++) points.push(polar(c, r, a0 + (sweep * k) / n));
    this.polyline(points, type);
  }

  /** A filled closed region (white masks, black arrowheads). */
  fill(d: string, colour = '#000'): void {
    this.body.push(`<path d="${d}" fill="${colour}" stroke="none"/>`);
  }

  /** 45° section lines (剖面线, 细实线) over a region given as path data (even-odd, holes allowed). */
  hatch(d: string, spacing = 3, angle = 45): void {
    const id = `hatch-${fmt(spacing).replace('.', '_')}-${String(angle)}`;
    if (!this.defs.some((x) => x.includes(`id="${id}"`))) {
      this.def(
        `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${fmt(spacing)}" height="${fmt(spacing)}" patternTransform="rotate(${String(-angle)})">` +
          `<line x1="-1" y1="${fmt(spacing / 2)}" x2="${fmt(spacing + 1)}" y2="${fmt(spacing / 2)}" stroke="#000" stroke-width="${fmt(WIDTH.thin)}"/></pattern>`,
      );
    }
    this.body.push(`<path d="${d}" fill="url(#${id})" fill-rule="evenodd" stroke="none"/>`);
  }

  text(p: Pt, text: string, options: TextOptions = {}): void {
    const size = options.size ?? 3.5;
    const anchor = options.anchor ?? 'start';
    const rotate = options.rotate ?? 0;
    const weight = options.weight === 'bold' ? ' font-weight="bold"' : '';
    const family = CJK.test(text) ? '' : ` font-family="${LATIN_FAMILY}"`;
    const transform = rotate === 0 ? `x="${fmt(p[0])}" y="${fmt(p[1])}"` : `transform="translate(${fmt(p[0])} ${fmt(p[1])}) rotate(${fmt(rotate)})"`;
    this.body.push(`<text ${transform} font-size="${fmt(size)}" text-anchor="${anchor}"${family}${weight} fill="#000">${escapeXml(text)}</text>`);
  }

  toString(): string {
    const head =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(this.width)}mm" height="${fmt(this.height)}mm" ` +
      `viewBox="0 0 ${fmt(this.width)} ${fmt(this.height)}" font-family="${FONT_FAMILY}">`;
    const defs = this.defs.length === 0 ? '' : `<defs>${this.defs.join('')}</defs>`;
    return `${head}<rect width="${fmt(this.width)}" height="${fmt(this.height)}" fill="#fff"/>${defs}${this.body.join('')}</svg>`;
  }
}

/** The point at angle `a` (degrees, counter-clockwise on the sheet) and distance `r` from `c`. */
export function polar(c: Pt, r: number, a: number): Pt {
  const t = (a * Math.PI) / 180;
  return [c[0] + r * Math.cos(t), c[1] - r * Math.sin(t)];
}

/** Maps a view's own coordinates (x right, y up, millimetres of the part) onto the sheet at a scale. */
export function viewAt(ox: number, oy: number, scale = 1): (x: number, y: number) => Pt {
  return (x, y) => [ox + x * scale, oy - y * scale];
}
