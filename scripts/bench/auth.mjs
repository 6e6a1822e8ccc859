// Benchmark of issue [B]'s security costs on this machine:
// - scrypt per password try (target: ≥ 100 ms, so that guessing is slow),
// - opening the encrypted database with a passphrase (SQLCipher PBKDF2-SHA512, 256 000 iterations),
// - appending to and verifying the hash-chained access log (rows per second).
// Needs the build (npm run build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = (p) => new URL(`../../dist/${p}`, import.meta.url).href;
const { hashPassword, verifyPassword } = await import(dist('crypto/password.js'));
const { openWorkstation, closeWorkstation } = await import(dist('app/services/workstation/handlers.js'));
const { createContext } = await import(dist('app/services/context.js'));
const { recordAudit, verifyAuditChain } = await import(dist('app/services/audit/record.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

const stored = await hashPassword('Bench-Passw0rd!');
const tries = [];
for (let i = 0; i < 7; i++) tries.push(await time(() => verifyPassword('Bench-Passw0rd!', stored)));
console.log(`scrypt (N=2^16, r=8, p=1): median ${median(tries).toFixed(0)} ms per password try (min ${Math.min(...tries).toFixed(0)} ms; target ≥ 100 ms)`);

const dir = mkdtempSync(join(tmpdir(), 'qbank-bench-auth-'));
try {
  const secret = { kind: 'passphrase', passphrase: 'Bench-工作站口令-2026' };
  const file = join(dir, 'q.db');
  closeWorkstation(openWorkstation(file, secret, { create: true }));
  const opens = [];
  for (let i = 0; i < 5; i++) opens.push(await time(() => closeWorkstation(openWorkstation(file, secret))));
  console.log(`open encrypted database with passphrase: median ${median(opens).toFixed(0)} ms`);

  const db = openWorkstation(file, secret);
  const ctx = createContext(db, { secret });
  const n = Number(process.argv[2] ?? 5_000);
  const append = await time(() => {
    for (let i = 0; i < n; i++) recordAudit(ctx, { action: 'bench', register: '调阅', objects: [`item:${i}@1`], result: 'ok', detail: '' });
  });
  console.log(`access log append: ${n} rows in ${(append / 1000).toFixed(2)} s (${Math.round(n / (append / 1000))} rows/s, synchronous=FULL)`);
  let verified;
  const verify = await time(async () => {
    verified = await verifyAuditChain(db);
  });
  console.log(`access log verify: ${verified.entries} rows in ${(verify / 1000).toFixed(2)} s (${Math.round(verified.entries / (verify / 1000))} rows/s), ok=${verified.ok}`);
  closeWorkstation(db);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
