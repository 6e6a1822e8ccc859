/**
 * The main job, headless: on a fresh encrypted workstation in the output folder, set up the 三员,
 * the team with their 保密责任书 and bank access, load the sample bank and run every step of the
 * chain that exists, then report in demo.json (shape: design/demo-contract.md; keys of capabilities
 * not built yet are absent). Later issues extend it until it goes
 * bank → ≥3 papers → submission documents → review sign-off → encrypted ISO.
 */
import { SAMPLE_NOTES } from './sample-notes.js';
import { approveSampleSets, assembleSampleSets } from './assembly-step.js';
import { addDeputyManager, DEPUTY, runReviewStep, type DemoReview } from './review-step.js';
import { runAnalysisStep, type DemoAnalysis } from './analysis-step.js';
import { DEMO_EXPORT, DEMO_RESTORED, runExportStep, type DemoExport } from './export-step.js';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatDifficulty, formatSeconds, roundTo, setName } from '../domain/format.js';
import { beijingDate } from '../domain/person.js';
import type { Role } from '../domain/roles.js';
import { lastCheckpointSignature, verifyAuditChain } from '../services/audit/record.js';
import { createContext, type ServiceContext } from '../services/context.js';
import { invoke } from '../services/handler.js';
import { assertWritableTarget, writeOutputFile } from '../services/output/write.js';
import { handlers } from '../services/registry.js';
import { generatePassword, login, logout } from '../services/session/handlers.js';
import { closeWorkstation, initWorkstation, type WorkstationSecret } from '../services/workstation/handlers.js';
import { SAMPLE_BANK, SAMPLE_FILE_NAMES, SAMPLE_FILES } from './sample-bank.js';
import type { ImportReport } from '../services/import/handlers.js';
import team from './sample/team.json' with { type: 'json' };
import { demoText } from './messages.js';

export const DEMO_DATABASE = 'qbank.db';
export const DEMO_REPORT = 'demo.json';
/** The submission folder (附件6 §三) the demo writes. */
export const DEMO_SUBMISSION = 'submission';
export const DEMO_CREDENTIALS = 'demo-credentials.json';
/** The demo workstation's passphrase (a sample: real workstations choose their own). */
export const DEMO_PASSPHRASE = '样例工作站口令-Demo-2026!';

export interface DemoStep {
  readonly step: string;
  readonly detail: string;
}

export interface DemoReport {
  readonly version: 1;
  readonly database: string;
  readonly workstation: { readonly encrypted: true; readonly passphrase: string; readonly credentials: string };
  readonly occupation: { readonly code: string; readonly name: string; readonly level: number; readonly track: string };
  readonly counts: {
    readonly elements: number;
    readonly theoryItems: number;
    readonly practicalTasks: number;
    readonly comprehensiveItems: number;
    readonly byType: Readonly<Record<'trueFalse' | 'singleChoice' | 'multipleChoice', number>>;
    readonly byState: Readonly<Record<'草稿' | '待审' | '已审' | '入库' | '停用', number>>;
  };
  readonly elementTable: { readonly importance: { readonly X: number; readonly Y: number; readonly Z: number }; readonly warnings: readonly string[] };
  readonly accounts: { readonly users: number; readonly pledges: number; readonly admins: readonly string[] };
  readonly import: {
    readonly files: readonly string[];
    readonly accepted: number;
    readonly rejected: number;
    readonly duplicates: number;
    readonly lintFindings: number;
  };
  readonly quality: { readonly bankFindings: number; readonly itemsWithFindings: number; readonly nearDuplicatePairs: number; readonly shortNodes: number };
  readonly sets: {
    readonly theory: readonly { readonly label: string; readonly paperId: number; readonly items: number; readonly points: number; readonly minutes: number; readonly difficultyDeviation: number }[];
    readonly practical: readonly { readonly label: string; readonly paperId: number; readonly tasks: number; readonly points: number; readonly minutes: number }[];
  };
  readonly assembly: {
    readonly seconds: number;
    readonly engine: string;
    readonly deviation: number;
    readonly bound: number;
    readonly gap: number;
    readonly certified: boolean;
    readonly overlapMatrix: readonly (readonly number[])[];
    readonly structure: string;
    readonly fullSizeFindings: readonly string[];
    readonly practical: { readonly seconds: number; readonly deviation: number; readonly overlapMatrix: readonly (readonly number[])[] };
  };
  readonly documents: readonly { readonly part: string; readonly file: string; readonly bytes: number; readonly sha256: string }[];
  /** `warnings`: what the rules would still reject (app/domain/submission/completeness.ts). */
  readonly submission: { readonly folder: string; readonly files: number; readonly seconds: number; readonly warnings: readonly string[] };
  /** The internal review (design/demo-contract.md `review`). */
  readonly review: DemoReview;
  /** The encrypted disc, the upload station's opening, the backup restored (design/demo-contract.md `export`). */
  readonly export: DemoExport;
  /** A simulated exam sitting of set 甲 with a planted key error, analysed (design/demo-contract.md `analysis`). */
  readonly analysis: DemoAnalysis;
  readonly registers: readonly { readonly part: string; readonly file: string }[];
  readonly audit: { readonly entries: number; readonly verified: boolean; readonly head: string; readonly checkpoint: string; readonly checkpoints: number };
  readonly seconds: number;
}

export interface DemoResult {
  readonly report: DemoReport;
  readonly reportFile: string;
  readonly steps: readonly DemoStep[];
}

export interface DemoOptions {
  readonly outDir: string;
  readonly now?: () => Date;
  /** Progress callback (the CLI prints each step). */
  readonly onStep?: (step: DemoStep) => void;
}

/** Removes what an earlier demo left in the folder (only the demo's own files). */
function clearPreviousRun(dir: string): void {
  for (const name of [DEMO_DATABASE, `${DEMO_DATABASE}-wal`, `${DEMO_DATABASE}-shm`, DEMO_REPORT, DEMO_CREDENTIALS, 'registers', DEMO_SUBMISSION, DEMO_EXPORT, DEMO_RESTORED]) {
    const path = join(dir, name);
    if (existsSync(path)) rmSync(path, { recursive: true });
  }
}

/** A path as the user would like to read it: relative to the working folder when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

const DAY = 86_400_000;

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  const outDir = resolve(options.outDir);
  assertWritableTarget(outDir);
  mkdirSync(outDir, { recursive: true });
  clearPreviousRun(outDir);

  const steps: DemoStep[] = [];
  const note = (step: string, detail: string) => {
    const s = { step, detail };
    steps.push(s);
    options.onStep?.(s);
  };

  const secret: WorkstationSecret = { kind: 'passphrase', passphrase: DEMO_PASSPHRASE };
  const dbFile = join(outDir, DEMO_DATABASE);
  const init = await initWorkstation(dbFile, secret, now);
  const db = init.db;
  const passwords = new Map<string, string>(init.admins.map((a) => [a.username, a.initialPassword]));
  const base = createContext(db, { secret, now });

  /** Logs in (changing the one-time password on first login), runs `fn`, logs out. */
  const as = async <T>(username: string, fn: (ctx: ServiceContext) => Promise<T>): Promise<T> => {
    const ctx = await login(base, username, passwords.get(username) ?? '');
    if (ctx.session?.restricted) {
      const next = generatePassword(16);
      await invoke(ctx, handlers['session.changePassword'], { current: passwords.get(username), next });
      passwords.set(username, next);
    }
    try {
      return await fn(ctx);
    } finally {
      logout(ctx);
    }
  };

  try {
    const status = await invoke(base, handlers['workstation.status'], {});
    note(demoText.workstationStep, demoText.workstation(shown(dbFile), status.schemaVersion, init.admins.map((a) => a.username)));

    // 系统管理员 creates the team's accounts, one after the other so that their ids follow the team file.
    const members = team.members as { username: string; role: Role; person: Record<string, unknown> }[];
    await as('sysadmin', async (ctx) => {
      for (const m of members) {
        const created = await invoke(ctx, handlers['accounts.create'], { username: m.username, displayName: m.person.name });
        passwords.set(created.account.username, created.initialPassword);
      }
    });

    // 安全保密管理员 registers people and pledges, links accounts, grants roles.
    const signedOn = beijingDate(new Date(now().getTime() - 30 * DAY));
    const expiresOn = beijingDate(new Date(now().getTime() + 335 * DAY));
    let pledges = 0;
    await as('secadmin', async (ctx) => {
      for (const m of members) {
        const person = await invoke(ctx, handlers['people.add'], { person: m.person });
        await invoke(ctx, handlers['people.registerPledge'], {
          personId: person.id,
          pledge: { signedOn, expiresOn, scope: demoText.pledgeScope(SAMPLE_BANK.name, String(m.person.workTypes ?? '')) },
        });
        pledges += 1;
        await invoke(ctx, handlers['accounts.linkPerson'], { username: m.username, personId: person.id });
        await invoke(ctx, handlers['accounts.grantRoles'], { username: m.username, roles: [m.role] });
      }
    });
    note(demoText.peopleStep, demoText.people(members.length, signedOn, expiresOn));

    // 题库管理员 creates the bank and imports the writers' files: 细目表, 内容结构表, items (xlsx, docx).
    const manager = members.find((m) => m.role === 'manager')?.username ?? 'zhangwei';
    const file = (name: string) => ({ fileName: name, bytes: new Uint8Array(readFileSync(join(SAMPLE_FILES, name))) });
    const bank = await as(manager, async (ctx) => {
      const b = await invoke(ctx, handlers['banks.create'], {
        occupationCode: SAMPLE_BANK.occupationCode,
        track: SAMPLE_BANK.track,
        level: SAMPLE_BANK.level,
        name: SAMPLE_BANK.name,
        secrecy: SAMPLE_BANK.secrecy,
        isSample: true,
      });
      const table = await invoke(ctx, handlers['banks.importElementTable'], { bankId: b.id, bytes: file(SAMPLE_FILE_NAMES.elementTable).bytes });
      await invoke(ctx, handlers['banks.importPracticalStructure'], { bankId: b.id, bytes: file(SAMPLE_FILE_NAMES.practicalStructure).bytes });
      const xlsx = await invoke(ctx, handlers['import.items'], { bankId: b.id, ...file(SAMPLE_FILE_NAMES.items), state: '入库' });
      // The Word file repeats some items: a dry run shows them, the real run skips them.
      const dry = await invoke(ctx, handlers['import.items'], { bankId: b.id, ...file(SAMPLE_FILE_NAMES.word), state: '入库', dryRun: true });
      const docx = await invoke(ctx, handlers['import.items'], {
        bankId: b.id,
        ...file(SAMPLE_FILE_NAMES.word),
        state: '入库',
        validOnly: true,
        nearDuplicates: 'skip',
      });
      const lint = await invoke(ctx, handlers['lint.bank'], { bankId: b.id, sets: 3 });
      const dups = await invoke(ctx, handlers['duplicates.find'], { bankId: b.id });
      const cover = await invoke(ctx, handlers['coverage.get'], { bankId: b.id, sets: 3 });
      return { ...b, tableWarnings: table.warnings, reports: [xlsx, docx], dry, lint, dups, cover };
    });
    const [xlsxReport, docxReport] = bank.reports as [ImportReport, ImportReport];
    note(
      demoText.importStep,
      demoText.import(xlsxReport.file, xlsxReport.accepted, docxReport.file, bank.dry.duplicates.length, docxReport.accepted, docxReport.rejected, docxReport.skipped),
    );
    note(
      demoText.qualityStep,
      demoText.quality(bank.lint.findings.length, bank.lint.perItem.length, bank.dups.pairs.length, bank.cover.filter((r) => r.short).length),
    );

    // 题库管理员 assembles 3 theory and 3 practical sets and opens one; a reviewer approves them below.
    const assembled = await as(manager, (ctx) => assembleSampleSets(ctx, bank.id));
    const { theory, practical } = assembled;
    if (assembled.fullSizeFindings.length > 0) {
      note(demoText.precheckStep, demoText.precheck(assembled.fullSizeFindings.slice(0, 3), assembled.presetName));
    }
    note(
      demoText.assemblyStep,
      demoText.assembly(
        theory.papers.map((p) => demoText.theorySet(setName(p.label), p.items, p.points)),
        formatDifficulty(theory.deviation),
        formatDifficulty(theory.bound),
        formatDifficulty(theory.gap),
        formatSeconds(theory.seconds),
        practical.papers.map((p) => demoText.practicalSet(setName(p.label), p.items, p.points)),
      ),
    );

    // 安全保密管理员 opens the bank to the authors and reviewers.
    await as('secadmin', async (ctx) => {
      for (const m of members.filter((x) => x.role !== 'manager')) {
        await invoke(ctx, handlers['access.grant'], { bankId: bank.id, username: m.username, role: m.role });
      }
    });

    // A reviewer of the bank, not the manager who assembled them, approves (locks) the sets (四眼原则).
    const reviewer = members.find((m) => m.role === 'reviewer')?.username ?? 'chenjing';
    await as(reviewer, (ctx) => approveSampleSets(ctx, bank.id, [theory, practical]));

    // 题库管理员 fills the free-text parts; the panel of five reviews, signs in ink and digitally, and the
    // submission folder (附件6 §三) is written with the scan and the signed manifest (review-step.ts).
    await as(manager, (ctx) => invoke(ctx, handlers['documents.notes.set'], { bankId: bank.id, notes: SAMPLE_NOTES }));
    await addDeputyManager(as, passwords, bank.id, { signedOn, expiresOn, scope: demoText.pledgeScope(SAMPLE_BANK.name, '审定') });
    const reviewers = members.filter((m) => m.role === 'reviewer').map((m) => m.username);
    const author0 = members.find((m) => m.role === 'author')?.username ?? 'liqiang';
    const { review, submission } = await runReviewStep({ as, bankId: bank.id, manager, deputy: DEPUTY.username, author: author0, reviewers, outDir, folder: DEMO_SUBMISSION, now });
    note(demoText.reviewStep, demoText.review(review.experts, review.leader, review.conclusion, review.change, review.signatures, review.verified));
    pledges += 1;
    note(
      demoText.submissionStep,
      demoText.submission(submission.files.length, shown(join(outDir, DEMO_SUBMISSION)), formatSeconds(submission.seconds), [...new Set(submission.files.map((f) => f.part))], submission.warnings),
    );

    // The signed submission onto an encrypted disc image, opened by the upload station; a backup restored.
    const exported = await runExportStep({ as, base, bankId: bank.id, manager, outDir, folder: DEMO_SUBMISSION, secret, now });
    note(demoText.exportStep, demoText.exportDetail(exported.iso, exported.wiped, exported.opened, exported.files, exported.backup.iso, exported.backup.restored, exported.backup.auditVerified));
    const analysis = await runAnalysisStep({ as, bankId: bank.id, manager, outDir });
    note(demoText.analysisStep, demoText.analysisDetail(analysis.candidates, analysis.flagged.length, analysis.flagged.includes(analysis.planted), analysis.returned.length, analysis.qti.file, analysis.qti.items));

    // A 命题人员 opens an item (调阅) — and is refused a bank that is not theirs.
    const author = members.find((m) => m.role === 'author')?.username ?? 'liqiang';
    const summary = await as(author, async (ctx) => {
      const list = await invoke(ctx, handlers['items.list'], { bankId: bank.id });
      const first = list[0];
      if (first) await invoke(ctx, handlers['items.get'], { bankId: bank.id, itemId: first.id });
      return invoke(ctx, handlers['banks.summary'], { bankId: bank.id });
    });
    const stats = summary.elementTable?.stats;
    note(
      demoText.bankStep,
      demoText.bank(bank.name, stats?.elements ?? 0, stats?.shares ?? { X: 0, Y: 0, Z: 0 }, summary.counts.theoryItems, summary.counts.byType, summary.counts.practicalTasks),
    );

    // 安全保密管理员 exports the register; 安全审计员 verifies the log and exports the registers.
    const registersDir = join(outDir, 'registers');
    const registers: { part: string; file: string }[] = [];
    await as('secadmin', async (ctx) => {
      const f = await invoke(ctx, handlers['people.exportRegister'], { outDir: registersDir });
      registers.push({ part: demoText.peopleRegister, file: relative(outDir, f.absolutePath) });
    });
    const verification = await as('auditor', async (ctx) => {
      for (const register of ['调阅', '组卷', '存档', '登录', '权限'] as const) {
        const f = await invoke(ctx, handlers['audit.export'], { register, outDir: registersDir });
        registers.push({ part: demoText.register(register), file: relative(outDir, f.absolutePath) });
      }
      return invoke(ctx, handlers['audit.verify'], {});
    });
    note(demoText.registersStep, demoText.registers(registers.map((r) => r.file)));

    // After the last logout: verify again, including the checkpoint it signed.
    const audit = await verifyAuditChain(db, { anchorDir: base.anchorDir });
    const lastSigned = lastCheckpointSignature(base);
    note(demoText.auditStep, demoText.audit(audit.message, verification.ok));

    const credentials = writeOutputFile(
      base,
      outDir,
      DEMO_CREDENTIALS,
      `${JSON.stringify({ note: demoText.credentialsNote, passphrase: DEMO_PASSPHRASE, accounts: Object.fromEntries(passwords) }, null, 2)}\n`,
      { classified: false },
    );

    const report: DemoReport = {
      version: 1,
      database: DEMO_DATABASE,
      workstation: { encrypted: true, passphrase: DEMO_PASSPHRASE, credentials: credentials.path },
      occupation: { code: bank.occupationCode, name: bank.occupationName, level: bank.level, track: bank.track },
      counts: {
        elements: stats?.elements ?? 0,
        theoryItems: summary.counts.theoryItems,
        practicalTasks: summary.counts.practicalTasks,
        comprehensiveItems: summary.counts.comprehensiveItems,
        byType: summary.counts.byType,
        byState: summary.counts.byState,
      },
      elementTable: { importance: stats?.counts ?? { X: 0, Y: 0, Z: 0 }, warnings: bank.tableWarnings.map((w) => `${w.field}: ${w.message}`) },
      accounts: { users: passwords.size, pledges, admins: init.admins.map((a) => a.username) },
      import: {
        files: [SAMPLE_FILE_NAMES.elementTable, SAMPLE_FILE_NAMES.practicalStructure, SAMPLE_FILE_NAMES.items, SAMPLE_FILE_NAMES.word],
        accepted: xlsxReport.accepted + docxReport.accepted,
        rejected: xlsxReport.rejected + docxReport.rejected,
        duplicates: xlsxReport.duplicates.length + docxReport.duplicates.length,
        lintFindings: xlsxReport.lintFindings + docxReport.lintFindings,
      },
      quality: {
        bankFindings: bank.lint.findings.length,
        itemsWithFindings: bank.lint.perItem.length,
        nearDuplicatePairs: bank.dups.pairs.length,
        shortNodes: bank.cover.filter((r) => r.short).length,
      },
      sets: {
        theory: theory.papers.map((p, i) => ({
          label: p.label,
          paperId: p.id,
          items: p.items,
          points: p.points,
          minutes: p.minutes,
          difficultyDeviation: theory.statistics.sets[i]?.deviation ?? 0,
        })),
        practical: practical.papers.map((p) => ({ label: p.label, paperId: p.id, tasks: p.items, points: p.points, minutes: p.minutes })),
      },
      assembly: {
        seconds: roundTo(theory.seconds, 3),
        engine: theory.engine,
        deviation: theory.deviation,
        bound: theory.bound,
        gap: theory.gap,
        certified: theory.certified,
        overlapMatrix: theory.statistics.overlap,
        structure: assembled.presetName,
        fullSizeFindings: assembled.fullSizeFindings,
        practical: { seconds: roundTo(practical.seconds, 3), deviation: practical.deviation, overlapMatrix: practical.statistics.overlap },
      },
      documents: submission.files.map((f) => ({ part: f.part, file: relative(outDir, f.absolutePath), bytes: f.bytes, sha256: f.sha256 })),
      submission: { folder: DEMO_SUBMISSION, files: submission.files.length, seconds: roundTo(submission.seconds, 3), warnings: submission.warnings },
      review,
      export: exported,
      analysis,
      registers,
      audit: { entries: audit.entries, verified: audit.ok, head: audit.head, checkpoint: lastSigned, checkpoints: audit.checkpoints },
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
    const written = writeOutputFile(base, outDir, DEMO_REPORT, `${JSON.stringify(report, null, 2)}\n`, { classified: false });
    note(demoText.reportStep, shown(written.absolutePath));
    return { report, reportFile: written.absolutePath, steps };
  } finally {
    closeWorkstation(db);
  }
}
