/**
 * The demo's item analysis (issue [L]): after the exam with set 甲 of the theory paper, the
 * institution's answer sheet (simulated here: 400 candidates, abilities drawn from N(0, 1); one
 * single-choice item planted with a key error — the candidates who know it choose another letter) is
 * imported by the 题库管理员; the planted item is flagged and sent back to 待审 with the evidence, the
 * item-analysis report is written (docx with its charts, xlsx), and
 * the bank's theory items go out as a QTI 2.1 package for other systems, their statistics included.
 */
import { join, relative } from 'node:path';
import { sheetCsv, simulateSitting } from '../domain/analysis/simulate.js';
import type { ServiceContext } from '../services/context.js';
import { invoke } from '../services/handler.js';
import { writeOutputFile } from '../services/output/write.js';
import { handlers } from '../services/registry.js';
import { paperKeys } from '../services/results/paper-key.js';

type As = <T>(username: string, fn: (ctx: ServiceContext) => Promise<T>) => Promise<T>;

export const DEMO_RESULTS = 'results';
const CANDIDATES = 400;
const SEED = 20261120;

export interface DemoAnalysis {
  readonly sitting: string;
  readonly sittingId: number;
  readonly paperId: number;
  readonly candidates: number;
  /** The answer sheet imported (simulated; relative to the demo's folder). */
  readonly sheet: string;
  readonly reliability: number | null;
  /** The item planted with a key error, and the items the analysis flagged for the panel. */
  readonly planted: number;
  readonly flagged: readonly number[];
  /** Items sent back to 待审 with the evidence. */
  readonly returned: readonly number[];
  /** The item-analysis report (docx with its charts, xlsx). */
  readonly report: { readonly docx: string; readonly xlsx: string };
  readonly qti: { readonly file: string; readonly items: number };
}

/** The sitting is of the approved theory set 甲 (after the review, possibly the set that replaced the assembled one). */
export async function runAnalysisStep(x: { as: As; bankId: number; manager: string; outDir: string }): Promise<DemoAnalysis> {
  const dir = join(x.outDir, DEMO_RESULTS);
  return x.as(x.manager, async (ctx) => {
    const approved = await invoke(ctx, handlers['papers.list'], { bankId: x.bankId, kind: 'theory', status: '已审定' });
    const paper = approved.find((p) => p.setLabel === '甲') ?? approved[0];
    if (!paper) throw new Error('demo: no approved theory set');
    const keys = paperKeys(ctx.db, paper.id);
    const target = keys.find((k) => k.kind === 'singleChoice' && k.position > keys.length / 3) ?? keys.find((k) => k.kind === 'singleChoice');
    if (!target) throw new Error('demo: the theory set has no single-choice item');
    const trueKey = target.key === 'B' ? 'C' : 'B';
    const sheet = sheetCsv(simulateSitting(keys, { candidates: CANDIDATES, seed: SEED, misKeyed: { position: target.position, trueKey } }));
    const file = writeOutputFile(ctx, dir, '考试作答（模拟）.csv', sheet, { classified: false });
    const bytes = new TextEncoder().encode(sheet);
    const label = '2026 年 11 月理论知识考试（模拟）';
    const r = await invoke(ctx, handlers['results.import'], { bankId: x.bankId, paperId: paper.id, label, heldOn: '2026-11-20', bytes, returnFlagged: true });
    const report = await invoke(ctx, handlers['results.report'], { bankId: x.bankId, sittingId: r.sitting.id, outDir: dir });
    const qti = await invoke(ctx, handlers['qti.export'], { bankId: x.bankId, outDir: dir });
    return {
      sitting: label,
      sittingId: r.sitting.id,
      paperId: paper.id,
      candidates: r.sitting.candidates,
      sheet: relative(x.outDir, file.absolutePath),
      reliability: r.sitting.statistics.reliability,
      planted: target.itemId,
      flagged: r.items.filter((i) => i.flags.some((f) => f.severity === 'review')).map((i) => i.itemId),
      returned: r.returned.map((i) => i.id),
      report: { docx: relative(x.outDir, report.docx.absolutePath), xlsx: relative(x.outDir, report.xlsx.absolutePath) },
      qti: { file: relative(x.outDir, qti.file.absolutePath), items: qti.items },
    };
  });
}
