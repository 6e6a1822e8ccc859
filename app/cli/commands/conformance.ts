/**
 * `qbank conformance`: for every clause of 规程 and 附件6 the workstation implements, the feature and the
 * tests that demonstrate it with their last results; `--out 目录` writes the report as docx for the
 * 安全保密管理员's file (registered in 存档). Results are read from `test-results/vitest.json` and
 * `fault-results/` of the install folder, or where QBANK_TEST_RESULTS / QBANK_FAULT_RESULTS point.
 */
import { resolve } from 'node:path';
import { testRefLabel } from '../../domain/conformance/model.js';
import { summaryLine, type ConformanceReport, type ResultSource } from '../../domain/conformance/results.js';
import { beijingMinute } from '../../domain/package/format.js';
import { handlers } from '../../services/registry.js';
import { stringOption } from '../command.js';
import { call, implied, single } from '../group.js';
import { conformanceText as T } from '../messages/conformance.js';

const time = (iso: string | null) => (iso === null ? '—' : beijingMinute(new Date(iso)));

function sourceLine(kind: { label: string; unit: string }, s: ResultSource): string {
  return T.source(kind.label, s.path, s.problem ?? T.ran(time(s.ranAt), s.entries, kind.unit));
}

function reportLines(r: ConformanceReport): string[] {
  return [
    T.header,
    ...r.rows.flatMap((row) => [
      T.clause(row.clause.source, row.clause.article, row.outcome, time(row.at), row.clause.requirement),
      ...row.tests.map((t) => T.test(t.outcome, testRefLabel(t.ref), t.note)),
    ]),
    summaryLine(r.summary.clauses, '条'),
    summaryLine(r.summary.tests, '项测试'),
    sourceLine(T.vitest, r.sources.vitest),
    sourceLine(T.faults, r.sources.faults),
  ];
}

export const conformanceCommand = implied(
  single(
    'conformance',
    T.summary,
    T.usage,
    async (ctx, s) => {
      const out = stringOption(ctx, 'out');
      if (out === undefined) {
        await call(ctx, s, handlers['conformance.report'], {}, reportLines);
        return;
      }
      await call(ctx, s, handlers['conformance.export'], { outDir: resolve(ctx.io.cwd, out) }, (e) => [...reportLines(e.report), T.exported(e.file.absolutePath, e.file.bytes, e.file.sha256)]);
    },
    { out: { type: 'string' } },
  ),
);
