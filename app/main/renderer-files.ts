/**
 * Serves the built renderer (dist/app/renderer: index.html and assets/) for the `app://qbank/`
 * scheme — Electron's protocol handler and the GUI tests' Chromium both call `serveRendererFile`,
 * so both see the same bytes and headers. No Electron here.
 *
 * Only files inside the renderer folder are answered: the path is decoded segment by segment and
 * refused (403) on `..` (also `%2e%2e`), an encoded `/`, a backslash, a drive letter or NUL, and a
 * file whose real path (symlinks followed) leaves the folder is refused too. Another host or scheme
 * is 403; a missing file or an unknown kind of file 404. Each HTML response gets a fresh nonce:
 * the placeholder `__CSP_NONCE__` in the file is replaced by it and the CSP allows styles with it.
 */
import { randomBytes } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, isAbsolute, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, contentSecurityPolicy } from './hardening.js';

export { contentSecurityPolicy } from './hardening.js';

/** What the renderer build writes; the placeholder index.html carries in `<meta name="csp-nonce">`. */
export const CSP_NONCE_PLACEHOLDER = '__CSP_NONCE__';

export interface RendererResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array<ArrayBuffer>;
}

/** Content types of the files a Vite build emits; any other file is not served. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Headers of every answer: the CSP, no sniffing, no caching, no referrer. */
function baseHeaders(nonce?: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function refusal(status: 403 | 404 | 405): RendererResponse {
  return { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }, body: new Uint8Array() };
}

/**
 * A file or folder name that means itself on every system: not empty, not only dots and spaces
 * (`..`, `. .`), no separator of either kind, no drive colon or NUL, no trailing dot or space
 * (Windows drops them: `..\u0020` would be `..`), no Windows device name (`con.js`, `nul`).
 */
function isPlainSegment(segment: string): boolean {
  if (/^[.\s]*$/.test(segment) || /[.\s]$/.test(segment)) return false;
  if (/[/\\:\0]/.test(segment)) return false;
  return !/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(segment);
}

/** The relative file path a URL names, or null when it is not a plain path inside the folder. */
export function rendererPathOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username !== '' || u.password !== '' || u.port !== '') return null;
  const raw = u.pathname.replace(/^\/+/, '');
  if (raw === '') return 'index.html';
  const segments: string[] = [];
  for (const encoded of raw.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return null;
    }
    if (!isPlainSegment(segment)) return null;
    segments.push(segment);
  }
  return segments.join('/');
}

/** True when `child` is `parent` or lies inside it. */
function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Resolves the file under the folder with `..` and symlinks followed; null when it leaves the folder. */
async function containedFile(rendererDir: string, path: string): Promise<string | null | 'missing'> {
  const candidate = join(rendererDir, ...path.split('/'));
  let realDir: string;
  let realFile: string;
  try {
    realDir = await realpath(rendererDir);
    realFile = await realpath(candidate);
  } catch {
    return 'missing';
  }
  if (!isInside(realDir, realFile)) return null;
  const info = await stat(realFile);
  return info.isFile() ? realFile : 'missing';
}

/** A fresh nonce per HTML response (128 random bits, base64). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Answers one `app://qbank/…` request from the files under `rendererDir`. */
export async function serveRendererFile(rendererDir: string, url: string): Promise<RendererResponse> {
  const path = rendererPathOf(url);
  if (path === null) return refusal(403);
  const type = CONTENT_TYPES[extname(path).toLowerCase()];
  if (type === undefined) return refusal(404);
  const file = await containedFile(rendererDir, path);
  if (file === null) return refusal(403);
  if (file === 'missing') return refusal(404);
  const bytes = await readFile(file);
  if (!type.startsWith('text/html')) {
    return { status: 200, headers: { ...baseHeaders(), 'Content-Type': type }, body: new Uint8Array(bytes) };
  }
  const nonce = newNonce();
  const html = bytes.toString('utf8').replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
  return { status: 200, headers: { ...baseHeaders(nonce), 'Content-Type': type }, body: new TextEncoder().encode(html) };
}
