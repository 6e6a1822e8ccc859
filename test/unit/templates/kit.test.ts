import { describe, expect, it } from 'vitest';
import { blankFields, createDocument, estimateLines, packDocx, SIZES, table, tailStart, textEms, type TableSpec } from '../../../templates/docx/kit.js';
import { teamColumnWidths } from '../../../templates/docx/team-list.js';
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

describe('kit: widow rules and widths', () => {
  it('tailStart: the last blocks that take at least the lines asked, and at least two of them', () => {
    expect(tailStart([3, 3, 6, 2], 8)).toBe(2);
    expect(tailStart([3, 3, 2, 9], 8)).toBe(2);
    expect(tailStart([1, 1], 8)).toBe(0);
    expect(tailStart([], 8)).toBe(0);
  });

  it('estimateLines: CJK one em, Latin narrower, the first-line indent counted', () => {
    const width = 20 * SIZES.小四 * 10;
    expect(estimateLines('一'.repeat(20), SIZES.小四, width)).toBe(1);
    expect(estimateLines('一'.repeat(21), SIZES.小四, width)).toBe(2);
    expect(estimateLines('一'.repeat(19), SIZES.小四, width, 2)).toBe(2);
    expect(textEms('020-8000-0101')).toBeCloseTo(13 * 0.65);
  });

  it('blankFields: label and underscores, centred', async () => {
    const xml = await docxPart(await packDocx(createDocument({ mark: '', title: 't', children: [blankFields([{ label: '姓名', blank: 4 }, { label: '单位', blank: 2 }])] })));
    expect([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toBe('姓名____　　单位__');
    expect(xml).toContain('<w:jc w:val="center"/>');
  });

  it('teamColumnWidths: 职称, 职务 and 联系电话 as wide as their longest entry, 单位 and 备注 sharing the rest', () => {
    const member = { name: '张伟', unit: '样例职业技能评价中心', title: '高级工程师', position: '教研室主任', phone: '020-8000-0101', work: '命题' };
    const widths = teamColumnWidths([member, { ...member, title: '讲师', position: '教师' }]);
    const em = SIZES.五号 * 10;
    expect(widths[3]).toBeGreaterThanOrEqual(5 * em + 160);
    expect(widths[4]).toBeGreaterThanOrEqual(5 * em + 160);
    expect(widths[5]).toBeGreaterThanOrEqual(textEms(member.phone) * em + 160);
    expect(widths.reduce((a, w) => a + w, 0)).toBeCloseTo(11906 - 2 * 1247, -1);
  });
});
