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
import { qbankSync, ROOT, type Prepare } from './harness.js';

export interface CrashOp {
  readonly name: string;
  /** What the base needs for this operation (CLI commands run once, before the trials). */
  readonly prepare?: Prepare;
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

const ELECTRICIAN = join(ROOT, 'app', 'demo', 'sample-electrician', 'files');
const REVIEWERS = ['chenjing', 'liuyang', 'huanglei', 'zhouhong', 'wuhao'];
/** The review period: from yesterday for three weeks (the demo's 保密责任书 run for 335 days from its run). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const DATES = ['--from', day(-1), '--to', day(20)];

/** A second review round of bank 1, judged, concluded, finalised, scanned, its documents in `sub2/`, signed by four of five. */
const prepareSecondRound: Prepare = (dir, pw) => {
  const q = (user: string, ...args: string[]) => qbankSync(dir, pw, user, args);
  q('zhangwei', 'review', 'open', '--bank', '1', ...DATES);
  q('zhangwei', 'review', 'panel', '--bank', '1', '--member', '5:leader', '--member', '6', '--member', '7', '--member', '8', '--member', '9', ...DATES);
  for (const u of REVIEWERS) {
    q(u, 'review', 'judge', '--bank', '1', '--round', '2', '--all', '通过');
    q(u, 'review', 'conclude', '--bank', '1', '--round', '2', '--conclusion', '通过');
  }
  q('chenjing', 'review', 'finalize', '--bank', '1', '--round', '2', '--conclusion', '通过', '--opinion', '同意报送');
  q('zhangwei', 'review', 'scan', '--bank', '1', '--round', '2', '--file', join(dir, 'o', 'submission', '05_题库内部审核意见（专家签名扫描件）.pdf'));
  q('zhangwei', 'documents', 'generate', '--bank', '1', '--out', join(dir, 'sub2'));
  for (const u of REVIEWERS.slice(0, 4)) q(u, 'review', 'sign', '--bank', '1', '--round', '2');
};

export const CRASH_OPS: readonly CrashOp[] = [
  {
    name: 'import',
    user: 'zhangwei',
    // an empty second bank (电工二级) with its 细目表
    prepare: (dir, pw) => {
      qbankSync(dir, pw, 'zhangwei', ['banks', 'create', '--occupation', '6-31-01-03', '--level', '2']);
      qbankSync(dir, pw, 'zhangwei', ['elements', 'import', join(ELECTRICIAN, '电工二级-理论知识考核要素细目表.xlsx'), '--bank', '2']);
    },
    args: () => ['import', join(ELECTRICIAN, '电工二级-试题导入.xlsx'), '--bank', '2', '--valid-only'],
    effect: (db) => count(db, 'SELECT count(*) AS n FROM items WHERE bank_id = 2'),
    action: 'import.items',
  },
  {
    name: 'item-edit',
    user: 'zhangwei',
    args: () => ['items', 'edit', '1', '5', '--stem', '崩溃测试改写的题干：图样中机件的可见轮廓线用（ ）绘制。'],
    effect: (db) => count(db, 'SELECT count(*) AS n FROM item_versions WHERE item_id = 5'),
    action: 'items.patch',
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
    name: 'review-signoff',
    user: 'wuhao',
    prepare: prepareSecondRound,
    // the fifth signature completes the sign-off and closes the round
    args: () => ['review', 'sign', '--bank', '1', '--round', '2'],
    effect: (db) => count(db, 'SELECT count(*) AS n FROM review_signatures WHERE round_id = 2'),
    action: 'review.sign',
    outputs: async (dir, db) => {
      // every recorded signature has its file under its final name
      const folder = join(dir, 'sub2', '06_数字签名');
      const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.p7s')) : [];
      const rows = count(db, 'SELECT count(*) AS n FROM review_signatures WHERE round_id = 2');
      return rows > files.length ? [`${rows} signatures recorded, ${files.length} signature files`] : [];
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
    prepare: (dir, pw) => void qbankSync(dir, pw, 'sysadmin', ['backup', 'create', '--out', join(dir, 'o', 'backup')]),
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
