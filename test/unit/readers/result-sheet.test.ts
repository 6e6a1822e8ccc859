/** The answer sheet reader's field splitting and the column mapping (which column is the candidate, which are personal). */
import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../../app/domain/analysis/columns.js';
import { readResultSheet, splitCsv } from '../../../app/readers/results/sheet.js';

describe('answer sheets', () => {
  it('splits CSV with RFC 4180 quoting, and TSV', () => {
    expect(splitCsv('A001,"A,B,D",√, 12 ')).toEqual(['A001', 'A,B,D', '√', '12']);
    expect(splitCsv('"he said ""C""",x')).toEqual(['he said "C"', 'x']);
    expect(splitCsv('A001\tA,B\t√')).toEqual(['A001', 'A,B', '√']);
    expect(splitCsv('a,,b,')).toEqual(['a', '', 'b', '']);
  });

  it('takes the most specific candidate column, never reads personal ones, and names what does not fit', () => {
    const c = mapColumns(['序号', '姓名', '准考证号', '身份证号', '第1题', '2', '3题', '备注'], [1, 2, 3]);
    expect(c.candidate).toBe(2);
    expect([...c.items]).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(c.personal).toEqual(['姓名', '身份证号']);
    expect(c.ignored).toEqual(['序号', '备注']);
    expect(c.problems).toEqual([]);
    expect(mapColumns(['考号', '1', '1', '4'], [1, 2, 3]).problems).toEqual(['表头“1”：第 1 题的列重复', '表头“4”：试卷没有第 4 题（共 3 题）', '缺少第 2、3 题的列（表头应为题号 1、2、3 …）']);
    expect(mapColumns(['1', '2'], [1, 2]).candidate).toBeNull();
  });

  it('reads a CSV sheet and refuses one without rows, in Chinese', async () => {
    const sheet = await readResultSheet(new TextEncoder().encode('\uFEFF考号,1,2\r\nA1,"A,B",√\r\n\r\nA2,C,×\r\n'));
    expect(sheet.header).toEqual(['考号', '1', '2']);
    expect(sheet.rows).toEqual([
      { line: 2, cells: ['A1', 'A,B', '√'] },
      { line: 4, cells: ['A2', 'C', '×'] },
    ]);
    await expect(readResultSheet(new TextEncoder().encode('考号,1,2\n'))).rejects.toThrow('考试结果文件未导入：文件中没有表头和数据行');
  });
});
