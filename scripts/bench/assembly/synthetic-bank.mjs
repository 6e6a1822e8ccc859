// The synthetic banks of the assembly benchmark live with the tests (test/helpers/synthetic-bank.ts),
// outside the build. This compiles that one file (TypeScript's transpileModule: no type check, the
// tests and `npm run typecheck` do that) beside the build output, dist/test/helpers/synthetic-bank.js,
// where its relative imports reach dist/app/…, and returns its URL. It recompiles only when the source
// is newer, and loads the compiler only then (so that a measurement's peak RSS never includes it).
// Needs the build (npm run build).
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';

const source = new URL('../../../test/helpers/synthetic-bank.ts', import.meta.url);
const target = new URL('../../../dist/test/helpers/synthetic-bank.js', import.meta.url);

const mtime = (url) => {
  try {
    return statSync(url).mtimeMs;
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
};

/** URL of the compiled synthetic-bank module, compiled first when missing or older than its source. */
export async function syntheticBankUrl() {
  if (mtime(target) < mtime(source)) {
    const { default: ts } = await import('typescript');
    const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
      fileName: 'synthetic-bank.ts',
      compilerOptions: { target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    });
    mkdirSync(new URL('.', target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return target.href;
}
