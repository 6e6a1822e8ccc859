/**
 * The main job, headless: on a fresh database in the output folder, load the sample bank and run
 * every step of the chain that exists, then report in demo.json (shape: design/demo-contract.md;
 * keys of capabilities not built yet are absent). Later issues extend it until it goes
 * bank → ≥3 papers → submission documents → review sign-off → encrypted ISO.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { verifyAuditChain } from '../audit.js';
import type { BankSummary, SavedTable } from '../banks.js';
import { createContext, type ServiceContext } from '../context.js';
import { invoke } from '../handler.js';
import type { AddedItems } from '../items.js';
import { assertWritableTarget, writeOutputFile } from '../output.js';
import { handlers } from '../registry.js';
import { openWorkstation } from '../workstation.js';
import { SAMPLE_BANK, samplePracticalStructure, samplePracticalTasks, sampleElementTable, sampleTheoryItems } from './sample-bank.js';
import { closeDatabase } from '../../store/database.js';

export const DEMO_DATABASE = 'qbank.db';
export const DEMO_REPORT = 'demo.json';

export interface DemoStep {
  readonly step: string;
  readonly detail: string;
}

export interface DemoReport {
  readonly version: 1;
  readonly database: string;
  readonly occupation: { readonly code: string; readonly name: string; readonly level: number; readonly track: string };
  readonly counts: {
    readonly elements: number;
    readonly theoryItems: number;
    readonly practicalTasks: number;
    readonly comprehensiveItems: number;
    readonly byType: BankSummary['counts']['byType'];
    readonly byState: BankSummary['counts']['byState'];
  };
  readonly elementTable: {
    readonly importance: { readonly X: number; readonly Y: number; readonly Z: number };
    readonly warnings: readonly string[];
  };
  readonly audit: { readonly entries: number; readonly verified: boolean; readonly head: string };
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
  for (const name of [DEMO_DATABASE, `${DEMO_DATABASE}-wal`, `${DEMO_DATABASE}-shm`, DEMO_REPORT]) {
    const path = join(dir, name);
    if (existsSync(path)) rmSync(path);
  }
}

/** A path as the user would like to read it: relative to the working folder when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = performance.now();
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

  const dbFile = join(outDir, DEMO_DATABASE);
  const db = openWorkstation(dbFile, { create: true });
  try {
    const ctx: ServiceContext = createContext(db, undefined, options.now);
    const status = await invoke(ctx, handlers['workstation.status'], {});
    note('数据库', `新建 ${shown(dbFile)}，结构版本 ${status.schemaVersion}`);

    const bank = await invoke(ctx, handlers['banks.create'], {
      occupationCode: SAMPLE_BANK.occupationCode,
      track: SAMPLE_BANK.track,
      level: SAMPLE_BANK.level,
      name: SAMPLE_BANK.name,
      secrecy: SAMPLE_BANK.secrecy,
      isSample: true,
    });
    note('题库', `${bank.name}（编号 ${bank.id}）`);

    const table: SavedTable = await invoke(ctx, handlers['banks.setElementTable'], { bankId: bank.id, table: sampleElementTable() });
    const structure: SavedTable = await invoke(ctx, handlers['banks.setPracticalStructure'], {
      bankId: bank.id,
      structure: samplePracticalStructure(),
    });
    const theory: AddedItems = await invoke(ctx, handlers['items.addTheory'], { bankId: bank.id, items: sampleTheoryItems(), state: '入库' });
    const practical: AddedItems = await invoke(ctx, handlers['items.addPractical'], {
      bankId: bank.id,
      items: samplePracticalTasks(),
      state: '入库',
    });
    const summary = await invoke(ctx, handlers['banks.summary'], { bankId: bank.id });
    const stats = summary.elementTable?.stats;
    note(
      '细目表',
      `版本 ${table.version}：${stats?.elements ?? 0} 个鉴定点，X/Y/Z = ${stats?.shares.X ?? 0}%/${stats?.shares.Y ?? 0}%/${stats?.shares.Z ?? 0}%` +
        (table.warnings.length > 0 ? `（${table.warnings.length} 条提示）` : ''),
    );
    note('内容结构表', `版本 ${structure.version}：${summary.practicalStructure?.modules ?? 0} 个职业功能`);
    note(
      '试题',
      `理论知识 ${theory.ids.length} 道（判断 ${summary.counts.byType.trueFalse}，单选 ${summary.counts.byType.singleChoice}，多选 ${summary.counts.byType.multipleChoice}），技能考核 ${practical.ids.length} 道`,
    );

    const audit = verifyAuditChain(db);
    note('审计日志', `${audit.entries} 条，哈希链${audit.ok ? '校验通过' : `在第 ${audit.brokenAt ?? '?'} 条断开`}`);

    const report: DemoReport = {
      version: 1,
      database: DEMO_DATABASE,
      occupation: { code: bank.occupationCode, name: bank.occupationName, level: bank.level, track: bank.track },
      counts: {
        elements: stats?.elements ?? 0,
        theoryItems: summary.counts.theoryItems,
        practicalTasks: summary.counts.practicalTasks,
        comprehensiveItems: summary.counts.comprehensiveItems,
        byType: summary.counts.byType,
        byState: summary.counts.byState,
      },
      elementTable: {
        importance: stats?.counts ?? { X: 0, Y: 0, Z: 0 },
        warnings: table.warnings.map((w) => `${w.field}: ${w.message}`),
      },
      audit: { entries: audit.entries, verified: audit.ok, head: audit.head },
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
    const written = writeOutputFile(ctx, outDir, DEMO_REPORT, `${JSON.stringify(report, null, 2)}\n`, { classified: false });
    note('报告', shown(written.absolutePath));
    return { report, reportFile: written.absolutePath, steps };
  } finally {
    closeDatabase(db);
  }
}
