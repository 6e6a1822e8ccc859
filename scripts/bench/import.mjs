// Benchmark of issue [C] part 9: import 10,000 theory items from the writers' xlsx template into an
// encrypted workstation, with validation, duplicate detection against the bank and within the file,
// search indexing and the audit row — target ≤ 10 s. Needs the build (npm run build).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const dist = (p) => import(new URL(`../../dist/${p}`, import.meta.url).href);
const { itemsWorkbookXlsx } = await dist('templates/xlsx/item-export.js');
const { theoryItemSchema } = await dist('app/domain/theory-item.js');
const { sampleElementTable } = await dist('app/demo/sample-bank.js');
const { openWorkstation, closeWorkstation } = await dist('app/services/workstation/handlers.js');
const { createContext } = await dist('app/services/context.js');
const { invoke } = await dist('app/services/handler.js');
const { handlers } = await dist('app/services/registry.js');
const { issueAccountKey } = await dist('app/services/audit/keys.js');
const { hashPassword } = await dist('crypto/password.js');
const accounts = await dist('app/store/repositories/accounts.js');
const people = await dist('app/store/repositories/people.js');
const { actorOf } = await dist('app/services/session/handlers.js');

const N = Number(process.argv[2] ?? 10_000);
const sampleDir = new URL('../../app/demo/sample/', import.meta.url);
const base = readdirSync(sampleDir)
  .filter((f) => /^theory-.*\.json$/.test(f))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, sampleDir), 'utf8')).items);

// N distinct items: sample items with a numbered scenario prefix (realistic length, no exact repeats).
const SCENES = ['在绘制轴套类零件时', '按国家标准规定', '在装配图中', '用计算机绘图时', '手工绘图时', '读零件图时', '在图样管理中', '绘制轴测图时'];
const items = Array.from({ length: N }, (_, k) => {
  const b = base[k % base.length];
  const prefix = k < base.length ? '' : `${SCENES[k % SCENES.length]}（第${Math.floor(k / base.length)}组），`;
  return theoryItemSchema.parse({ ...b, stem: prefix + b.stem });
});
const bytes = await itemsWorkbookXlsx(
  { occupation: '制图员（机械）', level: '四级/中级工', generatedAt: new Date('2026-11-23T00:00:00Z'), elementCodes: [] },
  { theory: items, practical: [] },
);
console.log(`import: workbook of ${N} theory items, ${(bytes.length / 1024).toFixed(0)} KiB`);

const dir = mkdtempSync(join(tmpdir(), 'qbank-bench-import-'));
try {
  const secret = { kind: 'keyFile', bytes: randomBytes(32) };
  const db = openWorkstation(join(dir, 'q.db'), secret, { create: true });
  const at = new Date().toISOString();
  const account = accounts.insertAccount(db, { username: 'bench', displayName: 'bench', passwordHash: await hashPassword('x', { N: 1024, r: 8, p: 1 }), personId: null }, 'bench', at);
  accounts.grantRole(db, account.id, 'manager', 'bench', at);
  const person = people.insertPerson(db, { name: '压测', unit: '样例', title: '', position: '', phone: '020-0000', specialty: '', workTypes: ['命题'], trainer: false }, 'bench', at);
  accounts.linkPerson(db, account.id, person.id);
  people.insertPledge(db, person.id, { signedOn: '2026-01-01', expiresOn: '2030-12-31', scope: '压测' }, undefined, 'bench', at);
  const signer = issueAccountKey(db, account, randomBytes(32), null, at);
  const ctx = createContext(db, { actor: actorOf(accounts.getAccount(db, account.id)), secret, signer, anchorDir: join(dir, 'anchors') });
  const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 });
  await invoke(ctx, handlers['banks.setElementTable'], { bankId: bank.id, table: sampleElementTable() });

  const t0 = performance.now();
  const report = await invoke(ctx, handlers['import.items'], { bankId: bank.id, fileName: 'bench.xlsx', bytes, nearDuplicates: 'keep' });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`import: ${report.accepted} saved, ${report.rejected} rejected, ${report.duplicates.length} duplicate flags, ${report.lintFindings} lint findings`);
  console.log(`import: ${seconds.toFixed(2)} s for ${N} items (target ≤ 10 s), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

  const t1 = performance.now();
  const again = await invoke(ctx, handlers['import.items'], { bankId: bank.id, fileName: 'bench.xlsx', bytes, dryRun: true });
  console.log(`import: dry run of the same file against the filled bank (all exact duplicates): ${((performance.now() - t1) / 1000).toFixed(2)} s, ${again.duplicates.length} duplicates found`);
  closeWorkstation(db);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
