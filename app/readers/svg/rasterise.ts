/**
 * SVG → PNG for item images (a drawing occupation's figures are vector drawings; the documents embed PNG).
 * The renderer is resvg (@resvg/resvg-js: a static SVG renderer without a script engine, prebuilt native
 * binary) with the system fonts, so the Chinese text of title blocks renders in a CJK face.
 *
 * An SVG may come from a user, so before resvg sees it the text is held to bounds and to a closed
 * subset: at most 2 MiB, UTF-8, nesting depth and element count bounded (xml-guard), and nothing that
 * reaches outside the document or runs anything — no DTD (entity expansion), no script, no
 * foreignObject, no image element, no href or url(…) that is not a reference inside the document (“#id”),
 * no @import or xml-stylesheet. The output is bounded before any pixel is allocated (side and area),
 * and the rendering runs in a child process within a time bound, so a crash of the native renderer
 * refuses the file instead of ending the program. Each refusal is a ReaderError with a Chinese message
 * (messages.ts).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type ResvgRenderOptions } from '@resvg/resvg-js';
import { ReaderError } from '../errors.js';
import { withLimits } from '../limits.js';
import { formatAmount } from '../messages.js';
import { scanXml } from '../xml-guard.js';
import { svgMessages as m, type SvgForbidden } from './messages.js';

export interface RasteriseOptions {
  /** Width of the PNG in pixels (the height follows the SVG's aspect); the SVG's own size when absent. */
  readonly widthPx?: number;
}

export interface RasterisedSvg {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

const MiB = 1024 * 1024;

/** The bounds of one rasterisation. */
/** 170 mm of A4 text width at about 250 dpi: the width a drawing for a paper is rendered at, sharp in print. */
export const PRINT_WIDTH_PX = 1700;

export const SVG_LIMITS = Object.freeze({
  /** Bytes of the SVG text. */
  bytes: 2 * MiB,
  /** Width or height of the PNG, in pixels. */
  side: 16_384,
  /** Pixels (width × height) of the PNG. */
  pixels: 40_000_000,
  /** Element nesting depth and element count of the SVG. */
  depth: 64,
  elements: 200_000,
});

/** CJK faces first (fonts-noto-cjk, fonts-wqy-zenhei); resvg falls back per character to any system font. */
export const SVG_FONT_FAMILY = 'Noto Sans CJK SC';
const FONT: NonNullable<ResvgRenderOptions['font']> = {
  loadSystemFonts: true,
  defaultFontFamily: SVG_FONT_FAMILY,
  sansSerifFamily: SVG_FONT_FAMILY,
  serifFamily: 'Noto Serif CJK SC',
  monospaceFamily: 'Noto Sans Mono CJK SC',
};

/** Constructs refused wherever they appear (case-insensitive; a namespace prefix does not hide them). */
const FORBIDDEN: readonly (readonly [SvgForbidden, RegExp])[] = [
  ['doctype', /<!\s*(DOCTYPE|ENTITY)/i],
  ['stylesheet', /<\?\s*xml-stylesheet/i],
  ['script', /<\s*([\w.-]+:)?script\b/i],
  ['foreignObject', /<\s*([\w.-]+:)?foreignObject\b/i],
  ['image', /<\s*([\w.-]+:)?image\b/i],
  ['externalUrl', /@import\b/i],
];

/** Every href-like attribute (href, xlink:href, any prefix) with its value. */
const HREF = /(?:^|[\s"'])(?:[\w.-]+:)?href\s*=\s*(["'])([\s\S]*?)\1/gi;
/** Every url(…) reference, quoted or not. */
const URL_REF = /url\s*\(\s*(["']?)\s*([^"')]*)/gi;

function isLocal(reference: string): boolean {
  return reference.startsWith('#');
}

/** Throws when the SVG text has a construct that reaches outside the document or runs anything. */
export function checkSvgText(text: string): void {
  for (const [what, pattern] of FORBIDDEN) if (pattern.test(text)) throw new ReaderError(m.forbidden(what));
  for (const match of text.matchAll(HREF)) if (!isLocal(match[2] ?? '')) throw new ReaderError(m.forbidden('externalHref'));
  for (const match of text.matchAll(URL_REF)) if (!isLocal(match[2] ?? '')) throw new ReaderError(m.forbidden('externalUrl'));
  if (!/<\s*([\w.-]+:)?svg\b/i.test(text)) throw new ReaderError(m.notSvg);
  const limits = withLimits({ xmlDepth: SVG_LIMITS.depth, xmlElements: SVG_LIMITS.elements });
  scanXml(text, limits, { part: m.part });
}

function decode(svg: string | Uint8Array): string {
  const bytes = typeof svg === 'string' ? Buffer.byteLength(svg, 'utf8') : svg.byteLength;
  if (bytes > SVG_LIMITS.bytes) {
    throw new ReaderError(m.tooLarge(formatAmount('fileBytes', bytes), formatAmount('fileBytes', SVG_LIMITS.bytes)));
  }
  if (typeof svg === 'string') return svg;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(svg);
  } catch {
    throw new ReaderError(m.notUtf8);
  }
}

/**
 * The renderer runs in a child process (render-child.cjs): resvg is native code, and a panic inside it
 * (there are known ones for odd but valid SVG, e.g. nested clip paths reaching outside the view box)
 * aborts the whole process — here only the child, and the file is refused. The child also bounds the
 * time a drawing may take. How the child is started depends on the shell: plain Node spawns it (CLI,
 * tests); the desktop program, whose Electron cannot run as Node (RunAsNode fuse off), forks it as a
 * utility process (app/main/svg-child.ts) and installs that runner with `useSvgChildRunner`.
 */
export const SVG_CHILD_FILE = fileURLToPath(new URL('./render-child.cjs', import.meta.url));
/** The resvg module the child loads (its only argument). */
export const RESVG_MODULE = createRequire(import.meta.url).resolve('@resvg/resvg-js');
/** Time one drawing may take to render, child start included. */
const RENDER_MS = 30_000;
const MAX_ANSWER_BYTES = 512 * 1024 * 1024;

/** A child that did not answer: it crashed, or was stopped after the time bound. */
export class SvgChildFailure extends Error {
  constructor(readonly timedOut: boolean) {
    super(timedOut ? 'SVG renderer timed out' : 'SVG renderer crashed');
  }
}

/** Runs render-child.cjs with one request; resolves with its answer, rejects with SvgChildFailure. */
export type SvgChildRunner = (request: Buffer, timeoutMs: number) => Promise<Buffer>;

/** The child as a Node process: `node render-child.cjs <resvg>`, request on stdin, answer on stdout. */
export const nodeSvgChild: SvgChildRunner = (request, timeoutMs) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SVG_CHILD_FILE, RESVG_MODULE], {
      stdio: ['pipe', 'pipe', 'ignore'],
      // under an unfused Electron this is the Electron binary: run it as Node (the packaged program uses a utility process)
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    let bytes = 0;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_ANSWER_BYTES) child.kill('SIGKILL');
      else chunks.push(chunk);
    });
    child.stdin.on('error', () => undefined); // a child that dies before reading: its exit says so
    child.on('error', () => undefined);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && !timedOut && bytes <= MAX_ANSWER_BYTES) resolve(Buffer.concat(chunks));
      else reject(new SvgChildFailure(timedOut));
    });
    child.stdin.end(request);
  });

let childRunner: SvgChildRunner = nodeSvgChild;

/** The shell's way of starting the child (the desktop program: an Electron utility process). */
export function useSvgChildRunner(runner: SvgChildRunner): void {
  childRunner = runner;
}

interface ChildResult {
  readonly error?: string;
  readonly noSize?: boolean;
  readonly tooLarge?: boolean;
  readonly width?: number;
  readonly height?: number;
}

function checkPixels(width: number, height: number): void {
  if (width > SVG_LIMITS.side || height > SVG_LIMITS.side) throw new ReaderError(m.tooManyPixels(width, height, SVG_LIMITS.side));
  if (width * height > SVG_LIMITS.pixels) throw new ReaderError(m.tooManyPixelsTotal(width * height, SVG_LIMITS.pixels));
}

async function renderInChild(text: string, options: ResvgRenderOptions, widthPx: number | undefined): Promise<{ result: ChildResult; png: Buffer }> {
  const request = Buffer.from(JSON.stringify({ options, widthPx, side: SVG_LIMITS.side, pixels: SVG_LIMITS.pixels }), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(request.length);
  let out: Buffer;
  try {
    out = await childRunner(Buffer.concat([size, request, Buffer.from(text, 'utf8')]), RENDER_MS);
  } catch (e) {
    throw new ReaderError(e instanceof SvgChildFailure && e.timedOut ? m.timeout(RENDER_MS / 1000) : m.crashed);
  }
  if (out.length < 4 || out.readUInt32BE(0) > out.length - 4) throw new ReaderError(m.crashed);
  const n = out.readUInt32BE(0);
  return { result: JSON.parse(out.subarray(4, 4 + n).toString('utf8')) as ChildResult, png: out.subarray(4 + n) };
}

/** The PNG of an SVG drawing on a white ground, `widthPx` wide (or the SVG's own size). */
export async function rasteriseSvg(svg: string | Uint8Array, options: RasteriseOptions = {}): Promise<RasterisedSvg> {
  const text = decode(svg);
  checkSvgText(text);
  const { widthPx } = options;
  if (widthPx !== undefined && !(Number.isInteger(widthPx) && widthPx >= 1 && widthPx <= SVG_LIMITS.side)) {
    throw new ReaderError(m.badWidth(SVG_LIMITS.side));
  }
  const { result, png } = await renderInChild(
    text,
    {
      font: FONT,
      background: '#ffffff',
      logLevel: 'off',
      shapeRendering: 2,
      textRendering: 1,
      fitTo: widthPx === undefined ? { mode: 'original' } : { mode: 'width', value: widthPx },
    },
    widthPx,
  );
  if (result.error !== undefined) throw new ReaderError(m.broken(result.error));
  if (result.noSize === true) throw new ReaderError(m.noSize);
  const width = result.width ?? 0;
  const height = result.height ?? 0;
  checkPixels(width, height);
  return { png: new Uint8Array(png), width, height };
}
