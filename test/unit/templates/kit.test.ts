import { describe, expect, it } from 'vitest';
import { createDocument, packDocx, table, type TableSpec } from '../../../templates/docx/kit.js';
import { docxPart } from '../../helpers/office.js';

/** The table's rows as lists of cells: text, gridSpan and vMerge of each. */
async function tableCells(spec: TableSpec): Promise<{ xml: string; rows: { text: string; span: number; merge: string }[][] }> {
  const xml = await docxPart(await packDocx(createDocument({ mark: '机密★启用前', title: 't', children: [table(spec)] })));
  const rows = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((row) =>
    [...(row[1] ?? '').matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((cell) => {
      const body = cell[1] ?? '';
      return {
        text: [...body.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
        span: Number(/<w:gridSpan w:val="(\d+)"/.exec(body)?.[1] ?? '1'),
        merge: /<w:vMerge w:val="(\w+)"/.exec(body)?.[1] ?? (body.includes('<w:vMerge/>') ? 'continue' : ''),
      };
    }),
  );
  return { xml, rows };
}

describe('kit.table', () => {
  it('merges cells over rows and columns, as in HTML', async () => {
    const { rows } = await tableCells({
      widths: [1, 1, 1],
      rows: [
        ['代码', '名称', '比重'],
        [{ text: 'A', rowSpan: 2 }, { text: '基本要求', colSpan: 2 }],
        ['职业道德', '5'],
        ['B', '基础知识', '20'],
      ],
    });
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([['代码', '名称', '比重'], ['A', '基本要求'], ['', '职业道德', '5'], ['B', '基础知识', '20']]);
    expect(rows[1]?.map((c) => [c.span, c.merge])).toEqual([
      [1, 'restart'],
      [2, ''],
    ]);
    expect(rows[2]?.[0]?.merge).toBe('continue');
    expect(rows[3]?.[0]?.merge).toBe('');
  });

  it('repeats header rows, never splits a row and keeps the chosen rows with the next', async () => {
    const { xml } = await tableCells({
      widths: [1, 1],
      headerRows: 1,
      rows: [['a', 'b'], ['1', '2'], ['3', '4']],
      keepNext: (r) => r === 1,
      minHeights: { 2: 600 },
    });
    const trs = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1] ?? '');
    expect(trs.map((tr) => tr.includes('<w:cantSplit/>'))).toEqual([true, true, true]);
    expect(trs.map((tr) => tr.includes('<w:tblHeader/>'))).toEqual([true, false, false]);
    expect(trs.map((tr) => tr.includes('<w:keepNext/>'))).toEqual([false, true, false]);
    expect(trs[2]).toMatch(/<w:trHeight w:val="600" w:hRule="atLeast"\/>/);
  });

  it('refuses a row whose cells do not fill the columns, naming the row', () => {
    expect(() => table({ widths: [1, 1, 1], rows: [['a', 'b']] })).toThrow(/row 0 has too few cells/);
    expect(() => table({ widths: [1, 1], rows: [['a', 'b', 'c']] })).toThrow(/row 0 has too many cells/);
    expect(() => table({ widths: [1, 1], rows: [[{ text: 'a', rowSpan: 2 }, 'b'], ['c', 'd']] })).toThrow(/row 1 has too many cells/);
  });
});
