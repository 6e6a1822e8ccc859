/**
 * The operations of the crash suite and what must hold after any of them is cut short. Each operation
 * names the CLI command a user would run, its effect on the database (a number that is the base's
 * value before and the completed run's value after — never anything in between: one transaction), the
 * access-log action that records it (present exactly when the effect is), and, for operations that
 * write files, what a finished-looking output must be (complete and verifying).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSPHRASE } from '../../../app/demo/demo.js';
import { verifyAuditChain } from '../../../app/services/audit/verify.js';
import { closeWorkstation, openWorkstation } from '../../../app/services/workstation/handlers.js';
import type { WritableDB } from '../../../app/store/database.js';
import { verifyIsoStructure } from '../../../media/iso/verify.js';
import { ROOT } from './harness.js';

export interface CrashOp {
  readonly name: string;
  readonly user: string;
  args(dir: string): string[];
  /** The database's state as far as this operation goes. */
  effect(db: WritableDB): number;
  /** The access-log action of a completed run. */
  readonly action: string;
  /** Problems of the files the operation writes (finished-looking outputs must be complete); `before`: the base's effect. */
  outputs?(dir: string, db: WritableDB, before: number): Promise<string[]>;
}

const count = (db: WritableDB, sql: string, ...params: unknown[]): number => (db.prepare(sql).get(...params) as { n: number }).n;
const isos = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.iso')) : []);

/** An image under its final name must be a whole, well-formed ISO (a partial one keeps its .partial name). */
async function imagesComplete(folder: string): Promise<string[]> {
  const problems: string[] = [];
  for (const name of isos(folder)) {
    const r = verifyIsoStructure(join(folder, name));
    if (!r.ok) problems.push(`${name}: image under its final name does not verify: ${r.problems.slice(0, 2).join('; ')}`);
  }
  return problems;
}

const ELECTRICIAN_ITEMS = join(ROOT, 'app', 'demo', 'sample-electrician', 'files', '电工二级-试题导入.xlsx');

export const CRASH_OPS: readonly CrashOp[] = [
  {
    name: 'import',
    user: 'zhangwei',
    args: () => ['import', ELECTRICIAN_ITEMS, '--bank', '2', '--valid-only'],
    effect: (db) => count(db, 'SELECT count(*) AS n FROM items WHERE bank_id = 2'),
    action: 'import.items',
  },
  {
    name: 'item-edit',
    user: 'zhangwei',
    args: () => ['items', 'edit', '1', '5', '--stem', '崩溃测试改写的题干：图样中机件的可见轮廓线用（ ）绘制。'],
    effect: (db) => count(db, 'SELECT count(*) AS n FROM item_versions WHERE item_id = 5'),
    action: 'items.edit',
  },
  {
    name: 'workflow',
    user: 'zhangwei',
    args: () => ['items', 'retire', '1', '10-60', '--comment', '崩溃测试：批量停用'],
    effect: (db) => count(db, "SELECT count(*) AS n FROM items WHERE bank_id = 1 AND state = '停用'"),
    action: 'items.transitionMany',
  },
  {
    name: 'assembly',
    user: 'zhangwei',
    args: () => ['assemble', '--bank', '1', '--sets', '3', '--seed', '7'],
    effect: (db) => count(db, 'SELECT count(*) AS n FROM papers'),
    action: 'assembly.run',
  },
  {
    name: 'documents',
    user: 'zhangwei',
    args: (dir) => ['documents', 'generate', '--bank', '1', '--out', join(dir, 'docs')],
    effect: (db) => count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'documents.generate' AND result = 'ok'"),
    action: 'documents.generate',
    outputs: async (dir) => {
      const folder = join(dir, 'docs');
      if (!existsSync(folder)) return [];
      // a folder under its final name holds its manifest and every file the manifest lists
      const problems: string[] = [];
      const manifest = join(folder, 'manifest.json');
      if (!existsSync(manifest)) return [`docs/ exists without its manifest: ${readdirSync(folder).join(', ')}`];
      const listed = JSON.parse(readFileSync(manifest, 'utf8')) as { files?: { path: string }[] };
      for (const f of listed.files ?? []) if (!existsSync(join(folder, ...f.path.split('/')))) problems.push(`docs/${f.path} listed but missing`);
      return problems;
    },
  },
  {
    name: 'export',
    user: 'zhangwei',
    args: (dir) => ['disc', 'export', '--bank', '1', '--recipient', '1', '--out', join(dir, 'ex'), '--folder', join(dir, 'o', 'submission')],
    effect: (db) => count(db, "SELECT count(*) AS n FROM disc_exports WHERE kind = 'submission'"),
    action: 'package.export',
    outputs: async (dir, db, before) => {
      const problems = await imagesComplete(join(dir, 'ex'));
      // the plaintext folder may be wiped only once its encrypted package is complete and registered
      const intact = existsSync(join(dir, 'o', 'submission', 'manifest.json'));
      const exported = count(db, "SELECT count(*) AS n FROM disc_exports WHERE kind = 'submission'") > before;
      if (!intact && (isos(join(dir, 'ex')).length === 0 || !exported)) problems.push('submission folder damaged without a complete, registered package');
      return problems;
    },
  },
  {
    name: 'backup',
    user: 'sysadmin',
    args: (dir) => ['backup', 'create', '--out', join(dir, 'bk')],
    effect: (db) => count(db, "SELECT count(*) AS n FROM disc_exports WHERE kind = 'backup'"),
    action: 'backup.create',
    outputs: async (dir) => imagesComplete(join(dir, 'bk')),
  },
  {
    name: 'restore',
    user: 'sysadmin',
    args: (dir) => ['restore', join(dir, 'o', 'backup', isos(join(dir, 'o', 'backup'))[0] ?? 'missing.iso'), '--confirm-older', 'sysadmin'],
    effect: (db) => count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'workstation.restore' AND result = 'ok'"),
    action: 'workstation.restore',
  },
];

/** What the trial left: the database's integrity, its access log and the operation's own invariants. */
export async function inspect(dir: string, op: CrashOp, before: number): Promise<{ problems: string[]; effect: number; logged: number }> {
  const problems: string[] = [];
  let db: WritableDB;
  try {
    db = openWorkstation(join(dir, 'o', 'qbank.db'), { kind: 'passphrase', passphrase: DEMO_PASSPHRASE });
  } catch (e) {
    return { problems: [`database does not open: ${(e as Error).message}`], effect: -1, logged: -1 };
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const chain = await verifyAuditChain(db, { anchorDir: join(dir, 'anchors') });
    if (!chain.ok) problems.push(`audit chain: ${chain.problems.join('; ')}`);
    const effect = op.effect(db);
    const logged = count(db, "SELECT count(*) AS n FROM audit_log WHERE action = ? AND result = 'ok'", op.action);
    if (op.outputs) problems.push(...(await op.outputs(dir, db, before)));
    return { problems, effect, logged };
  } finally {
    closeWorkstation(db);
  }
}
