/**
 * The submission (附件6 §三) of one occupation × level in one step: every document, in the module's
 * order, under Chinese file names, written as one folder output (app/services/output/folder.ts:
 * complete or absent, with 清单.json last; only on targets the write-target allow-list accepts; each
 * file in the 存档 register). An existing complete submission is replaced only with `replace`.
 * Also the free-text parts of the 编制说明 and the 审核意见, stored with the bank.
 *
 *   01_题库编制说明.docx
 *   02_理论知识考核要素细目表.xlsx / .docx, 02_技能考核内容结构表.xlsx / .docx
 *   03_理论知识试题/甲套_试卷.docx, 甲套_标准答案与评分标准.docx, …
 *   03_技能考核试题/甲套_考场准备通知单.docx, 甲套_考生准备通知单.docx, 甲套_试题.docx, 甲套_评分记录表.docx, …
 *   03_综合评审试题/甲套_综合评审.docx, …                                  (levels 1–2)
 *   04_题库开发组成员名单.docx / .xlsx
 *   05_题库内部审核意见.docx
 */
import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { setName } from '../../domain/format.js';
import { submissionNotesSchema, type SubmissionNotes } from '../../domain/submission/notes.js';
import { validateOrThrow } from '../../domain/validation.js';
import { saveSubmissionNotes } from '../../store/repositories/submission-notes.js';
import { compilationNoteDocx } from '../../../templates/docx/compilation-note.js';
import { comprehensivePaperDocx } from '../../../templates/docx/comprehensive-paper.js';
import { practicalStructureDocx, theoryElementTableDocx } from '../../../templates/docx/element-tables.js';
import { packDocx } from '../../../templates/docx/kit.js';
import { practicalCandidateNoticeDocx, practicalPaperDocx, practicalScoreSheetDocx, practicalSiteNoticeDocx } from '../../../templates/docx/practical-paper.js';
import { reviewOpinionDocx } from '../../../templates/docx/review-opinion.js';
import { teamListDocx } from '../../../templates/docx/team-list.js';
import { theoryAnswersDocx } from '../../../templates/docx/theory-answers.js';
import { theoryPaperDocx } from '../../../templates/docx/theory-paper.js';
import { practicalStructureXlsx, theoryElementTableXlsx } from '../../../templates/xlsx/element-table/index.js';
import { teamListXlsx } from '../../../templates/xlsx/team-list.js';
import { notesOf, requireBank } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { guardOutput } from '../output/write.js';
import { writeOutputFolder, type OutputFolderOptions } from '../output/folder.js';
import { describeIncomplete } from '../output/sweep.js';
import { documentsMessages } from './messages.js';
import {
  compilationNoteData,
  comprehensivePapers,
  elementTablesData,
  practicalPapers,
  reviewOpinionData,
  submissionSource,
  teamListData,
  theoryPapers,
} from './gather.js';

export interface SubmissionFile {
  /** Part of 附件6 §三 it belongs to, e.g. `01_题库编制说明`, `03_理论知识试题`. */
  readonly part: string;
  /** Relative to the submission folder, forward slashes. */
  readonly path: string;
  readonly absolutePath: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface SubmissionResult {
  readonly folder: string;
  readonly files: readonly SubmissionFile[];
  /** The manifest written last (file, size, SHA-256 of every document), relative to the folder. */
  readonly manifest: string;
  /** Leftovers of earlier incomplete outputs removed before this one (shown as 不完整), '' for none. */
  readonly incomplete: string;
  /** A previous complete submission in the folder was replaced. */
  readonly replaced: boolean;
  readonly sets: { readonly theory: number; readonly practical: number; readonly comprehensive: number };
  /** Set papers still in draft (not yet approved) — the documents carry them as they are. */
  readonly drafts: number;
  readonly seconds: number;
}

interface Planned {
  readonly part: string;
  readonly path: string;
  readonly make: () => Promise<Uint8Array>;
}

/** Every document of the submission, in 附件6 order; generated first, written after all succeeded. */
function plan(ctx: ServiceContext, bankId: number): { planned: Planned[]; sets: SubmissionResult['sets']; drafts: number } {
  const src = submissionSource(ctx, bankId);
  const { header, bank } = src;
  const tables = elementTablesData(src);
  const xlsxBase = { occupationName: bank.occupationName, occupationCode: bank.occupationCode, track: bank.track, secrecyMark: header.mark, generatedAt: ctx.now() };
  const { parts: P, files: F } = documentsMessages;
  const planned: Planned[] = [
    { part: P.note, path: F.note, make: () => packDocx(compilationNoteDocx(compilationNoteData(ctx, src))) },
    { part: P.tables, path: F.theoryTableXlsx, make: () => theoryElementTableXlsx({ ...xlsxBase, level: bank.level, table: src.table }) },
    { part: P.tables, path: F.theoryTableDocx, make: () => packDocx(theoryElementTableDocx(tables)) },
  ];
  const practicalDoc = practicalStructureDocx(tables);
  if (src.practical && practicalDoc) {
    const structure = src.practical;
    planned.push(
      { part: P.tables, path: F.practicalStructureXlsx, make: () => practicalStructureXlsx({ ...xlsxBase, structure }) },
      { part: P.tables, path: F.practicalStructureDocx, make: () => packDocx(practicalDoc) },
    );
  }
  for (const paper of theoryPapers(ctx, header, src.notes, src.theory)) {
    planned.push(
      { part: P.theory, path: `${P.theory}/${F.theoryPaper(setName(paper.setLabel))}`, make: () => theoryPaperDocx(paper) },
      { part: P.theory, path: `${P.theory}/${F.theoryAnswers(setName(paper.setLabel))}`, make: () => theoryAnswersDocx(paper) },
    );
  }
  for (const paper of practicalPapers(ctx, header, src.practical, src.practicalSets)) {
    const dir = P.practical;
    planned.push(
      { part: dir, path: `${dir}/${F.siteNotice(setName(paper.setLabel))}`, make: () => practicalSiteNoticeDocx(paper) },
      { part: dir, path: `${dir}/${F.candidateNotice(setName(paper.setLabel))}`, make: () => practicalCandidateNoticeDocx(paper) },
      { part: dir, path: `${dir}/${F.practicalPaper(setName(paper.setLabel))}`, make: () => practicalPaperDocx(paper) },
      { part: dir, path: `${dir}/${F.scoreSheet(setName(paper.setLabel))}`, make: () => practicalScoreSheetDocx(paper) },
    );
  }
  for (const paper of comprehensivePapers(ctx, header, src.comprehensive)) {
    planned.push({ part: P.comprehensive, path: `${P.comprehensive}/${F.comprehensivePaper(setName(paper.setLabel))}`, make: () => comprehensivePaperDocx(paper) });
  }
  const team = teamListData(src);
  planned.push(
    { part: P.team, path: F.teamDocx, make: () => packDocx(teamListDocx(team)) },
    { part: P.team, path: F.teamXlsx, make: () => teamListXlsx(team, ctx.now()) },
    { part: P.review, path: F.review, make: () => packDocx(reviewOpinionDocx(reviewOpinionData(src))) },
  );
  const all = [...src.theory, ...src.practicalSets, ...src.comprehensive];
  return {
    planned,
    sets: { theory: src.theory.length, practical: src.practicalSets.length, comprehensive: src.comprehensive.length },
    drafts: all.filter((p) => p.status === '草稿').length,
  };
}

/** For tests: the folder output's probe and rename hook. */
export type GenerateTestOptions = Pick<OutputFolderOptions, 'probe' | 'beforeRename'>;

export async function generateSubmission(
  ctx: ServiceContext,
  input: { bankId: number; outDir: string; replace?: boolean | undefined },
  testOptions: GenerateTestOptions = {},
): Promise<SubmissionResult> {
  const started = performance.now();
  guardOutput(ctx, input.outDir, [`folder:${basename(resolve(input.outDir))}`], testOptions.probe);
  const { planned, sets, drafts } = plan(ctx, input.bankId);
  // Make every document before writing any; the folder appears only when all are written.
  const made: (Planned & { bytes: Uint8Array })[] = [];
  for (const p of planned) made.push({ ...p, bytes: await p.make() });
  const out = await writeOutputFolder(
    ctx,
    input.outDir,
    (folder) => {
      for (const m of made) folder.write(m.path, m.bytes, { classified: true });
    },
    { replace: input.replace === true, ...testOptions },
  );
  const files = out.files.map((f, i) => ({ part: made[i]?.part ?? '', path: f.path, absolutePath: f.absolutePath, bytes: f.bytes, sha256: f.sha256 }));
  return {
    folder: input.outDir,
    files,
    manifest: out.manifest.path,
    incomplete: describeIncomplete(out.swept),
    replaced: out.replaced,
    sets,
    drafts,
    seconds: (performance.now() - started) / 1000,
  };
}

const bankId = z.number().int().positive();
const managers = bankOf('manager');

export const documentHandlers = handlerMap(
  defineHandler({
    name: 'documents.notes.get',
    summary: '查看编制说明与审核意见的文字部分',
    input: z.object({ bankId }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    run: (ctx, input): SubmissionNotes => {
      requireBank(ctx, input.bankId);
      return notesOf(ctx, input.bankId);
    },
  }),
  defineHandler({
    name: 'documents.notes.set',
    summary: '填写编制说明与审核意见的文字部分',
    /** Only the fields given change; the merged notes are validated as a whole. */
    input: z.object({ bankId, notes: z.record(z.string(), z.unknown()) }),
    roles: ['manager'],
    register: '',
    bank: managers,
    run: (ctx, input): SubmissionNotes => {
      requireBank(ctx, input.bankId);
      const merged = validateOrThrow(documentsMessages.notes, submissionNotesSchema, { ...notesOf(ctx, input.bankId), ...stripUndefined(input.notes) });
      saveSubmissionNotes(ctx.db, input.bankId, merged, ctx.actor.username, timestamp(ctx));
      return merged;
    },
  }),
  defineHandler({
    name: 'documents.generate',
    summary: '生成试题审核备案申报材料',
    input: z.object({ bankId, outDir: z.string().trim().min(1), replace: z.boolean().optional() }),
    roles: ['manager'],
    register: '调阅',
    secret: true,
    bank: managers,
    objects: (input, out: SubmissionResult) => [`bank:${input.bankId}`, ...out.files.map((f) => `file:${f.path}`)],
    run: (ctx, input) => generateSubmission(ctx, input),
  }),
);

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
