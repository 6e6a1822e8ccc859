// Electron loads a sandboxed preload only as one CommonJS file that may require nothing but
// 'electron': transpile app/preload/preload.ts to dist/app/preload/preload.cjs with its one local
// import (handler-names.ts) inlined. Optional argument: the output folder.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ?? join(root, 'dist', 'app', 'preload');

function toCommonJs(name) {
  const source = readFileSync(join(root, 'app', 'preload', `${name}.ts`), 'utf8');
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    fileName: `${name}.ts`,
  }).outputText;
}

const inlined = `(function () { const exports = {}; ${toCommonJs('handler-names')}; return exports; })()`;
const preload = toCommonJs('preload').replace('require("./handler-names.js")', inlined);
if (/require\("\.\//.test(preload)) throw new Error('preload.cjs still requires a local file');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'preload.cjs'), preload);
console.log(`preload → ${join(outDir, 'preload.cjs')}`);
