/**
 * References inside a content package (IMS CP 1.1 `href`, `xml:base`; QTI `img src`): relative URIs
 * (RFC 3986 §5.2) resolved against the folder of the part that names them, percent-escapes decoded.
 * A reference that is absolute, carries a scheme (`http:`, `file:`, `data:`), uses `\`, or climbs above
 * the package root with `..` has no path inside the package: `undefined`.
 */

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** The folder of a part path (`a/b/c.xml` → `a/b/`), '' at the root. */
export function folderOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash + 1);
}

/** `href` resolved against `base` (a folder, '' or ending in `/`): the package path, or undefined when outside. */
export function resolveInPackage(base: string, href: string): string | undefined {
  const raw = href.trim().split(/[?#]/)[0] ?? '';
  if (raw === '' || SCHEME.test(raw) || raw.startsWith('/') || raw.includes('\\')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (path.includes('\\') || path.includes('\0')) return undefined;
  const out = base.split('/').filter((s) => s !== '');
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.length === 0 ? undefined : out.join('/');
}
