/**
 * conformance.report and conformance.export against crafted last results (test/helpers/conformance.ts):
 * each test of the map gets 通过 / 失败 / 跳过 / 未运行 with the time of its run, each clause the worst of its
 * tests; a missing or broken report leaves every vitest test 未运行 with the reason; only the 安全保密管理员
 * and the 安全审计员 may read or export it, and the export is a docx in the 存档 register.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONFORMANCE_CLAUSES } from '../../../app/domain/conformance/clauses.js';
import type { ConformanceReport } from '../../../app/domain/conformance/results.js';
import { PermissionDeniedError } from '../../../app/services/errors.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { CRAFTED_RUN, writeCraftedResults } from '../../helpers/conformance.js';
import { docxParagraphs } from '../../helpers/office.js';
import { useWorkstation } from '../../helpers/workstation.js';

const row = (r: ConformanceReport, id: string) => r.rows.find((x) => x.clause.id === id)!;

describe('conformance report', () => {
  const workstation = useWorkstation();
  afterEach(() => void vi.unstubAllEnvs());

  it('gives each test its last result and each clause the worst of its tests, with the run’s time', async () => {
    const ws = workstation();
    const crafted = writeCraftedResults(ws.dir);
    vi.stubEnv('QBANK_TEST_RESULTS', crafted.vitest);
    vi.stubEnv('QBANK_FAULT_RESULTS', crafted.faults);
    const r = await invoke(ws.as('sec', ['secadmin']), handlers['conformance.report'], {});

    expect(r.rows.map((x) => x.clause.id)).toEqual(CONFORMANCE_CLAUSES.map((c) => c.id));
    const ran = new Date(CRAFTED_RUN + 60_000).toISOString();
    expect(row(r, 'gc-4')).toMatchObject({ outcome: '通过', at: ran });
    expect(row(r, 'gc-4').tests.every((t) => t.outcome === '通过' && t.at === ran)).toBe(true);
    expect(row(r, 'gc-7').outcome).toBe('失败');
    expect(row(r, 'gc-7').tests.map((t) => t.outcome)).toEqual(['通过', '失败', '通过', '通过']);
    expect(row(r, 'gc-15').tests.map((t) => t.outcome)).toEqual(['跳过', '通过', '通过']);
    expect(row(r, 'gc-15').outcome).toBe('跳过');
    // the file ran, the test did not (renamed): 未运行, and the clause with it
    expect(row(r, 'gc-10').tests[0]).toMatchObject({ outcome: '未运行', at: null, note: '最近一次运行的该文件中没有这个测试' });
    expect(row(r, 'gc-10').outcome).toBe('未运行');
    expect(row(r, 'a6-1').tests[0]).toMatchObject({ outcome: '未运行', note: '最近一次运行不含该测试文件' });

    // fault suites: crash passed (2 records), tamper failed, disk and fuzz without records
    const gc9 = row(r, 'gc-9').tests.filter((t) => 'faultSuite' in t.ref);
    expect(gc9.map((t) => [t.ref, t.outcome])).toEqual([
      [{ faultSuite: 'crash' }, '通过'],
      [{ faultSuite: 'disk' }, '未运行'],
      [{ faultSuite: 'fuzz' }, '未运行'],
    ]);
    expect(gc9[0]).toMatchObject({ at: '2026-12-01T03:00:00.000Z', note: '2 项，40 次试验，0 次失败（精简运行）' });
    expect(gc9[1]?.note).toBe('没有该故障测试的记录');
    expect(row(r, 'gc-13').outcome).toBe('失败');
    expect(row(r, 'gc-13').tests.find((t) => 'faultSuite' in t.ref)?.note).toBe('1 项，50 次试验，2 次失败（精简运行）');

    expect(r.summary.clauses).toEqual({ total: CONFORMANCE_CLAUSES.length, passed: 1, failed: 3, skipped: 1, notRun: CONFORMANCE_CLAUSES.length - 5 });
    expect(r.sources.vitest).toMatchObject({ path: crafted.vitest, found: true, ranAt: new Date(CRAFTED_RUN).toISOString(), problem: null });
    // notes.txt is not a record: not read, not a problem
    expect(r.sources.faults).toMatchObject({ path: crafted.faults, found: true, entries: 3, problem: null });
    const logged = ws.db.prepare(`SELECT actor, register, result, detail FROM audit_log WHERE action = 'conformance.report'`).all();
    expect(logged).toEqual([{ actor: 'sec', register: '', result: 'ok', detail: `共 ${CONFORMANCE_CLAUSES.length} 条：通过 1 条，失败 3 条，跳过 1 条，未运行 ${CONFORMANCE_CLAUSES.length - 5} 条` }]);
  });

  it('says why when there are no results, or the report is not vitest’s JSON, or a record is broken', async () => {
    const ws = workstation();
    const aud = ws.as('aud', ['auditor']);
    vi.stubEnv('QBANK_TEST_RESULTS', join(ws.dir, 'none.json'));
    vi.stubEnv('QBANK_FAULT_RESULTS', join(ws.dir, 'no-faults'));
    const none = await invoke(aud, handlers['conformance.report'], {});
    expect(none.sources.vitest).toMatchObject({ found: false, problem: '不存在（尚未运行相应的测试）' });
    expect(none.sources.faults).toMatchObject({ found: false, entries: 0 });
    expect(none.rows.every((x) => x.outcome === '未运行')).toBe(true);
    expect(none.rows[0]?.tests[0]?.note).toBe('没有测试结果文件');

    writeFileSync(join(ws.dir, 'bad.json'), '{"testResults": [');
    writeFileSync(join(ws.dir, 'other.json'), JSON.stringify({ tests: [] }));
    const crafted = writeCraftedResults(ws.dir);
    writeFileSync(join(crafted.faults, 'disk-full.json'), '{ broken');
    vi.stubEnv('QBANK_FAULT_RESULTS', crafted.faults);
    vi.stubEnv('QBANK_TEST_RESULTS', join(ws.dir, 'bad.json'));
    const bad = await invoke(aud, handlers['conformance.report'], {});
    expect(bad.sources.vitest.problem).toMatch(/^不是有效的 JSON：/u);
    expect(bad.sources.faults).toMatchObject({ entries: 3, problem: '以下记录无法读取，已略过：disk-full.json' });
    vi.stubEnv('QBANK_TEST_RESULTS', join(ws.dir, 'other.json'));
    expect((await invoke(aud, handlers['conformance.report'], {})).sources.vitest.problem).toBe('不是 vitest 的 JSON 报告');
  });

  it('is for the 安全保密管理员 and the 安全审计员 only; the export is a docx with every clause, in the 存档 register', async () => {
    const ws = workstation();
    const crafted = writeCraftedResults(ws.dir);
    vi.stubEnv('QBANK_TEST_RESULTS', crafted.vitest);
    vi.stubEnv('QBANK_FAULT_RESULTS', crafted.faults);
    for (const roles of [['manager'], ['sysadmin'], ['author', 'reviewer']] as const) {
      const other = ws.as(`u-${roles.join('-')}`, roles);
      await expect(invoke(other, handlers['conformance.report'], {})).rejects.toThrow(PermissionDeniedError);
      await expect(invoke(other, handlers['conformance.export'], { outDir: ws.dir })).rejects.toThrow('权限不足：“导出规程与附件6符合性报告”需要安全保密管理员或安全审计员身份');
    }

    const out = await invoke(ws.as('sec', ['secadmin']), handlers['conformance.export'], { outDir: join(ws.dir, 'out') });
    expect(out.file).toMatchObject({ path: '安全保密符合性报告.docx', absolutePath: join(ws.dir, 'out', '安全保密符合性报告.docx') });
    expect(out.report.summary.clauses.failed).toBe(3);
    const text = (await docxParagraphs(readFileSync(out.file.absolutePath))).join('\n');
    for (const c of CONFORMANCE_CLAUSES) expect(text, c.id).toContain(c.requirement);
    expect(text).toContain('结论：失败');
    const logged = ws.db.prepare(`SELECT action, register, objects FROM audit_log WHERE action IN ('conformance.export', 'output.write') AND result = 'ok' ORDER BY seq`).all();
    expect(logged).toEqual([
      { action: 'output.write', register: '', objects: JSON.stringify(['file:安全保密符合性报告.docx']) },
      { action: 'conformance.export', register: '存档', objects: JSON.stringify(['file:安全保密符合性报告.docx']) },
    ]);
  });
});
