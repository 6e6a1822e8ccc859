/**
 * The submission (附件6 §三) of one occupation × level in one step: every document, in the module's
 * order, under Chinese file names, written as one folder output (app/services/output/folder.ts:
 * complete or absent, with 清单.json last; only on targets the write-target allow-list accepts; each
 * file in the 存档 register). An existing complete submission is replaced only with `replace`.
 * Also the free-text parts of the 编制说明 and the 审核意见, stored with the bank.
 *
 *   01_题库编制说明.docx
 *   02_考核要素细目表/1_理论知识考核要素细目表.docx / .xlsx, 2_技能考核内容结构表.docx / .xlsx
 *   03_1_理论知识试题/1_甲套/1_试卷.docx, 2_标准答案.docx; 2_乙套/…
 *   03_2_技能考核试题/1_甲套/1_考场准备通知单.docx, 2_考生准备通知单.docx, 3_试题.docx, 4_评分标准及评分记录表.docx; …
 *   03_3_综合评审试题/1_甲套/1_综合评审试题.docx; …                                  (levels 1–2)
 *   04_题库开发组成员名单.docx / .xlsx
 *   05_题库内部审核意见.docx, 05_题库内部审核意见（专家签名扫描件）.pdf (once the ink-signed scan is attached)
 *   manifest.json (every document's SHA-256, bank, level, round, panel, audit checkpoint: what the panel signs)
 * Each document carries the secrecy mark of its class (app/domain/submission/marking.ts and the
 * 安全保密管理员's overrides): 机密★ on items and answers, 工作秘密 on documents about the bank, none
 * on the 考生准备通知单.
 *
 * Run as a job (the GUI), it reports each file as it is written, in 附件6 order, and may be cancelled
 * between files: the hidden staging folder with the files written so far is removed (output/folder.ts),
 * so nothing is left in the target, and `invoke` records the cancel as the call's failure.
 */
import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { setName } from '../../domain/format.js';
import { noticeConflictFindings } from '../../domain/lint/notice-conflicts.js';
import { submissionGaps } from '../../domain/submission/completeness.js';
import type { DocumentHeader } from '../../domain/submission/documents.js';
import { markText, type DocumentClass } from '../../domain/submission/marking.js';
import { notesFieldLabels, notesRules, submissionNotesSchema, unknownNoteKeys, type SubmissionNotes } from '../../domain/submission/notes.js';
import { standardEdition } from '../../domain/submission/standard.js';
import { DomainValidationError, validateOrThrow } from '../../domain/validation.js';
import { countEligible } from '../../store/repositories/items.js';
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
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { checkpoint, reportProgress } from '../jobs/progress.js';
import { guardOutput } from '../output/write.js';
import { getMarkingPolicy } from '../policy/read.js';
import { writeOutputFolder, type OutputFolder, type OutputFolderOptions } from '../output/folder.js';
import { describeIncomplete } from '../output/sweep.js';
import { documentsMessages } from './messages.js';
import { MANIFEST_FILE, type ManifestFile } from '../../domain/submission/manifest.js';
import { buildManifest, manifestText } from '../review/manifest.js';
import { recordManifest, reviewGaps } from '../review/submission-gaps.js';
import { currentScan, SCAN_FILE } from '../review/scans.js';
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
  /** What the submission still lacks by the rules (sets, 综合评审, reviewers, standard edition, drafts), in Chinese. */
  readonly warnings: readonly string[];
  readonly seconds: number;
}

interface Planned {
  readonly part: string;
  readonly path: string;
  readonly make: () => Promise<Uint8Array>;
}

/** `1_甲套` … in a part's folder; numbers padded when there are ten sets, so they sort as numbers. */
function setFolder(part: string, index: number, count: number, label: string): string {
  return `${part}/${documentsMessages.files.set(String(index + 1).padStart(String(count).length, '0'), setName(label))}`;
}

/** Every document of the submission, in 附件6 order, each made when it is written. */
function plan(ctx: ServiceContext, bankId: number): { planned: Planned[]; sets: SubmissionResult['sets']; drafts: number; warnings: string[] } {
  const src = submissionSource(ctx, bankId);
  const { bank } = src;
  const policy = getMarkingPolicy(ctx.db);
  /** The header with the secrecy mark of one document class. */
  const as = (cls: DocumentClass): DocumentHeader => ({ ...src.header, mark: markText(cls, bank.secrecy, policy) });
  const tables = elementTablesData({ ...src, header: as('elementTables') });
  const xlsxBase = { occupationName: bank.occupationName, occupationCode: bank.occupationCode, track: bank.track, secrecyMark: as('elementTables').mark, generatedAt: ctx.now() };
  const { parts: P, files: F } = documentsMessages;
  const planned: Planned[] = [
    { part: P.note, path: F.note, make: () => packDocx(compilationNoteDocx(compilationNoteData(ctx, { ...src, header: as('compilationNote') }))) },
    { part: P.tables, path: `${P.tables}/${F.theoryTableDocx}`, make: () => packDocx(theoryElementTableDocx(tables)) },
    { part: P.tables, path: `${P.tables}/${F.theoryTableXlsx}`, make: () => theoryElementTableXlsx({ ...xlsxBase, level: bank.level, table: src.table }) },
  ];
  const practicalDoc = practicalStructureDocx(tables);
  if (src.practical && practicalDoc) {
    const structure = src.practical;
    planned.push(
      { part: P.tables, path: `${P.tables}/${F.practicalStructureDocx}`, make: () => packDocx(practicalDoc) },
      { part: P.tables, path: `${P.tables}/${F.practicalStructureXlsx}`, make: () => practicalStructureXlsx({ ...xlsxBase, structure }) },
    );
  }
  const theory = theoryPapers(ctx, as('theoryPaper'), src.notes, src.theory);
  theory.forEach((paper, i) => {
    const dir = setFolder(P.theory, i, theory.length, paper.setLabel);
    planned.push(
      { part: P.theory, path: `${dir}/${F.theoryPaper}`, make: () => theoryPaperDocx(paper) },
      { part: P.theory, path: `${dir}/${F.theoryAnswers}`, make: () => theoryAnswersDocx({ ...paper, header: as('answerKey') }) },
    );
  });
  const practical = practicalPapers(ctx, as('practicalPaper'), src.practical, src.practicalSets);
  practical.forEach((paper, i) => {
    const dir = setFolder(P.practical, i, practical.length, paper.setLabel);
    planned.push(
      { part: P.practical, path: `${dir}/${F.siteNotice}`, make: () => practicalSiteNoticeDocx({ ...paper, header: as('siteNotice') }) },
      { part: P.practical, path: `${dir}/${F.candidateNotice}`, make: () => practicalCandidateNoticeDocx({ ...paper, header: as('candidateNotice') }) },
      { part: P.practical, path: `${dir}/${F.practicalPaper}`, make: () => practicalPaperDocx(paper) },
      { part: P.practical, path: `${dir}/${F.scoreSheet}`, make: () => practicalScoreSheetDocx({ ...paper, header: as('scoreSheet') }) },
    );
  });
  const comprehensive = comprehensivePapers(ctx, as('comprehensivePaper'), src.comprehensive);
  comprehensive.forEach((paper, i) => {
    planned.push({ part: P.comprehensive, path: `${setFolder(P.comprehensive, i, comprehensive.length, paper.setLabel)}/${F.comprehensivePaper}`, make: () => comprehensivePaperDocx(paper) });
  });
  const team = teamListData({ ...src, header: as('teamList') });
  planned.push(
    { part: P.team, path: F.teamDocx, make: () => packDocx(teamListDocx(team)) },
    { part: P.team, path: F.teamXlsx, make: () => teamListXlsx(team, ctx.now()) },
    { part: P.review, path: F.review, make: () => packDocx(reviewOpinionDocx(reviewOpinionData({ ...src, header: as('reviewOpinion') }))) },
  );
  // the ink-signed 审核意见 as attached to the latest round (the submission is incomplete without it)
  const scan = src.review ? currentScan(ctx, src.review.round.id) : undefined;
  if (scan) planned.push({ part: P.review, path: SCAN_FILE, make: () => Promise.resolve(new Uint8Array(scan.pdf)) });
  const all = [...src.theory, ...src.practicalSets, ...src.comprehensive];
  const drafts = all.filter((p) => p.status === '草稿').length;
  const { notes, people } = src;
  const edition = standardEdition(bank.occupationName, notes);
  const blank = (['institution', 'definition', 'process', 'secrecyMeasures'] as const).filter((k) => notes[k].trim() === '').map((k) => notesFieldLabels[k] ?? k);
  const warnings = submissionGaps({
    level: bank.level,
    theorySets: src.theory.length,
    practicalSets: src.practicalSets.length,
    comprehensiveSets: src.comprehensive.length,
    comprehensiveItems: countEligible(ctx.db, bank.id).comprehensive ?? 0,
    reviewers: people.experts.length,
    reviewersOnTeam: people.reviewersOnTeam,
    reviewersWithoutCategory: people.reviewersWithoutCategory,
    unlinkedMembers: people.unlinked,
    teamMembers: people.team.length,
    standardYearKnown: edition.year !== '',
    standardConflict: edition.conflict,
    blankTexts: blank,
    drafts,
  });
  warnings.push(...reviewGaps(ctx, bank.id, scan !== undefined));
  // A set whose 考生准备通知单 contradicts itself (one task asks for what another forbids) is a gap too.
  for (const paper of practical) {
    for (const f of noticeConflictFindings(paper.tasks.map((t) => t.task))) warnings.push(documentsMessages.setWarning(setName(paper.setLabel), f.message));
  }
  return { planned, sets: { theory: src.theory.length, practical: src.practicalSets.length, comprehensive: src.comprehensive.length }, drafts, warnings };
}

/** A submission with gaps, refused in strict mode before anything is written; `gaps` as in `warnings`. */
export class IncompleteSubmissionError extends ServiceError {
  override name = 'IncompleteSubmissionError';
  constructor(readonly gaps: readonly string[]) {
    super(documentsMessages.strictRefused(gaps));
  }
}

/**
 * Makes and writes the documents one by one into the staging folder, reporting each file (its path in
 * the submission) and checking for a cancel between files; the folder appears only once all are written.
 */
async function writeDocuments(ctx: ServiceContext, folder: OutputFolder, planned: readonly Planned[], bankId: number): Promise<string> {
  const files: ManifestFile[] = [];
  for (const [i, p] of planned.entries()) {
    const written = folder.write(p.path, await p.make(), { classified: true });
    files.push({ path: p.path, part: p.part, bytes: written.bytes, sha256: written.sha256 });
    reportProgress(ctx, i + 1, planned.length, p.path);
    await checkpoint(ctx, documentHandlers['documents.generate'].summary);
  }
  // what the review panel signs: every document with its hash, the round and the audit checkpoint
  const text = manifestText(buildManifest(ctx, bankId, files));
  folder.write(MANIFEST_FILE, text, { classified: false });
  return text;
}

/** For tests: the folder output's probe and rename hook. */
export type GenerateTestOptions = Pick<OutputFolderOptions, 'probe' | 'beforeRename'>;

export async function generateSubmission(
  ctx: ServiceContext,
  input: { bankId: number; outDir: string; replace?: boolean | undefined; strict?: boolean | undefined },
  testOptions: GenerateTestOptions = {},
): Promise<SubmissionResult> {
  const started = performance.now();
  guardOutput(ctx, input.outDir, [`folder:${basename(resolve(input.outDir))}`], testOptions.probe);
  const { planned, sets, drafts, warnings } = plan(ctx, input.bankId);
  // Strict: a submission the rules would reject is not written at all.
  if (input.strict === true && warnings.length > 0) throw new IncompleteSubmissionError(warnings);
  let manifest = '';
  const out = await writeOutputFolder(ctx, input.outDir, async (folder) => void (manifest = await writeDocuments(ctx, folder, planned, input.bankId)), {
    replace: input.replace === true,
    ...testOptions,
  });
  recordManifest(ctx, input.bankId, manifest, resolve(input.outDir));
  const files = out.files.filter((f) => f.path !== MANIFEST_FILE).map((f, i) => ({ part: planned[i]?.part ?? '', path: f.path, absolutePath: f.absolutePath, bytes: f.bytes, sha256: f.sha256 }));
  return {
    folder: input.outDir,
    files,
    manifest: out.manifest.path,
    incomplete: describeIncomplete(out.swept),
    replaced: out.replaced,
    sets,
    drafts,
    warnings,
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
      // A key that is not a note (a typo) is named, not dropped; then the merged notes are checked as a whole,
      // the standard's two fields together when either is given (saved notes that disagree are a gap of the submission).
      const unknown = unknownNoteKeys(input.notes);
      if (unknown.length > 0) throw new DomainValidationError(documentsMessages.notes, unknown);
      const rules = 'standard' in input.notes || 'standardYear' in input.notes ? notesRules : undefined;
      const merged = validateOrThrow(documentsMessages.notes, submissionNotesSchema, { ...notesOf(ctx, input.bankId), ...stripUndefined(input.notes) }, rules, notesFieldLabels);
      saveSubmissionNotes(ctx.db, input.bankId, merged, ctx.actor.username, timestamp(ctx));
      return merged;
    },
  }),
  defineHandler({
    name: 'documents.generate',
    summary: '生成试题审核备案申报材料',
    /** `strict`: refuse, writing nothing, when the submission has any gap (the `warnings`). */
    input: z.object({ bankId, outDir: z.string().trim().min(1), replace: z.boolean().optional(), strict: z.boolean().optional() }),
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
