/**
 * Module hooks of the fuzz child (child.ts, started by isolate.ts): Node 20 cannot run TypeScript, so
 * every .ts module of the checkout is compiled when it is loaded — by Vite's `transformWithOxc`, the
 * transform vitest itself runs the tests through (no type check: `tsc --noEmit` does that) — and a
 * relative `./x.js` import without a .js file resolves to `./x.ts`, as tsc's NodeNext resolution does.
 * The child thus runs the current source, never a stale dist/. The output is cached by the SHA-256 of
 * the source (node_modules/.cache/qbank-fuzz/): only a changed file is compiled again, and Vite is loaded
 * only then.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'qbank-fuzz');
/** Changed when the transform below changes, so that old cache entries are not used. */
const CACHE_VERSION = 'oxc-es2023-1';

let transformWithOxc;
async function transpile(source, file) {
  transformWithOxc ??= (await import('vite')).transformWithOxc;
  const { code } = await transformWithOxc(source, file, { lang: 'ts', target: 'es2023', sourcemap: false });
  return code;
}

export async function resolve(specifier, context, next) {
  const parent = context.parentURL ?? '';
  if (parent.startsWith('file:') && parent.endsWith('.ts') && /^(\.{1,2}\/|\/|file:)/.test(specifier) && specifier.endsWith('.js')) {
    const js = fileURLToPath(new URL(specifier, parent));
    const tsFile = js.replace(/\.js$/, '.ts');
    if (!existsSync(js) && existsSync(tsFile)) return next(pathToFileURL(tsFile).href, context);
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(CACHE_VERSION).update('\0').update(file).update('\0').update(source).digest('hex');
  const cached = join(CACHE, `${key}.js`);
  if (existsSync(cached)) return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  const output = await transpile(source, file);
  try {
    mkdirSync(CACHE, { recursive: true });
    // written beside and renamed: a child started at the same time never reads half a file
    const partial = `${cached}.${process.pid}.partial`;
    writeFileSync(partial, output);
    renameSync(partial, cached);
  } catch {
    // a read-only checkout: compile every time
  }
  return { format: 'module', source: output, shortCircuit: true };
}
