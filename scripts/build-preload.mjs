// Electron loads a sandboxed preload only as one CommonJS file that may require nothing but
// 'electron': transpile app/preload/preload.ts to dist/app/preload/preload.cjs, with the channel
// list generated here from the handlers' own names (every `{ name: 'area.verb', summary: … }` under
// app/services), so no list is kept by hand. A test checks it equals the registry's keys.
// Optional argument: the output folder.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ?? join(root, 'dist', 'app', 'preload');

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The string value of property `key` of an object literal, if it is a plain string. */
function stringProperty(node, key) {
  const p = node.properties.find((q) => ts.isPropertyAssignment(q) && ts.isIdentifier(q.name) && q.name.text === key);
  return p && ts.isStringLiteral(p.initializer) ? p.initializer.text : undefined;
}

export function handlerNames() {
  const names = new Set();
  for (const file of sourceFiles(join(root, 'app', 'services'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const name = stringProperty(node, 'name');
        if (name !== undefined && stringProperty(node, 'summary') !== undefined && /^[a-z]+(\.[a-zA-Z]+)+$/.test(name)) names.add(name);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...names].sort();
}

/** The string elements of `export const DESKTOP_METHODS = [...]` in app/services/desktop/methods.ts. */
export function desktopMethods() {
  const file = join(root, 'app', 'services', 'desktop', 'methods.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  let found;
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === 'DESKTOP_METHODS') {
      let init = node.initializer;
      if (init && ts.isAsExpression(init)) init = init.expression;
      if (init && ts.isArrayLiteralExpression(init)) found = init.elements.filter(ts.isStringLiteral).map((e) => e.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!found) throw new Error('DESKTOP_METHODS not found in app/services/desktop/methods.ts');
  return found;
}

const source = readFileSync(join(root, 'app', 'preload', 'preload.ts'), 'utf8');
const body = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  fileName: 'preload.ts',
}).outputText;
const preload = `const HANDLER_NAMES = ${JSON.stringify(handlerNames())};\nconst DESKTOP_METHODS = ${JSON.stringify(desktopMethods())};\n${body}`;
if (/require\("\.\.?\//.test(preload)) throw new Error('preload.cjs still requires a local file');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'preload.cjs'), preload);
console.log(`preload → ${join(outDir, 'preload.cjs')}`);
