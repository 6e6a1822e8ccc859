// Plain CommonJS files of the program (app/**/*.cjs: the SVG renderer's child process, run by Node
// or forked as an Electron utility process) are not compiled: copy them beside the compiled code,
// keeping their folders. Optional arguments: the source and output folders (tests).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = process.argv[2] ?? join(root, 'app');
const to = process.argv[3] ?? join(root, 'dist', 'app');

function cjsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? cjsFiles(join(dir, e.name)) : e.name.endsWith('.cjs') ? [join(dir, e.name)] : []));
}

for (const file of cjsFiles(from)) {
  const target = join(to, relative(from, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
  console.log(`${relative(root, file)} → ${relative(root, target)}`);
}
