/** `templates.structure`: the blank 技能考核内容结构表, filled in the way a writer does, imports with banks.importPracticalStructure. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../app/services/handler.js';
import { currentPracticalStructure } from '../../../app/services/banks/context.js';
import { handlers } from '../../../app/services/registry.js';
import { practicalMatrix } from '../../../templates/element-table-shared.js';
import {
  INSTRUCTIONS_SHEET_NAME,
  PRACTICAL_ROW_LABELS,
  PRACTICAL_SHEET_NAME,
  STRUCTURE_EXAMPLE_SHEET_NAME,
  STRUCTURE_TEMPLATE_EXAMPLE,
  STRUCTURE_TEMPLATE_MODULES,
} from '../../../templates/xlsx/element-table/index.js';
import { loadWorkbook, sheetOf } from '../../helpers/xlsx.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

async function setUp(ws: TestWorkstation) {
  const ctx = ws.as('boss', ['manager']);
  const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '6-31-01-03', track: '', level: 2 });
  const file = await invoke(ctx, handlers['templates.structure'], { outDir: join(ws.dir, 'out') });
  return { ctx, bankId: bank.id, template: new Uint8Array(readFileSync(file.absolutePath)), path: file.absolutePath };
}

/**
 * Fills the blank sheet as a writer does: 职业功能 names (and codes unless `withoutCodes`) over the
 * columns, the first 级别 in the block that is there, each further 级别 in four rows below it (where the
 * note was).
 */
async function filled(template: Uint8Array, withoutCodes = false): Promise<Uint8Array> {
  const workbook = await loadWorkbook(template);
  const ws = sheetOf(workbook, PRACTICAL_SHEET_NAME);
  const matrix = practicalMatrix(STRUCTURE_TEMPLATE_EXAMPLE);
  matrix.modules.forEach((m, i) => {
    ws.getCell(4, 3 + i).value = m.name;
    if (!withoutCodes) ws.getCell(5, 3 + i).value = m.code;
  });
  const total = 3 + STRUCTURE_TEMPLATE_MODULES;
  ws.unMergeCells(11, 1, 11, total);
  ws.getCell(11, 1).value = null;
  matrix.levels.forEach((lv, k) => {
    const top = 6 + k * PRACTICAL_ROW_LABELS.length;
    if (k > 0) ws.mergeCells(top, 1, top + 3, 1);
    ws.getCell(top, 1).value = lv.name;
    lv.rows.forEach((values, r) => {
      ws.getCell(top + r, 2).value = PRACTICAL_ROW_LABELS[r] ?? '';
      const cells = values.slice(0, -1);
      cells.forEach((v, i) => (ws.getCell(top + r, 3 + i).value = v));
      ws.getCell(top + r, total).value = values.at(-1) ?? null;
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('templates.structure', () => {
  const workstation = useWorkstation();

  it('writes the blank table first, then 填写说明 and 示例', async () => {
    const ws = workstation();
    const { template, path } = await setUp(ws);
    expect(path).toMatch(/技能考核内容结构表_模板\.xlsx$/);
    const workbook = await loadWorkbook(template);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([PRACTICAL_SHEET_NAME, INSTRUCTIONS_SHEET_NAME, STRUCTURE_EXAMPLE_SHEET_NAME]);
    const blank = sheetOf(workbook, PRACTICAL_SHEET_NAME);
    expect([blank.getCell('A3').value, blank.getCell('B3').value, blank.getCell('C3').value, blank.getCell(3, 3 + STRUCTURE_TEMPLATE_MODULES).value]).toEqual(['级别', '项目', '职业功能', '合计']);
    expect([6, 7, 8, 9].map((r) => blank.getCell(r, 2).value)).toEqual([...PRACTICAL_ROW_LABELS]);
    expect(blank.getCell('C6').dataValidation).toMatchObject({ type: 'list', formulae: ['"必考,选考,—"'] });
    expect(blank.getCell('H9').dataValidation).toMatchObject({ type: 'list', formulae: ['"实操,笔试,—"'] });
    expect(blank.getCell('D7').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    expect(blank.getCell('A6').dataValidation).toMatchObject({ type: 'list' });
    const help = sheetOf(workbook, INSTRUCTIONS_SHEET_NAME).getSheetValues().flat().filter((v): v is string => typeof v === 'string').join('\n');
    expect(help).toContain('qbank elements import 文件.xlsx --bank 题库编号 --practical');
    expect(help).toContain('3项');
  });

  it('imports the blank template filled with the example, with codes or without them', async () => {
    for (const withoutCodes of [false, true]) {
      const ws = workstation();
      const { ctx, bankId, template } = await setUp(ws);
      const saved = await invoke(ctx, handlers['banks.importPracticalStructure'], { bankId, bytes: await filled(template, withoutCodes) });
      expect(saved.version).toBe(1);
      expect(currentPracticalStructure(ctx, bankId)).toEqual({ ...STRUCTURE_TEMPLATE_EXAMPLE, occupationCode: '6-31-01-03', track: '' });
    }
  });

  it('refuses the template as it is, and its example sheet, saving nothing', async () => {
    const ws = workstation();
    const { ctx, bankId, template } = await setUp(ws);
    await expect(invoke(ctx, handlers['banks.importPracticalStructure'], { bankId, bytes: template })).rejects.toThrow(/技能考核内容结构表/);
    const workbook = await loadWorkbook(template);
    workbook.removeWorksheet(sheetOf(workbook, PRACTICAL_SHEET_NAME).id);
    const exampleOnly = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(invoke(ctx, handlers['banks.importPracticalStructure'], { bankId, bytes: exampleOnly })).rejects.toThrow('内容结构表中还有模板示例的职业功能（名称含“（示例）”）');
    expect(currentPracticalStructure(ctx, bankId)).toBeUndefined();
  });
});
