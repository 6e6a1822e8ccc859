import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { elementTableStats, elementTableRules, formatImportanceRatio, theoryElementTableSchema, type TheoryElementTable } from '../../../app/domain/element-table.js';
import { practicalStructureRules, practicalStructureSchema, type PracticalStructure } from '../../../app/domain/practical-structure.js';
import { formatProblem, validate } from '../../../app/domain/validation.js';
import { samplePracticalStructure, sampleElementTable } from '../../../app/demo/sample-bank.js';
import {
  elementTableTemplateXlsx,
  INSTRUCTIONS_SHEET_NAME,
  PRACTICAL_SHEET_NAME,
  practicalStructureXlsx,
  TEMPLATE_INSTRUCTIONS,
  theoryElementTableXlsx,
  THEORY_SHEET_NAME,
} from '../../../templates/xlsx/element-table/index.js';
import { SOFFICE } from '../../helpers/office.js';
import { useTempDir } from '../../helpers/tmp.js';
import { loadWorkbook, sheetOf } from '../../helpers/xlsx.js';

const GENERATED_AT = new Date('2026-11-23T16:30:05.000Z');

function valid<T>(r: { ok: true; value: T } | { ok: false; problems: readonly Parameters<typeof formatProblem>[0][] }): T {
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
  return r.value;
}

const SAMPLE: TheoryElementTable = valid(validate(theoryElementTableSchema, sampleElementTable(), elementTableRules));
const STRUCTURE: PracticalStructure = valid(validate(practicalStructureSchema, samplePracticalStructure(), practicalStructureRules));

function theoryBytes(extra: { secrecyMark?: string } = {}): Promise<Uint8Array> {
  return theoryElementTableXlsx({ occupationName: '制图员', occupationCode: '3-01-02-07', track: '机械', level: 4, table: SAMPLE, generatedAt: GENERATED_AT, ...extra });
}

const load = loadWorkbook;

/** The rows after which a page break is set (the sheet's manual row breaks). */
async function rowBreaks(bytes: Uint8Array): Promise<number[]> {
  const xml = (await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
}


const rowValues = (ws: ExcelJS.Worksheet, row: number, from = 1, to = ws.columnCount) =>
  Array.from({ length: to - from + 1 }, (_, i) => ws.getRow(row).getCell(from + i).value);


describe('templates/xlsx/element-table', () => {
  const tempDir = useTempDir();

  describe('#theoryElementTableXlsx', () => {
    it('puts the title, the header block and the three-row header above one row per 鉴定点, then 合计 and 填表人', async () => {
      const ws = sheetOf(await load(await theoryBytes()), THEORY_SHEET_NAME);
      expect(ws.getCell('A1').value).toBe('制图员（机械）四级/中级工 理论知识考核要素细目表');
      expect(ws.getCell('A2').value).toBe('职业：制图员　　职业编码：3-01-02-07　　方向：机械　　等级：四级/中级工　　鉴定方式：理论知识　　鉴定点数：113');
      expect(ws.columnCount).toBe(3 * 4 + 3);
      expect(rowValues(ws, 3)).toEqual([...Array<string>(12).fill('鉴定范围'), '鉴定点', '鉴定点', '鉴定点']);
      expect(rowValues(ws, 4, 1, 12)).toEqual(['一级', '二级', '三级'].flatMap((l) => Array<string>(4).fill(l)));
      // The national order, as in the docx: 代码 before 名称 (labels broken over two lines where the column is narrow).
      const flat = (v: ExcelJS.CellValue) => String(v).replace(/\s+/g, '');
      expect(rowValues(ws, 5).map(flat)).toEqual([...Array.from({ length: 3 }, () => ['代码', '名称', '鉴定比重(%)', '重要程度比例']).flat(), '代码', '名称', '重要程度']);
      const ratio = (path: string) => formatImportanceRatio(elementTableStats(SAMPLE).scopes.find((s) => s.path === path)?.counts ?? { X: 0, Y: 0, Z: 0 });
      expect(rowValues(ws, 6)).toEqual(['A', '基本要求', 25, ratio('A'), 'A', '职业道德', 5, ratio('A-A'), 'A', '职业道德基本知识', 2, ratio('A-A-A'), '001', '职业道德的基本概念', 'X']);
      expect(ratio('A-A-A')).toBe('(3:0:0)');
      // 113 rows of 鉴定点, then the 合计 (total weight, X:Y:Z, counts) and the 填表人 line, each over the whole width.
      const codes = Array.from({ length: 113 }, (_, i) => ws.getRow(6 + i).getCell(13).value);
      expect(codes.every((c) => typeof c === 'string' && /^\d{3}$/.test(c))).toBe(true);
      expect(ws.getCell(6 + 113, 1).value).toBe('合计　鉴定比重 100　重要程度比例 (92:16:5)　鉴定点 113 个：X 类 92 个（81.4%），Y 类 16 个（14.2%），Z 类 5 个（4.4%）');
      expect(ws.model.merges).toEqual(expect.arrayContaining([`A${String(6 + 113)}:O${String(6 + 113)}`, `A${String(6 + 114)}:O${String(6 + 114)}`]));
      expect(String(ws.getCell(6 + 114, 1).value)).toMatch(/^填表人：/);
    });

    it('writes every scope’s (X:Y:Z) as elementTableStats counts it', async () => {
      const ws = sheetOf(await load(await theoryBytes()), THEORY_SHEET_NAME);
      const stats = elementTableStats(SAMPLE);
      const written = new Map<string, string>();
      const codes: string[] = [];
      for (let r = 6; r < 6 + 113; r += 1) {
        for (let level = 1; level <= 3; level += 1) {
          const cell = ws.getRow(r).getCell((level - 1) * 4 + 1);
          if (cell.type === ExcelJS.ValueType.Merge) continue;
          codes.length = level - 1;
          codes.push(String(cell.value));
          written.set(codes.join('-'), String(ws.getRow(r).getCell((level - 1) * 4 + 4).value));
        }
      }
      expect(Object.fromEntries(written)).toEqual(Object.fromEntries(stats.scopes.map((s) => [s.path, formatImportanceRatio(s.counts)])));
      expect(stats.counts.X + stats.counts.Y + stats.counts.Z).toBe(113);
    });

    it('merges each 鉴定范围 cell over its rows on each page and breaks pages between 鉴定范围, never inside a merged cell', async () => {
      const bytes = await theoryBytes();
      const ws = sheetOf(await load(bytes), THEORY_SHEET_NAME);
      const breaks = await rowBreaks(bytes);
      expect(breaks.length).toBeGreaterThan(1);
      const merges = ws.model.merges.map((m) => /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m)).filter((m) => m !== null);
      for (const m of merges) {
        const top = Number(m[2]);
        const bottom = Number(m[4]);
        expect(breaks.filter((b) => top <= b && b < bottom), m[0]).toEqual([]);
      }
      // 一级 A spans its 25 鉴定点 in parts that tile its rows, one part per page, each naming it again.
      const stats = elementTableStats(SAMPLE);
      const a = stats.scopes.find((s) => s.path === 'A')?.total ?? 0;
      const parts = merges.filter((m) => m[1] === 'B' && m[3] === 'B' && Number(m[4]) <= 5 + a).map((m) => [Number(m[2]), Number(m[4])]);
      expect(parts[0]?.[0]).toBe(6);
      expect(parts.at(-1)?.[1]).toBe(5 + a);
      parts.slice(1).forEach(([top], i) => expect(top).toBe((parts[i]?.[1] ?? 0) + 1));
      for (const [top] of parts) expect(ws.getCell(top ?? 0, 2).value).toBe('基本要求');
      // Every page after the first begins with a 三级 鉴定范围 (the sample's fit on a page each).
      const leafStarts = new Set<number>();
      let row = 6;
      const visit = (nodes: TheoryElementTable['scopes']): void => {
        for (const n of nodes) {
          if ((n.children ?? []).length > 0) visit(n.children ?? []);
          else {
            leafStarts.add(row);
            row += Math.max(1, (n.elements ?? []).length);
          }
        }
      };
      visit(SAMPLE.scopes);
      for (const b of breaks) expect(leafStarts.has(b + 1), `row ${String(b + 1)} starts a 三级 鉴定范围`).toBe(true);
      expect(merges.some((m) => m[0] === 'A3:L3')).toBe(true);
      expect(merges.some((m) => m[0] === 'M4:M5')).toBe(true);
    });

    it('uses 黑体 for the title and headings, 宋体 with borders for the body', async () => {
      const ws = sheetOf(await load(await theoryBytes()), THEORY_SHEET_NAME);
      expect(ws.getCell('A1').font?.name).toBe('黑体');
      expect(ws.getCell('A5').font).toMatchObject({ name: '黑体', bold: true });
      expect(ws.getCell('N6').font?.name).toBe('宋体');
      for (const address of ['A5', 'N6', 'O118', 'L20']) expect(ws.getCell(address).border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    });

    it('prints on A4 landscape, one page wide, the header rows on every page, the mark once in the page header and in the footer', async () => {
      const ws = sheetOf(await load(await theoryBytes({ secrecyMark: '机密★启用前' })), THEORY_SHEET_NAME);
      expect(ws.getCell('A1').value).toBe('制图员（机械）四级/中级工 理论知识考核要素细目表');
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:5' });
      expect(ws.headerFooter.oddHeader).toContain('机密★启用前');
      expect(ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
      expect(ws.headerFooter.oddFooter).toContain('机密★启用前');
      const cells: unknown[] = [];
      ws.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
      expect(cells).not.toContain('机密★启用前');
      // Unmarked: nothing in the header, the page numbers alone in the footer.
      const plain = sheetOf(await load(await theoryBytes({ secrecyMark: '' })), THEORY_SHEET_NAME);
      expect(plain.headerFooter.oddHeader).toBeUndefined();
      expect(plain.headerFooter.oddFooter).toBe('&C&10&"宋体,Regular"第 &P 页 共 &N 页');
    });

    it('gives the same bytes for the same input', async () => {
      expect(Buffer.from(await theoryBytes()).equals(Buffer.from(await theoryBytes()))).toBe(true);
    });

    it('opens in LibreOffice and converts to PDF when LibreOffice is installed', async (ctx) => {
      const soffice = SOFFICE;
      const dir = tempDir();
      const xlsx = join(dir, '理论知识考核要素细目表.xlsx');
      writeFileSync(xlsx, await theoryBytes({ secrecyMark: '机密★启用前' }));
      writeFileSync(join(dir, 'structure.xlsx'), await practicalStructureXlsx({ occupationName: '制图员', occupationCode: '3-01-02-07', track: '机械', structure: STRUCTURE, generatedAt: GENERATED_AT }));
      writeFileSync(join(dir, 'template.xlsx'), await elementTableTemplateXlsx({ generatedAt: GENERATED_AT }));
      if (soffice === undefined) {
        ctx.skip();
        return;
      }
      const run = spawnSync(soffice, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx, join(dir, 'structure.xlsx'), join(dir, 'template.xlsx')], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status, run.stderr).toBe(0);
      for (const name of ['理论知识考核要素细目表.pdf', 'structure.pdf', 'template.pdf']) {
        const pdf = readFileSync(join(dir, name));
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      // 113 rows on A4 landscape need several pages; the header rows repeat on each.
      const pages = readFileSync(join(dir, '理论知识考核要素细目表.pdf')).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
      expect(pages.length).toBeGreaterThan(1);
    }, 180_000);
  });

  describe('#practicalStructureXlsx', () => {
    it('lays out 职业功能 as columns with 合计 and four rows per 级别', async () => {
      const ws = sheetOf(
        await load(await practicalStructureXlsx({ occupationName: '制图员', occupationCode: '3-01-02-07', track: '机械', structure: STRUCTURE, generatedAt: GENERATED_AT })),
        PRACTICAL_SHEET_NAME,
      );
      expect(ws.getCell('A1').value).toBe('制图员（机械） 技能考核内容结构表');
      expect(ws.getCell('A2').value).toBe('职业：制图员　　职业编码：3-01-02-07　　方向：机械　　鉴定方式：技能考核');
      expect(rowValues(ws, 3)).toEqual(['级别', '项目', '职业功能', '职业功能', '职业功能', '合计']);
      expect(rowValues(ws, 4, 3, 5)).toEqual(['绘制二维图', '绘制三维图', '图档管理']);
      expect(rowValues(ws, 5, 3, 5)).toEqual(['A', 'B', 'C']);
      expect(rowValues(ws, 6)).toEqual(['四级/中级工', '选考方式', '必考', '必考', '必考', '3项']);
      expect(rowValues(ws, 7, 2)).toEqual(['鉴定比重（%）', 60, 30, 10, 100]);
      expect(rowValues(ws, 8, 2)).toEqual(['考试时间（min）', 120, 60, 20, 200]);
      expect(rowValues(ws, 9, 2)).toEqual(['考核形式', '实操', '实操', '实操', '实操']);
      expect(ws.model.merges).toEqual(expect.arrayContaining(['A6:A9', 'C3:E3', 'F3:F5']));
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:5' });
    });

    it('marks modules a level does not assess with — and counts only the 选考 modules taken', async () => {
      const structure: PracticalStructure = valid(
        validate(
          practicalStructureSchema,
          {
            occupationCode: '3-01-02-07',
            modules: [
              { code: 'A', name: '甲' },
              { code: 'B', name: '乙' },
              { code: 'C', name: '丙' },
            ],
            levels: [
              {
                level: 3,
                selectCount: 1,
                entries: [
                  { module: 'A', mode: '必考', weight: 50, minutes: 60, form: '实操' },
                  { module: 'B', mode: '选考', weight: 50, minutes: 30, form: '笔试' },
                  { module: 'C', mode: '选考', weight: 50, minutes: 30, form: '笔试' },
                ],
              },
              { level: 5, entries: [{ module: 'A', mode: '必考', weight: 100, minutes: 60, form: '实操' }] },
            ],
          },
          practicalStructureRules,
        ),
      );
      const ws = sheetOf(await load(await practicalStructureXlsx({ occupationName: '制图员', occupationCode: '3-01-02-07', track: '', structure, generatedAt: GENERATED_AT })), PRACTICAL_SHEET_NAME);
      expect(ws.getCell('A1').value).toBe('制图员 技能考核内容结构表');
      expect(rowValues(ws, 6)).toEqual(['三级/高级工', '选考方式', '必考', '选考', '选考', '2项']);
      expect(rowValues(ws, 9, 6)).toEqual(['实操、笔试']);
      expect(rowValues(ws, 10)).toEqual(['五级/初级工', '选考方式', '必考', '—', '—', '1项']);
      // The program fixes the 选考 module of each set (rotated over the sets): the note says so, candidates do not choose.
      expect(String(ws.getCell('A15').value)).toContain('三级/高级工：每套试卷含全部必考项目和 1 项选考项目，选考项目由组卷时按套轮换确定，考生按所抽到的试卷考核，不自行选择');
      expect(String(ws.getCell('A15').value)).not.toContain('任选');
    });
  });

  describe('#elementTableTemplateXlsx', () => {
    it('has the theory layout with two example rows and a 填写说明 sheet', async () => {
      const workbook = await load(await elementTableTemplateXlsx({ generatedAt: GENERATED_AT }));
      expect(workbook.worksheets.map((s) => s.name)).toEqual([THEORY_SHEET_NAME, INSTRUCTIONS_SHEET_NAME]);
      const ws = sheetOf(workbook, THEORY_SHEET_NAME);
      expect(ws.getCell('A1').value).toBe('理论知识考核要素细目表');
      expect(ws.getCell('A2').value).toBe('职业：　　职业编码：　　方向：　　等级：　　鉴定方式：理论知识　　鉴定点数：2');
      expect(rowValues(ws, 6)).toEqual(['A', '基本要求', 25, '(1:0:0)', 'A', '职业道德', 25, '(1:0:0)', 'A', '职业道德基本知识', 25, '(1:0:0)', '001', '道德的概念（示例）', 'X']);
      expect(rowValues(ws, 7, 1, 4)).toEqual(['B', '相关知识', 75, '(0:1:0)']);
      expect(String(ws.getCell(8, 1).value)).toMatch(/^合计/);
      const help = sheetOf(workbook, INSTRUCTIONS_SHEET_NAME);
      expect(rowValues(help, 2)).toEqual(['序号', '说明']);
      expect(Array.from({ length: TEMPLATE_INSTRUCTIONS.length }, (_, i) => help.getRow(3 + i).getCell(2).value)).toEqual([...TEMPLATE_INSTRUCTIONS]);
    });

    it('names the occupation and level in the title when given', async () => {
      const ws = sheetOf(await load(await elementTableTemplateXlsx({ occupationName: '制图员', track: '建筑', level: 3, generatedAt: GENERATED_AT })), THEORY_SHEET_NAME);
      expect(ws.getCell('A1').value).toBe('制图员（建筑）三级/高级工 理论知识考核要素细目表');
    });
  });
});
