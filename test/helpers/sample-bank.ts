/** The demo's sample bank in a test workstation: tables and both item files imported as 入库. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../../app/services/context.js';
import { SAMPLE_FILE_NAMES, SAMPLE_FILES } from '../../app/demo/sample-bank.js';
import { invoke } from '../../app/services/handler.js';
import { handlers } from '../../app/services/registry.js';
import type { TestWorkstation } from './workstation.js';

const sample = (name: string) => new Uint8Array(readFileSync(join(SAMPLE_FILES, name)));

/** The sample bank with both item files imported as 入库 (default paper: 判断20 + 单选140 + 多选10). */
export async function sampleBank(ws: TestWorkstation): Promise<{ ctx: ServiceContext; bankId: number }> {
  const ctx = ws.as('boss', ['manager']);
  const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4, isSample: true });
  await invoke(ctx, handlers['banks.importElementTable'], { bankId: bank.id, bytes: sample(SAMPLE_FILE_NAMES.elementTable) });
  await invoke(ctx, handlers['banks.importPracticalStructure'], { bankId: bank.id, bytes: sample(SAMPLE_FILE_NAMES.practicalStructure) });
  await invoke(ctx, handlers['import.items'], { bankId: bank.id, fileName: SAMPLE_FILE_NAMES.items, bytes: sample(SAMPLE_FILE_NAMES.items), state: '入库' });
  await invoke(ctx, handlers['import.items'], {
    bankId: bank.id,
    fileName: SAMPLE_FILE_NAMES.word,
    bytes: sample(SAMPLE_FILE_NAMES.word),
    state: '入库',
    validOnly: true,
    nearDuplicates: 'skip',
  });
  return { ctx, bankId: bank.id };
}


/** A 单选 item on 鉴定点 B-A-C-001 of the sample 细目表 (items.addTheory input), fields overridable. */
export const sampleSingleChoice = (stem: string, over: Record<string, unknown> = {}) => ({
  type: 'singleChoice',
  element: 'B-A-C-001',
  stem,
  options: ['毫米', '厘米', '分米', '米'],
  key: 'A',
  difficulty: 2,
  ...over,
});
