/**
 * 细目表 and 内容结构表: saved as typed, or as Excel files: import (parsed, then validated and versioned exactly like a
 * table entered by hand), export, and the blank templates writers fill in (`qbank template …`).
 */
import { z } from 'zod';
import { DomainValidationError, type Problem } from '../../domain/validation.js';
import { levelName } from '../../domain/level.js';
import { secrecyMark } from '../../domain/secrecy.js';
import {
  elementTableTemplateXlsx,
  practicalStructureTemplateXlsx,
  practicalStructureXlsx,
  STRUCTURE_EXAMPLE_MARK,
  theoryElementTableXlsx,
} from '../../../templates/xlsx/element-table/index.js';
import { practicalStructureSchema, type PracticalStructure } from '../../domain/practical-structure.js';
import { theoryElementTableSchema, type TheoryElementTable } from '../../domain/element-table.js';
import { getCurrentElementTable } from '../../store/repositories/element-tables.js';
import { currentPracticalStructure, currentTheoryTable, requireBank } from '../banks/context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { parsePracticalStructureXlsx } from '../../readers/element-table/practical.js';
import { parseTheoryElementTableXlsx } from '../../readers/element-table/theory.js';
import { writeOutputFile, type WrittenFile } from '../output/write.js';
import { savePracticalStructure, saveTheoryTable, type SavedTable } from './save.js';
import { elementsMessages } from './messages.js';

const fileInput = z.object({ bankId: z.number().int().positive(), bytes: z.instanceof(Uint8Array) });
const outInput = z.object({ bankId: z.number().int().positive(), outDir: z.string().min(1) });

/** Saving and importing a bank's tables: its 题库管理员 only, logged in no particular register. */
const managerOfBank = { roles: ['manager'], register: '', bank: bankOf('manager') } as const;

function refuseIfProblems(subject: string, problems: readonly Problem[]): void {
  if (problems.some((p) => p.severity === 'error')) throw new DomainValidationError(subject, problems);
}

/** The bank's current tables as stored, with their versions (null: none saved). */
export interface StoredTables {
  readonly theory: { readonly version: number; readonly table: TheoryElementTable } | null;
  readonly practical: { readonly version: number; readonly structure: PracticalStructure } | null;
}

export const elementHandlers = handlerMap(
  defineHandler({
    name: 'banks.tables',
    summary: '查看细目表和内容结构表',
    input: z.object({ bankId: z.number().int().positive() }).strict(),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    objects: (i) => [`bank:${i.bankId}`],
    run: (ctx, input): StoredTables => {
      const bank = requireBank(ctx, input.bankId);
      const theory = getCurrentElementTable(ctx.db, bank.id, 'theory');
      const practical = getCurrentElementTable(ctx.db, bank.id, 'practical');
      return {
        theory: theory ? { version: theory.version, table: theoryElementTableSchema.parse(theory.body) } : null,
        practical: practical ? { version: practical.version, structure: practicalStructureSchema.parse(practical.body) } : null,
      };
    },
  }),
  defineHandler({
    name: 'banks.setElementTable',
    summary: '保存理论知识考核要素细目表',
    input: z.object({ bankId: z.number().int().positive(), table: z.unknown() }),
    ...managerOfBank,
    objects: (i, out: SavedTable) => [`bank:${i.bankId}`, `elementTable:theory@${out.version}`],
    run: (ctx, input): SavedTable => saveTheoryTable(ctx, requireBank(ctx, input.bankId), input.table),
  }),
  defineHandler({
    name: 'banks.setPracticalStructure',
    summary: '保存技能考核内容结构表',
    input: z.object({ bankId: z.number().int().positive(), structure: z.unknown() }),
    ...managerOfBank,
    objects: (i, out: SavedTable) => [`bank:${i.bankId}`, `elementTable:practical@${out.version}`],
    run: (ctx, input): SavedTable => savePracticalStructure(ctx, requireBank(ctx, input.bankId), input.structure),
  }),
  defineHandler({
    name: 'banks.importElementTable',
    summary: '导入理论知识考核要素细目表（xlsx）',
    input: fileInput,
    ...managerOfBank,
    run: async (ctx, input): Promise<SavedTable> => {
      const bank = requireBank(ctx, input.bankId);
      const parsed = await parseTheoryElementTableXlsx(input.bytes);
      refuseIfProblems(elementsMessages.theoryTable, parsed.problems);
      if (JSON.stringify(parsed.table ?? {}).includes(elementsMessages.exampleMarker)) {
        throw new ServiceError(elementsMessages.exampleRowsLeft);
      }
      const table = { occupationCode: bank.occupationCode, level: bank.level, track: bank.track, ...(parsed.table as object) };
      return saveTheoryTable(ctx, bank, table);
    },
  }),
  defineHandler({
    name: 'banks.importPracticalStructure',
    summary: '导入技能考核内容结构表（xlsx）',
    input: fileInput,
    ...managerOfBank,
    run: async (ctx, input): Promise<SavedTable> => {
      const bank = requireBank(ctx, input.bankId);
      const parsed = await parsePracticalStructureXlsx(input.bytes);
      refuseIfProblems(elementsMessages.practicalStructure, parsed.problems);
      // The 示例 sheet of the blank template (`qbank template structure`) imported as it is.
      if (JSON.stringify(parsed.structure ?? {}).includes(STRUCTURE_EXAMPLE_MARK)) throw new ServiceError(elementsMessages.structureExampleLeft);
      const structure = { occupationCode: bank.occupationCode, track: bank.track, ...(parsed.structure as object) };
      return savePracticalStructure(ctx, bank, structure);
    },
  }),
  defineHandler({
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
      if (!table && !structure) throw new ServiceError(elementsMessages.noTables);
      const written: WrittenFile[] = [];
      const base = { occupationName: bank.occupationName, occupationCode: bank.occupationCode, track: bank.track, generatedAt: ctx.now() };
      if (table) {
        const bytes = await theoryElementTableXlsx({ ...base, level: bank.level, table, secrecyMark: secrecyMark(bank.secrecy) });
        written.push(writeOutputFile(ctx, input.outDir, elementsMessages.theoryTableFile(levelName(bank.level).replace('/', '_')), bytes, { classified: false }));
      }
      if (structure) {
        const bytes = await practicalStructureXlsx({ ...base, structure });
        written.push(writeOutputFile(ctx, input.outDir, elementsMessages.practicalStructureFile, bytes, { classified: false }));
      }
      return written;
    },
  }),
  defineHandler({
    name: 'templates.elements',
    summary: '生成细目表 Excel 模板',
    input: z.object({ outDir: z.string().min(1) }),
    roles: ['manager', 'author'],
    register: '',
    objects: (_i, out: WrittenFile) => [`file:${out.path}`],
    run: async (ctx, input): Promise<WrittenFile> =>
      writeOutputFile(ctx, input.outDir, elementsMessages.templateFile, await elementTableTemplateXlsx({ generatedAt: ctx.now() }), { classified: false }),
  }),
  defineHandler({
    name: 'templates.structure',
    summary: '生成技能考核内容结构表 Excel 模板',
    input: z.object({ outDir: z.string().min(1) }),
    roles: ['manager', 'author'],
    register: '',
    objects: (_i, out: WrittenFile) => [`file:${out.path}`],
    run: async (ctx, input): Promise<WrittenFile> =>
      writeOutputFile(ctx, input.outDir, elementsMessages.structureTemplateFile, await practicalStructureTemplateXlsx({ generatedAt: ctx.now() }), { classified: false }),
  }),
);
