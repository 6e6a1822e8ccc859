/**
 * The bank's items as Excel: the writers' blank import template (theory, practical and 综合评审 sheets) and
 * the export of current items into it.
 */
import { z } from 'zod';
import { ITEM_STATES } from '../../domain/bank.js';
import { listElements } from '../../domain/element-table.js';
import { levelName } from '../../domain/level.js';
import { itemsWorkbookXlsx } from '../../../templates/xlsx/item-export.js';
import { itemTemplateXlsx } from '../../../templates/xlsx/item-template.js';
import { getImage } from '../../store/repositories/images.js';
import { listItems } from '../../store/repositories/items.js';
import { currentTheoryTable, requireBank } from '../banks/context.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { writeOutputFile, type WrittenFile } from '../output/write.js';
import { itemsMessages } from './messages.js';

const outInput = z.object({ bankId: z.number().int().positive(), outDir: z.string().min(1) });

export const itemFileHandlers = handlerMap(
  /** The bank's current items in the writers' template: content leaves the database, so a 调阅 and a classified file. */
  defineHandler({
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
      const theory = listItems(ctx.db, bank.id, { kind: 'theory', ...filter }).map((r) => r.body);
      const practical = listItems(ctx.db, bank.id, { kind: 'practical', ...filter }).map((r) => r.body);
      const comprehensive = listItems(ctx.db, bank.id, { kind: 'comprehensive', ...filter }).map((r) => r.body);
      const table = currentTheoryTable(ctx, bank.id);
      const bytes = await itemsWorkbookXlsx(
        {
          occupation: bank.occupationName + (bank.track ? `（${bank.track}）` : ''),
          level: levelName(bank.level),
          generatedAt: ctx.now(),
          elementCodes: table ? listElements(table).map((e) => ({ code: e.fullCode, name: e.name })) : [],
        },
        { theory, practical, comprehensive },
        new Map(
          [...new Set([...theory, ...practical].flatMap((item) => item.images))].flatMap((hash) => {
            const image = getImage(ctx.db, hash);
            return image === undefined ? [] : [[hash, image] as const];
          }),
        ),
      );
      return writeOutputFile(ctx, input.outDir, itemsMessages.exportFile(bank.occupationName, levelName(bank.level).replace('/', '_')), bytes, { classified: true });
    },
  }),
  defineHandler({
    name: 'templates.items',
    summary: '生成试题导入 Excel 模板（理论知识、技能考核、综合评审）',
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
      return writeOutputFile(ctx, input.outDir, itemsMessages.templateFile, bytes, { classified: false });
    },
  }),
);
