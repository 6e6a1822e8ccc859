/**
 * The HiGHS MIP solver (WebAssembly, npm `highs`), loaded once per process from the installed
 * package. The wasm bytes are read from disk and handed to the loader as `wasmBinary`, so the
 * loader never locates or fetches anything: the workstation is air-gapped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import highsPackage, { type Highs, type InitOptions } from 'highs';
import { assemblyMessages } from './messages.js';

type HighsLoader = (options?: InitOptions) => Promise<Highs>;

/**
 * The package is `"type": "commonjs"` and its one declaration file says `export default`, so under
 * NodeNext TypeScript types our default import as the whole CommonJS module (`{ default: loader }`).
 * At run time Node picks the package's ESM build (`exports.import` → `build/highs.mjs`), whose
 * default export is the loader itself. Accept both shapes.
 */
function loaderOf(pkg: unknown): HighsLoader {
  if (typeof pkg === 'function') return pkg as HighsLoader;
  const inner = (pkg as { default?: unknown } | null)?.default;
  if (typeof inner === 'function') return inner as HighsLoader;
  throw new Error(assemblyMessages.highsUnloadable);
}

let runtime: Promise<Highs> | undefined;

/** The shared HiGHS runtime (created on first use; later calls return the same promise). */
export function highsRuntime(): Promise<Highs> {
  if (runtime === undefined) {
    const attempt = (async () => {
      const wasmPath = createRequire(import.meta.url).resolve('highs/runtime');
      const wasmBinary = readFileSync(wasmPath);
      return loaderOf(highsPackage)({ wasmBinary });
    })();
    // A failed load is not cached: the next call tries again.
    attempt.catch(() => {
      if (runtime === attempt) runtime = undefined;
    });
    runtime = attempt;
  }
  return runtime;
}
