/**
 * The conformance report (issue [I] 6): for every clause of 规程 and 附件6 the workstation implements
 * (app/domain/conformance/clauses.ts), the feature, the tests that demonstrate it and their last results,
 * read from the last test runs (sources.ts). `conformance.report` answers the rows; `conformance.export`
 * writes them as a docx for the 安全保密管理员's file through the one output function, registered in 存档
 * with the anchor of a signed checkpoint printed in it, as the other register exports are. Both are for
 * the 安全保密管理员 and the 安全审计员: the report names safeguards and tests, no item, no person.
 */
import { z } from 'zod';
import { CONFORMANCE_CLAUSES } from '../../domain/conformance/clauses.js';
import { clauseResults, conformanceSummary, summaryLine, type ConformanceReport } from '../../domain/conformance/results.js';
import { conformanceDocx } from '../../../templates/docx/conformance.js';
import { packDocx } from '../../../templates/docx/kit.js';
import { lastCheckpoint } from '../../store/repositories/audit-checkpoints.js';
import { getSetting } from '../../store/repositories/settings.js';
import { createCheckpoint } from '../audit/record.js';
import { timestamp, type ServiceContext } from '../context.js';
import { defineHandler, handlerMap } from '../handler.js';
import { writeOutputFile, type WrittenFile } from '../output/write.js';
import { conformanceServiceMessages as m } from './messages.js';
import { readFaultRecords, readVitestReport, resultLocations } from './sources.js';

/** The report describes the workstation's safeguards, no item and no answer: 工作秘密 (规程第四条, second sentence). */
const REPORT_MARK = '工作秘密';

/** The map against the last results found where `resultLocations` says. */
export function buildConformanceReport(ctx: ServiceContext): ConformanceReport {
  const where = resultLocations();
  const vitest = readVitestReport(where.vitestReport);
  const faults = readFaultRecords(where.faultResults);
  const rows = clauseResults(CONFORMANCE_CLAUSES, vitest.report, faults.records);
  return { generatedAt: timestamp(ctx), sources: { vitest: vitest.source, faults: faults.source }, rows, summary: conformanceSummary(rows) };
}

export interface ConformanceExport {
  readonly file: WrittenFile;
  readonly report: ConformanceReport;
}

export const conformanceHandlers = handlerMap(
  defineHandler({
    name: 'conformance.report',
    summary: '查看规程与附件6符合性报告',
    input: z.object({}),
    roles: ['secadmin', 'auditor'],
    register: '',
    detail: (_i, out: ConformanceReport) => summaryLine(out.summary.clauses, '条'),
    run: (ctx): ConformanceReport => buildConformanceReport(ctx),
  }),
  defineHandler({
    name: 'conformance.export',
    summary: '导出规程与附件6符合性报告',
    input: z.object({ outDir: z.string().min(1), fileName: z.string().min(1).optional() }),
    roles: ['secadmin', 'auditor'],
    register: '存档',
    objects: (_i, out: ConformanceExport) => [`file:${out.file.path}`],
    detail: (_i, out: ConformanceExport) => summaryLine(out.report.summary.clauses, '条'),
    run: async (ctx, input): Promise<ConformanceExport> => {
      const report = buildConformanceReport(ctx);
      // the report's export is in the log this checkpoint signs, as with the other registers
      const checkpoint = ctx.signer ? createCheckpoint(ctx, 'export') : (lastCheckpoint(ctx.db) ?? null);
      const bytes = await packDocx(
        conformanceDocx({
          mark: REPORT_MARK,
          report,
          workstationId: getSetting(ctx.db, 'workstation.id') ?? '',
          anchor: checkpoint && { seq: checkpoint.auditSeq, hash: checkpoint.auditHash, checkpointSeq: checkpoint.seq, signer: checkpoint.signer },
        }),
      );
      const file = writeOutputFile(ctx, input.outDir, input.fileName ?? m.fileName, bytes, { classified: false });
      return { file, report };
    },
  }),
);
