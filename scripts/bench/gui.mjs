// Benchmark of the GUI (issue [H] part 5): cold start, the items tab with 100 000 items, scrolling,
// filtering, search and opening an item, in Debian's Chromium against the production build over a
// real encrypted database. Runs scripts/bench/gui/gui.bench.ts under vitest (it reuses the GUI
// tests' harness); QBANK_BENCH_ITEMS and QBANK_BENCH_ROUNDS change the size; QBANK_BENCH_PROFILE=1 builds
// the renderer unminified and prints where the time of the items tab and the filter goes. Needs /usr/bin/chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
if (!existsSync(process.env.QBANK_CHROMIUM ?? '/usr/bin/chromium')) {
  console.log('gui: skipped, no Chromium at /usr/bin/chromium (apt-get install chromium)');
} else {
  execFileSync(process.execPath, [`${root}node_modules/vitest/vitest.mjs`, 'run', '--config', 'scripts/bench/gui/vitest.config.ts', '--silent=false', '--reporter=dot'], { cwd: root, stdio: 'inherit' });
}
