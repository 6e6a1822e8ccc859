/**
 * 细目表 and 内容结构表 as Excel files: import (parsed, then validated and versioned exactly like a
 * table entered by hand), export, and the blank templates writers fill in (`qbank template …`).
 */
import { z } from 'zod';
import { DomainValidationError, type Problem } from '../domain/validation.js';
import { levelName } from '../domain/level.js';
import { listElements } from '../domain/element-table.js';
import { secrecyMark } from '../domain/secrecy.js';
import { elementTableTemplateXlsx, practicalStructureXlsx, theoryElementTableXlsx } from '../../templates/xlsx/element-table.js';
import { itemTemplateXlsx } from '../../templates/xlsx/item-template.js';
import { itemsWorkbookXlsx } from '../../templates/xlsx/item-export.js';
import { ITEM_STATES } from '../domain/bank.js';
import { practicalTaskSchema } from '../domain/practical-task.js';
import { theoryItemSchema } from '../domain/theory-item.js';
import { listItems } from '../store/repositories/items.js';
import { bankHandlers, currentPracticalStructure, currentTheoryTable, requireBank, type SavedTable } from './banks.js';
import type { ServiceContext } from './context.js';
import { ServiceError } from './errors.js';
import { bankOf, defineHandler, type Handler } from './handler.js';
import { parsePracticalStructureXlsx, parseTheoryElementTableXlsx } from './import/xlsx-element-table.js';
import { writeOutputFile, type WrittenFile } from './output.js';

const fileInput = z.object({ bankId: z.number().int().positive(), bytes: z.instanceof(Uint8Array) });
const outInput = z.object({ bankId: z.number().int().positive(), outDir: z.string().min(1) });

function refuseIfProblems(subject: string, problems: readonly Problem[]): void {
  if (problems.some((p) => p.severity === 'error')) throw new DomainValidationError(subject, problems);
}

/** Runs a save handler's body in the current call (already validated, audited and gated by the caller). */
function save<S extends z.ZodType, O>(ctx: ServiceContext, handler: Handler<S, O>, input: z.output<S>): O | Promise<O> {
  return handler.run(ctx, input);
}

export const elementFileHandlers = {
  'banks.importElementTable': defineHandler({
    name: 'banks.importElementTable',
    summary: '导入理论知识考核要素细目表（xlsx）',
    input: fileInput,
    roles: ['manager'],
    register: '',
    bank: bankOf('manager'),
    run: async (ctx, input): Promise<SavedTable> => {
      const bank = requireBank(ctx, input.bankId);
      const parsed = await parseTheoryElementTableXlsx(input.bytes);
      refuseIfProblems('理论知识考核要素细目表', parsed.problems);
      if (JSON.stringify(parsed.table ?? {}).includes('（示例）')) {
        throw new ServiceError('细目表中还有模板的示例行（名称含“（示例）”），请删除或改写后再导入');
      }
      const table = { occupationCode: bank.occupationCode, level: bank.level, track: bank.track, ...(parsed.table as object) };
      return save(ctx, bankHandlers['banks.setElementTable'], { bankId: bank.id, table });
    },
  }),
  'banks.importPracticalStructure': defineHandler({
    name: 'banks.importPracticalStructure',
    summary: '导入技能考核内容结构表（xlsx）',
    input: fileInput,
    roles: ['manager'],
    register: '',
    bank: bankOf('manager'),
    run: async (ctx, input): Promise<SavedTable> => {
      const bank = requireBank(ctx, input.bankId);
      const parsed = await parsePracticalStructureXlsx(input.bytes);
      refuseIfProblems('技能考核内容结构表', parsed.problems);
      const structure = { occupationCode: bank.occupationCode, track: bank.track, ...(parsed.structure as object) };
      return save(ctx, bankHandlers['banks.setPracticalStructure'], { bankId: bank.id, structure });
    },
  }),
  'banks.exportElementTables': defineHandler({
    name: 'banks.exportElementTables',
    summary: '导出细目表和内容结构表（xlsx）',
    input: outInput,
    roles: ['manager'],
    register: '存档',
    bank: bankOf('manager'),
    objects: (i, out: readonly WrittenFile[]) => [`bank:${i.bankId}`, ...out.map((f) => `file:${f.path}`)],
    run: async (ctx, input): Promise<readonly WrittenFile[]> => {
      const bank = requireBank(ctx, input.bankId);
      const table = currentTheoryTable(ctx, bank.id);
      const structure = currentPracticalStructure(ctx, bank.id);
      if (!table && !structure) throw new ServiceError('本题库还没有细目表或内容结构表');
      const written: WrittenFile[] = [];
      const base = { occupationName: bank.occupationName, occupationCode: bank.occupationCode, track: bank.track, generatedAt: ctx.now() };
      if (table) {
        const bytes = await theoryElementTableXlsx({ ...base, level: bank.level, table, secrecyMark: secrecyMark(bank.secrecy) });
        written.push(writeOutputFile(ctx, input.outDir, `理论知识考核要素细目表_${levelName(bank.level).replace('/', '_')}.xlsx`, bytes, { classified: false }));
      }
      if (structure) {
        const bytes = await practicalStructureXlsx({ ...base, structure });
        written.push(writeOutputFile(ctx, input.outDir, '技能考核内容结构表.xlsx', bytes, { classified: false }));
      }
      return written;
    },
  }),
  'templates.elements': defineHandler({
    name: 'templates.elements',
    summary: '生成细目表 Excel 模板',
    input: z.object({ outDir: z.string().min(1) }),
    roles: ['manager', 'author'],
    register: '',
    objects: (_i, out: WrittenFile) => [`file:${out.path}`],
    run: async (ctx, input): Promise<WrittenFile> =>
      writeOutputFile(ctx, input.outDir, '理论知识考核要素细目表_模板.xlsx', await elementTableTemplateXlsx({ generatedAt: ctx.now() }), { classified: false }),
  }),
  /** The bank's current items in the writers' template: content leaves the database, so a 调阅 and a classified file. */
  'items.exportXlsx': defineHandler({
    name: 'items.exportXlsx',
    summary: '导出试题（xlsx）',
    input: outInput.extend({ state: z.enum(ITEM_STATES).optional() }),
    roles: ['manager'],
    register: '调阅',
    secret: true,
    bank: bankOf('manager'),
    objects: (i, out: WrittenFile) => [`bank:${i.bankId}`, `file:${out.path}`],
    run: async (ctx, input): Promise<WrittenFile> => {
      const bank = requireBank(ctx, input.bankId);
      const filter = input.state ? { state: input.state } : {};
      const theory = listItems(ctx.db, bank.id, { kind: 'theory', ...filter }).map((r) => theoryItemSchema.parse(r.body));
      const practical = listItems(ctx.db, bank.id, { kind: 'practical', ...filter }).map((r) => practicalTaskSchema.parse(r.body));
      const table = currentTheoryTable(ctx, bank.id);
      const bytes = await itemsWorkbookXlsx(
        {
          occupation: bank.occupationName + (bank.track ? `（${bank.track}）` : ''),
          level: levelName(bank.level),
          generatedAt: ctx.now(),
          elementCodes: table ? listElements(table).map((e) => ({ code: e.fullCode, name: e.name })) : [],
        },
        { theory, practical },
      );
      return writeOutputFile(ctx, input.outDir, `${bank.occupationName}${levelName(bank.level).replace('/', '_')}_试题.xlsx`, bytes, { classified: true });
    },
  }),
  'templates.items': defineHandler({
    name: 'templates.items',
    summary: '生成试题导入 Excel 模板',
    input: outInput,
    roles: ['manager', 'author'],
    register: '',
    bank: bankOf('manager', 'author'),
    objects: (_i, out: WrittenFile) => [`file:${out.path}`],
    run: async (ctx, input): Promise<WrittenFile> => {
      const bank = requireBank(ctx, input.bankId);
      const table = currentTheoryTable(ctx, bank.id);
      const bytes = await itemTemplateXlsx({
        occupation: bank.occupationName + (bank.track ? `（${bank.track}）` : ''),
        level: levelName(bank.level),
        generatedAt: ctx.now(),
        elementCodes: table ? listElements(table).map((e) => ({ code: e.fullCode, name: e.name })) : [],
      });
      return writeOutputFile(ctx, input.outDir, '试题导入模板.xlsx', bytes, { classified: false });
    },
  }),
} as const;
