// Benchmark of the submission documents (issue [E] part 12): the full submission of one occupation ×
// level — 编制说明, both 细目表 (xlsx + docx), 3 theory sets (paper + answers), 3 practical sets (4
// documents each), 名单 (docx + xlsx), 审核意见 — generated and written N times (default 5) from the
// demo's sample bank, as its 题库管理员. Target: ≤ 3 s. Needs the build (npm run build).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = (p) => import(new URL(`../../dist/${p}`, import.meta.url).href);
const { runDemo, DEMO_PASSPHRASE } = await dist('app/demo/demo.js');
const { openWorkstation, closeWorkstation } = await dist('app/services/workstation/handlers.js');
const { createContext } = await dist('app/services/context.js');
const { login, logout } = await dist('app/services/session/handlers.js');
const { invoke } = await dist('app/services/handler.js');
const { handlers } = await dist('app/services/registry.js');

const runs = Number(process.argv[2] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'qbank-bench-docs-'));
try {
  await runDemo({ outDir: dir });
  const credentials = JSON.parse(readFileSync(join(dir, 'demo-credentials.json'), 'utf8'));
  const secret = { kind: 'passphrase', passphrase: DEMO_PASSPHRASE };
  const db = openWorkstation(join(dir, 'qbank.db'), secret);
  const ctx = await login(createContext(db, { secret, now: () => new Date() }), 'zhangwei', credentials.accounts.zhangwei);
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const out = join(dir, `submission-${i}`);
    const t0 = performance.now();
    result = await invoke(ctx, handlers['documents.generate'], { bankId: 1, outDir: out });
    times.push((performance.now() - t0) / 1000);
  }
  logout(ctx);
  closeWorkstation(db);
  const sorted = [...times].sort((a, b) => a - b);
  const bytes = result.files.reduce((a, f) => a + f.bytes, 0);
  console.log(`documents: ${runs} runs, median ${sorted[Math.floor(runs / 2)].toFixed(3)} s, min ${sorted[0].toFixed(3)} s, max ${sorted.at(-1).toFixed(3)} s (target ≤ 3 s)`);
  console.log(`documents: ${result.files.length} files, ${(bytes / 1024).toFixed(0)} KiB, sets theory ${result.sets.theory} / practical ${result.sets.practical}`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
