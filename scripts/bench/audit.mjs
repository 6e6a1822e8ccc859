// Benchmark of the access log at scale (issue [S]): batched appends and `verify` of 1,000,000 rows.
// Targets: verify of 1,000,000 entries ≤ 1.5 s on this machine; appending ≥ 10,000 rows/s batched.
// Also prints `verify --pages` (every page of the file read as well; no target: the auditor's slower option).
// Usage: node scripts/bench/audit.mjs [rows=1000000] [rowsPerCheckpoint=10000] [keyfile|passphrase]   (needs npm run build)
// With a passphrase the second verification thread first derives the page key (PBKDF2, 256 000 rounds).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const dist = (p) => new URL(`../../dist/${p}`, import.meta.url).href;
const { openWorkstation, closeWorkstation } = await import(dist('app/services/workstation/handlers.js'));
const { createContext } = await import(dist('app/services/context.js'));
const { recordAudit, createCheckpoint, verifyAuditChain } = await import(dist('app/services/audit/record.js'));
const { issueAccountKey } = await import(dist('app/services/audit/keys.js'));
const { inTransaction } = await import(dist('app/store/database.js'));
const { sqlCipherKeyPragmaValue } = await import(dist('crypto/database-key.js'));
const { insertAccount } = await import(dist('app/store/repositories/accounts.js'));

const rows = Number(process.argv[2] ?? 1_000_000);
const perCheckpoint = Number(process.argv[3] ?? 10_000);
const batch = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'qbank-bench-audit-'));
try {
  const secret =
    process.argv[4] === 'passphrase' ? { kind: 'passphrase', passphrase: 'Bench-工作站口令-2026' } : { kind: 'keyFile', bytes: randomBytes(32) };
  const file = join(dir, 'q.db');
  let db = openWorkstation(file, secret, { create: true });
  const account = insertAccount(db, { username: 'bench', displayName: 'bench', passwordHash: 'x', personId: null }, 'bench', new Date().toISOString());
  const signer = issueAccountKey(db, account, randomBytes(32), null, new Date().toISOString());
  const ctx = createContext(db, { secret, signer, anchorDir: join(dir, 'anchors'), actor: { id: account.id, username: 'bench', displayName: 'bench', roles: [] } });
  const t0 = performance.now();
  for (let done = 0; done < rows; ) {
    const n = Math.min(batch, rows - done);
    inTransaction(db, () => {
      for (let i = 0; i < n; i++) {
        const k = done + i;
        recordAudit(ctx, { action: k % 7 === 0 ? 'items.get' : 'items.search', register: '调阅', objects: [`bank:${1 + (k % 3)}`, `item:${k}@1`], result: 'ok', detail: k % 5 === 0 ? '关键词 投影' : '' });
      }
    });
    done += n;
    if (done % perCheckpoint === 0 || done === rows) createCheckpoint(ctx, 'logout');
  }
  const appendSeconds = (performance.now() - t0) / 1000;
  console.log(`append: ${rows} rows in ${appendSeconds.toFixed(2)} s = ${Math.round(rows / appendSeconds)} rows/s (batches of ${batch}, one checkpoint per ${perCheckpoint}; target ≥ 10,000 rows/s)`);
  closeWorkstation(db);

  db = openWorkstation(file, secret);
  const times = [];
  let v;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    v = await verifyAuditChain(db, { anchorDir: join(dir, "anchors"), keyPragma: sqlCipherKeyPragmaValue(secret) });
    times.push((performance.now() - t) / 1000);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`verify (${secret.kind}): ${v.entries} rows, ${v.checkpoints} checkpoints, ok=${v.ok}: median ${sorted[1].toFixed(2)} s (min ${sorted[0].toFixed(2)}, max ${sorted[2].toFixed(2)}; target ≤ 1.5 s for 1,000,000)`);
  if (!v.ok) console.log(v.message);
  const paged = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    v = await verifyAuditChain(db, { anchorDir: join(dir, 'anchors'), pages: true, keyPragma: sqlCipherKeyPragmaValue(secret) });
    paged.push((performance.now() - t) / 1000);
  }
  paged.sort((a, b) => a - b);
  console.log(`verify --pages: ${v.pagesRead} pages read, ok=${v.ok}: median ${paged[1].toFixed(2)} s (min ${paged[0].toFixed(2)}, max ${paged[2].toFixed(2)})`);
  console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  closeWorkstation(db);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
