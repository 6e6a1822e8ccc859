/**
 * The three long-running calls (import.items, assembly.run, documents.generate) run as jobs: their
 * progress is monotone and ends at its total, and a cancel stops them at the next checkpoint with
 * nothing saved — no rows in the database, no files in the output folder — and a failure row in the
 * access log naming the cancel.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE_NAMES, SAMPLE_FILES } from '../../../app/demo/sample-bank.js';
import { solveAssembly, type EnginePhase } from '../../../app/services/assembly/engine.js';
import type { JobControl, JobProgress, ServiceContext } from '../../../app/services/context.js';
import { CancelledError } from '../../../app/services/errors.js';
import { invoke, type AnyHandler } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import type { WritableDB } from '../../../app/store/database.js';
import { auditRows } from '../../helpers/audit-log.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { testItem, testProblem } from '../../helpers/assembly.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

const sample = (name: string) => new Uint8Array(readFileSync(join(SAMPLE_FILES, name)));

/** A job whose reports are recorded; it is cancelled right after the report `cancelAt` says so of. */
function recordingJob(cancelAt: (p: JobProgress, count: number) => boolean = () => false): { job: JobControl; reports: JobProgress[] } {
  const abort = new AbortController();
  const reports: JobProgress[] = [];
  const report = (p: JobProgress) => {
    reports.push(p);
    if (cancelAt(p, reports.length)) abort.abort();
  };
  return { job: { signal: abort.signal, report }, reports };
}

/** Progress never goes back, never passes its total, and ends at the total. */
function expectMonotone(reports: readonly JobProgress[]): void {
  expect(reports.length).toBeGreaterThan(2);
  reports.forEach((r, k) => {
    expect(r.done).toBeGreaterThanOrEqual(0);
    expect(r.done).toBeLessThanOrEqual(r.total);
    expect(r.label).not.toBe('');
    if (k > 0) expect(r.done).toBeGreaterThanOrEqual(reports[k - 1]?.done ?? 0);
  });
  const last = reports.at(-1);
  expect(last?.done).toBe(last?.total);
}

/** Rows per table, the access log's own tables aside: what a cancelled call must leave as it was. */
function tableCounts(db: WritableDB): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'audit_%' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

/**
 * Runs `handler` as a job cancelled where `cancelAt` says and checks the outcome: CancelledError with
 * the summary, every table as before, one new access-log row — the call's failure, naming the cancel.
 */
async function expectCancelled(ctx: ServiceContext, handler: AnyHandler, input: unknown, cancelAt: (p: JobProgress, count: number) => boolean): Promise<JobProgress[]> {
  const { job, reports } = recordingJob(cancelAt);
  const before = tableCounts(ctx.db);
  const logBefore = auditRows(ctx).length;
  const message = `已取消“${handler.summary}”，未保存任何内容`;
  const run = invoke({ ...ctx, job }, handler, input);
  await expect(run).rejects.toThrow(CancelledError);
  await expect(run).rejects.toThrow(message);
  expect(tableCounts(ctx.db)).toEqual(before);
  const log = auditRows(ctx).slice(logBefore);
  expect(log).toHaveLength(1);
  expect(log[0]).toMatchObject({ action: handler.name, result: 'error', detail: `CancelledError: ${message}` });
  return reports;
}

/** A sample bank with its 细目表 and 内容结构表 but no items yet. */
async function emptySampleBank(ws: TestWorkstation): Promise<{ ctx: ServiceContext; bankId: number }> {
  const ctx = ws.as('boss', ['manager']);
  const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4, isSample: true });
  await invoke(ctx, handlers['banks.importElementTable'], { bankId: bank.id, bytes: sample(SAMPLE_FILE_NAMES.elementTable) });
  await invoke(ctx, handlers['banks.importPracticalStructure'], { bankId: bank.id, bytes: sample(SAMPLE_FILE_NAMES.practicalStructure) });
  return { ctx, bankId: bank.id };
}

describe('import.items as a job', () => {
  const workstation = useWorkstation();
  const itemsFile = (bankId: number) => ({ bankId, fileName: SAMPLE_FILE_NAMES.items, bytes: sample(SAMPLE_FILE_NAMES.items), state: '入库' });

  it('reports reading, row batches, duplicates and saving, ending at the total', async () => {
    const { ctx, bankId } = await emptySampleBank(workstation());
    const { job, reports } = recordingJob();
    const report = await invoke({ ...ctx, job }, handlers['import.items'], itemsFile(bankId));
    expectMonotone(reports);
    const labels = reports.map((r) => r.label);
    expect(labels[0]).toBe('读取文件');
    expect(labels).toContain(`检查第 1 行（共 ${report.rows} 行）`);
    expect(labels).toContain(`检查第 201 行（共 ${report.rows} 行）`);
    expect(labels).toContain('查重');
    expect(labels).toContain(`保存 200/${report.accepted}`);
    expect(labels.at(-1)).toBe(`保存 ${report.accepted}/${report.accepted}`);
    expect(report.ids).toHaveLength(report.accepted);
  });

  it('a dry run ends at its total too, saving nothing', async () => {
    const { ctx, bankId } = await emptySampleBank(workstation());
    const { job, reports } = recordingJob();
    await invoke({ ...ctx, job }, handlers['import.items'], { ...itemsFile(bankId), dryRun: true });
    expectMonotone(reports);
    expect(reports.at(-1)?.label).toBe('检查完成');
  });

  it('cancelled after the first report, or after a batch was saved, saves nothing', async () => {
    const { ctx, bankId } = await emptySampleBank(workstation());
    const first = await expectCancelled(ctx, handlers['import.items'], itemsFile(bankId), (_p, count) => count === 1);
    expect(first.map((r) => r.label)).toEqual(['读取文件']);
    // 200 items are in the database when the cancel comes: the rollback takes them out again.
    const saving = await expectCancelled(ctx, handlers['import.items'], itemsFile(bankId), (p) => p.label.startsWith('保存 200/'));
    expect(saving.at(-1)?.label).toMatch(/^保存 200\//);
    // Nothing stuck: the same import then runs through.
    const report = await invoke(ctx, handlers['import.items'], itemsFile(bankId));
    expect(report.saved).toBe(true);
  });
});

describe('assembly.run as a job', () => {
  const workstation = useWorkstation();

  it('reports 建模, 启发式, 统计, 保存 and ends at the total', async () => {
    const { ctx, bankId } = await sampleBank(workstation());
    const { job, reports } = recordingJob();
    const run = await invoke({ ...ctx, job }, handlers['assembly.run'], { bankId, kind: 'theory' });
    expectMonotone(reports);
    // The sample bank is solved by the heuristic: the MIP phase is skipped.
    expect(run.engine).toBe('heuristic');
    expect(reports.map((r) => r.label)).toEqual(['建模', '启发式', '统计', '保存', '完成']);
  });

  it('cancelled after the first report, or once solved, stores no run and no paper', async () => {
    const { ctx, bankId } = await sampleBank(workstation());
    const first = await expectCancelled(ctx, handlers['assembly.run'], { bankId, kind: 'theory' }, (_p, count) => count === 1);
    expect(first.map((r) => r.label)).toEqual(['建模']);
    const solved = await expectCancelled(ctx, handlers['assembly.run'], { bankId, kind: 'theory' }, (p) => p.label === '统计');
    expect(solved.at(-1)?.label).toBe('统计');
    // An infeasible run keeps its Chinese reasons (a job that is not cancelled).
    const { job } = recordingJob();
    await expect(invoke({ ...ctx, job }, handlers['assembly.run'], { bankId, kind: 'theory', sets: 10 })).rejects.toThrow(/无法组卷|未能组卷/);
  });

  it('the engine stops right after the HiGHS solve, and between the solves of the explanation', async () => {
    // Item 1 is the enemy of every other item, but both sets need two of the four and may not share one:
    // the counting pre-checks do not see it, HiGHS proves it, the explanation relaxes group by group.
    const broken = testProblem({
      items: [1, 2, 3, 4].map((id) => testItem(id)),
      cells: [{ node: 'A', type: 'singleChoice', counts: [2, 2] }],
      totalPoints: [2, 2],
      target: [1, 1],
      enemies: [[1, 2], [1, 3], [1, 4]],
    });
    const phases: EnginePhase[] = [];
    const outcome = await solveAssembly(broken, { timeLimitSeconds: 5, onPhase: async (p) => void phases.push(p) });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.causes).toContain('放宽“互斥试题”后可以组卷：互斥试题与其他约束不能同时满足');
    expect(phases.slice(0, 3)).toEqual(['heuristic', 'mip', 'explain']);
    const explained = phases.filter((p) => p === 'explain').length;
    expect(explained).toBeGreaterThan(2);

    for (const stopAt of [1, 2]) {
      const seen: EnginePhase[] = [];
      const stop = async (p: EnginePhase) => {
        seen.push(p);
        if (p === 'explain' && seen.filter((q) => q === 'explain').length === stopAt) throw new CancelledError('取消');
      };
      await expect(solveAssembly(broken, { timeLimitSeconds: 5, onPhase: stop })).rejects.toThrow(CancelledError);
      expect(seen).toHaveLength(2 + stopAt);
    }
  });
});

describe('documents.generate as a job', () => {
  const workstation = useWorkstation();

  async function assembledBank(ws: TestWorkstation) {
    const { ctx, bankId } = await sampleBank(ws);
    for (const kind of ['theory', 'practical'] as const) await invoke(ctx, handlers['assembly.run'], { bankId, kind });
    return { ctx, bankId };
  }

  it('reports every file as written, in 附件6 order, ending at the total', async () => {
    const ws = workstation();
    const { ctx, bankId } = await assembledBank(ws);
    const { job, reports } = recordingJob();
    const result = await invoke({ ...ctx, job }, handlers['documents.generate'], { bankId, outDir: join(ws.dir, 'out', 'submission') });
    expectMonotone(reports);
    expect(reports.map((r) => r.label)).toEqual(result.files.map((f) => f.path));
    expect(reports.map((r) => r.done)).toEqual(result.files.map((_f, i) => i + 1));
  });

  it('cancelled after the first file, or after the last, leaves no file in the output folder', async () => {
    const ws = workstation();
    const { ctx, bankId } = await assembledBank(ws);
    const parent = join(ws.dir, 'out');
    const input = { bankId, outDir: join(parent, 'submission') };
    const first = await expectCancelled(ctx, handlers['documents.generate'], input, (_p, count) => count === 1);
    expect(first.map((r) => r.label)).toEqual(['01_题库编制说明.docx']);
    expect(existsSync(input.outDir)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
    // After the last file the manifest and the rename are still to come: nothing appears either.
    const last = await expectCancelled(ctx, handlers['documents.generate'], input, (p) => p.done === p.total);
    expect(last.at(-1)?.label).toBe('05_题库内部审核意见.docx');
    expect(readdirSync(parent)).toEqual([]);
  });
});
