/**
 * The conformance report as docx: the mark in header and footer, landscape, the counts, one table per
 * source with a row per test under its clause's merged cells (条款 with its 结论, 要求, 功能), each test's
 * result and time, the anchor and the signature line — and it opens as the program's Word reader opens files
 * (LibreOffice renders it too: checked by hand, its start-up is too slow for this suite's time budget).
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CLAUSES } from '../../../app/domain/conformance/clauses.js';
import { clauseResults, conformanceSummary, type ConformanceReport, type VitestReport } from '../../../app/domain/conformance/results.js';
import { conformanceDocx, CONFORMANCE_TITLE } from '../../../templates/docx/conformance.js';
import { packDocx } from '../../../templates/docx/kit.js';
import { DEFAULT_LIMITS } from '../../../app/readers/limits.js';
import { Budget } from '../../../app/readers/errors.js';
import { openDocxPackage, readDocxLines } from '../../../app/readers/docx/package.js';
import { docxPart, docxParagraphs } from '../../helpers/office.js';

const RUN = Date.parse('2026-12-01T02:00:00Z');

/** 规程第四条 passed, 第七条's second test failed, everything else not run; crash records passed. */
function report(): ConformanceReport {
  const gc4 = CONFORMANCE_CLAUSES[0]!.tests.flatMap((t) => ('file' in t ? [{ file: t.file, fullName: t.name, status: 'passed' }] : []));
  const gc7 = CONFORMANCE_CLAUSES[1]!.tests.flatMap((t, i) => ('file' in t ? [{ file: t.file, fullName: t.name, status: i === 1 ? 'failed' : 'passed' }] : []));
  const files = new Map<string, { fullName: string; status: string }[]>();
  for (const { file, ...a } of [...gc4, ...gc7]) files.set(file, [...(files.get(file) ?? []), a]);
  const vitest: VitestReport = { startTime: RUN, testResults: [...files].map(([file, assertionResults]) => ({ name: `/ci/${file}`, endTime: RUN + 90_000, assertionResults })) };
  const rows = clauseResults(CONFORMANCE_CLAUSES, vitest, [{ suite: 'crash', operation: 'import', trials: 20, failures: 0, details: [], mode: 'reduced', at: '2026-12-01T03:00:00Z' }]);
  const source = { found: true, problem: null };
  return {
    generatedAt: '2026-12-02T01:30:00.000Z',
    sources: { vitest: { ...source, path: '/opt/qbank/test-results/vitest.json', ranAt: new Date(RUN).toISOString(), entries: files.size }, faults: { ...source, path: '/opt/qbank/fault-results', ranAt: '2026-12-01T03:00:00.000Z', entries: 1 } },
    rows,
    summary: conformanceSummary(rows),
  };
}

const docx = () => packDocx(conformanceDocx({ mark: '工作秘密', report: report(), workstationId: 'WS-TEST-1', anchor: { seq: 345, hash: 'ab'.repeat(32), checkpointSeq: 12, signer: 'secadmin' } }));

describe('templates/docx/conformance', () => {
  it('prints the mark in header and footer, on A4 landscape pages', async () => {
    const bytes = await docx();
    expect(await docxPart(bytes, 'word/header1.xml')).toContain('工作秘密');
    expect(await docxPart(bytes, 'word/footer1.xml')).toContain('工作秘密');
    expect(await docxPart(bytes)).toMatch(/<w:pgSz [^>]*w:orient="landscape"/u);
  });

  it('sums up the clauses and tests, names the sources, and lists every clause with each test’s result and time', async () => {
    const bytes = await docx();
    const lines = await docxParagraphs(bytes);
    const text = lines.join('\n');
    const total = CONFORMANCE_CLAUSES.length;
    expect(lines[0]).toBe(CONFORMANCE_TITLE);
    expect(text).toContain('工作站 WS-TEST-1　　生成时间 2026-12-02 09:30（北京时间）');
    expect(text).toContain(`共 ${total} 条：通过 1 条，失败 1 条，跳过 0 条，未运行 ${total - 2} 条。`);
    expect(text).toMatch(/测试结果：\/opt\/qbank\/test-results\/vitest\.json（\d+ 个测试文件，运行于 2026-12-01 10:00）/u);
    for (const c of CONFORMANCE_CLAUSES) for (const s of [c.article, c.requirement, c.feature]) expect(text, c.id).toContain(s);
    for (const h of ['条款', '要求', '功能', '证明测试', '结果', '时间', '二、规程逐条对照', '三、附件6 逐条对照']) expect(lines).toContain(h);
    expect(text).toContain('结论：通过');
    expect(text).toContain('结论：失败');
    // every test of 第四、七条 ran at 10:01, wherever the map names it (the disc label proves 第十二条 too)
    const ran = new Set(CONFORMANCE_CLAUSES.slice(0, 2).flatMap((c) => c.tests.map((t) => JSON.stringify(t))));
    const named = CONFORMANCE_CLAUSES.flatMap((c) => c.tests).filter((t) => ran.has(JSON.stringify(t))).length;
    expect(named).toBeGreaterThan(ran.size);
    expect(lines.filter((l) => l === '2026-12-01 10:01')).toHaveLength(named);
    expect(text).toContain('（test/unit/domain/marking.test.ts）');
    expect(text).toContain('1 项，20 次试验，0 次失败（精简运行）');
    expect(text).toContain('外部锚点 345:' + 'ab'.repeat(32));
    expect(text).toContain('安全保密管理员（签字）');
    // one vertical merge per clause for each of 条款, 要求, 功能 (clauses of one test need none)
    const merged = CONFORMANCE_CLAUSES.filter((c) => c.tests.length > 1).length;
    expect((await docxPart(bytes)).match(/<w:vMerge w:val="restart"\/>/gu)).toHaveLength(3 * merged);
  });

  it('opens as the program’s own Word reader opens a file: a sound package, well-formed parts, one table row per test', async () => {
    const bytes = await docx();
    if (process.env.QBANK_CONFORMANCE_DOCX) writeFileSync(process.env.QBANK_CONFORMANCE_DOCX, bytes);
    const pkg = openDocxPackage(bytes);
    const lines = readDocxLines(pkg.xml ?? '', new Budget(DEFAULT_LIMITS));
    const rows = lines.filter((l) => l.cells !== undefined);
    const headers = rows.filter((l) => l.text === '条款\t要求\t功能\t证明测试\t结果\t时间');
    expect(headers).toHaveLength(2);
    const tests = CONFORMANCE_CLAUSES.reduce((n, c) => n + c.tests.length, 0);
    // the counts table (3 rows), two headers, a row per test
    expect(rows).toHaveLength(3 + 2 + tests);
    expect(rows.find((l) => l.cells?.[0] === '第十五条 结论：未运行')?.cells?.[1]).toBe(CONFORMANCE_CLAUSES.find((c) => c.id === 'gc-15')?.requirement);
  });
});
