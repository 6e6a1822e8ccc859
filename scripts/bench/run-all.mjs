// Runs every benchmark of scripts/bench/ in turn (npm run bench). Each prints its own figures.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
for (const file of readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'run-all.mjs').sort()) {
  console.log(`== ${file}`);
  execFileSync(process.execPath, [`${dir}${file}`], { stdio: 'inherit' });
}
