/**
 * Where the tab reads a bank's stored 细目表 and 内容结构表 from.
 *
 * The services have no handler that returns the stored tables as they are (banks.summary gives their
 * versions and counts only). Until one exists, the 细目表 is rebuilt exactly from the bank quality
 * report (lint.bank lists every node of the table in pre-order with its code path, name and 比重, and
 * every 鉴定点 with its full code, name and X/Y/Z — all the table holds), and the 内容结构表 can be
 * shown only when the handler `banks.tables` is present (the preload exposes exactly the handlers the
 * program has, so its presence is checked at run time).
 */
import type { ElementPoint, ScopeNode, TheoryElementTable } from '../../../../domain/element-table.js';
import type { PracticalStructure } from '../../../../domain/practical-structure.js';
import { api, type QbankApi } from '../../api/client.js';

export type BankSummary = Awaited<ReturnType<QbankApi['banks.summary']>>;
export type BankRecord = BankSummary['bank'];
type BankReport = Awaited<ReturnType<QbankApi['lint.bank']>>;

export interface StoredTables {
  readonly summary: BankSummary;
  readonly theory: { readonly version: number; readonly table: TheoryElementTable } | null;
  /** null when none is stored, or when this program cannot read it (see `practicalReadable`). */
  readonly practical: { readonly version: number; readonly structure: PracticalStructure } | null;
  /** Whether a stored 内容结构表 could be read (false: only its version and module count are known). */
  readonly practicalReadable: boolean;
}

/** The handler that returns the stored tables, when the program has it. */
const TABLES_HANDLER = 'banks.tables';
type TablesHandler = (input: { bankId: number }) => Promise<{
  theory: { version: number; table: TheoryElementTable } | null;
  practical: { version: number; structure: PracticalStructure } | null;
}>;

function tablesHandler(): TablesHandler | undefined {
  const f = (window.qbank as unknown as Readonly<Record<string, unknown>>)[TABLES_HANDLER];
  return typeof f === 'function' ? (f as TablesHandler) : undefined;
}

/** The 细目表 of the bank from its quality report: nodes by code path, 鉴定点 under their leaf. */
export function tableFromReport(bank: BankRecord, report: Pick<BankReport, 'scopes' | 'perElement'>): TheoryElementTable {
  const roots: ScopeNode[] = [];
  const byPath = new Map<string, ScopeNode>();
  for (const s of report.scopes) {
    const codes = s.path.split('-');
    const node: ScopeNode = { code: codes[codes.length - 1] ?? '', name: s.name, weight: s.weight };
    const parent = byPath.get(codes.slice(0, -1).join('-'));
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
    byPath.set(s.path, node);
  }
  for (const e of report.perElement) {
    const codes = e.code.split('-');
    const point: ElementPoint = { code: codes[codes.length - 1] ?? '', name: e.name, importance: e.importance };
    const leaf = byPath.get(codes.slice(0, -1).join('-'));
    if (leaf) (leaf.elements ??= []).push(point);
  }
  return { occupationCode: bank.occupationCode, level: bank.level, track: bank.track, scopes: roots };
}

export async function loadTables(bankId: number): Promise<StoredTables> {
  const summary = await api['banks.summary']({ bankId });
  const handler = tablesHandler();
  if (handler) {
    const stored = await handler({ bankId });
    return { summary, theory: stored.theory, practical: stored.practical, practicalReadable: true };
  }
  const theoryVersion = summary.elementTable?.version;
  const theory =
    theoryVersion === undefined ? null : { version: theoryVersion, table: tableFromReport(summary.bank, await api['lint.bank']({ bankId, onlyInBank: false })) };
  return { summary, theory, practical: null, practicalReadable: summary.practicalStructure === null };
}
