// Benchmark of the main job (issue [A]: "must run offline in well under a minute").
// Runs the demo N times (default 5) on a fresh folder each time, in this process, and prints the
// wall time per run and the peak resident memory. Needs the build (npm run build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { runDemo } = await import(new URL('../../dist/app/demo/demo.js', import.meta.url).href);
const runs = Number(process.argv[2] ?? 5);
const times = [];
let report;
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(join(tmpdir(), 'qbank-bench-'));
  const t0 = performance.now();
  ({ report } = await runDemo({ outDir: out }));
  times.push((performance.now() - t0) / 1000);
  rmSync(out, { recursive: true, force: true });
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`demo: ${runs} runs, median ${median.toFixed(3)} s, min ${sorted[0].toFixed(3)} s, max ${sorted.at(-1).toFixed(3)} s`);
console.log(`demo: ${report.counts.theoryItems} theory items, ${report.counts.practicalTasks} practical tasks, ${report.audit.entries} audit entries`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
