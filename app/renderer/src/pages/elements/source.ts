/** Where the tab reads a bank's stored 细目表 and 内容结构表 from: `banks.summary` and `banks.tables`. */
import { api, type QbankApi } from '../../api/client.js';

export type BankSummary = Awaited<ReturnType<QbankApi['banks.summary']>>;
export type BankRecord = BankSummary['bank'];
type Tables = Awaited<ReturnType<QbankApi['banks.tables']>>;

export interface StoredTables extends Tables {
  readonly summary: BankSummary;
}

export async function loadTables(bankId: number): Promise<StoredTables> {
  const [summary, tables] = await Promise.all([api['banks.summary']({ bankId }), api['banks.tables']({ bankId })]);
  return { summary, ...tables };
}
