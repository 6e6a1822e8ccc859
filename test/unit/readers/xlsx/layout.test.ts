/**
 * The layout the pre-scan finds by the package's relationships (not by part names), and the workbook
 * exceljs is handed: parts under other names, absolute and percent-escaped targets, chart sheets, a
 * Word file, worksheets away from xl/worksheets/ still held to the sheet bounds.
 */
import { describe, expect, it } from 'vitest';
import { ReaderLimitError } from '../../../../app/readers/errors.js';
import { withLimits } from '../../../../app/readers/limits.js';
import { loadWorkbook } from '../../../../app/readers/xlsx/cells.js';
import { checkXlsxPackage, resolveTarget } from '../../../../app/readers/xlsx/package.js';
import { zipOf, type RawEntry } from '../../../fixtures/hostile/zip-writer.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const rels = (items: readonly [string, string, string][]) =>
  `${HEAD}<Relationships xmlns="${PKG}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
const sheet = (rows: number, extra = '') =>
  `${HEAD}<worksheet xmlns="${SML}" xmlns:r="${R}"><sheetData>${Array.from({ length: rows }, (_, k) => `<row r="${k + 1}"><c r="A${k + 1}" t="inlineStr"><is><t>行${k + 1}</t></is></c></row>`).join('')}</sheetData>${extra}</worksheet>`;

/** A workbook laid out the way another program might: main part, sheets and comments under other names, absolute targets. */
function oddWorkbook(extra: readonly RawEntry[] = [], rows = 3): Uint8Array {
  return zipOf([
    { name: '[Content_Types].xml', data: `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>` },
    { name: '_rels/.rels', data: rels([['r1', 'officeDocument', '/book/main.xml']]) },
    {
      name: 'book/main.xml',
      data: `${HEAD}<x:workbook xmlns:x="${SML}" xmlns:rel="${R}"><x:sheets><x:sheet name="图表" sheetId="3" rel:id="c"/><x:sheet name="理论 &amp; 技能" sheetId="7" rel:id="s1"/><x:sheet name="隐藏" sheetId="9" state="hidden" rel:id="s2"/></x:sheets></x:workbook>`,
    },
    {
      name: 'book/_rels/main.xml.rels',
      data: rels([
        ['c', 'chartsheet', 'charts/c1.xml'],
        ['s1', 'worksheet', '/book/data/%E7%AC%AC%E4%B8%80.xml'],
        ['s2', 'worksheet', './data/../data/two.xml'],
      ]),
    },
    { name: 'book/charts/c1.xml', data: `${HEAD}<chartsheet xmlns="${SML}"/>` },
    { name: 'book/data/第一.xml', data: sheet(rows, '<legacyDrawing r:id="n1"/>') },
    { name: 'book/data/_rels/第一.xml.rels', data: rels([['n1', 'vmlDrawing', '/book/notes/v1.vml'], ['n2', 'comments', '/book/notes/c1.xml']]) },
    { name: 'book/notes/c1.xml', data: '<comments><commentList><comment ref="A1"><text></comment></text></commentList></comments>' },
    { name: 'book/data/two.xml', data: sheet(1) },
    ...extra,
  ]);
}

describe('readers/xlsx layout', () => {
  it('resolves relationship targets: relative, absolute, `..`, percent-escaped', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '/xl/comments/comment1.xml')).toBe('xl/comments/comment1.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(resolveTarget('a/b.xml', '%E7%AC%AC%E4%B8%80.xml')).toBe('a/第一.xml');
  });

  it('finds the workbook, its sheets in order and their parts by the relationships', () => {
    const pkg = checkXlsxPackage(oddWorkbook());
    expect(pkg.workbook).toBe('book/main.xml');
    expect(pkg.sheets).toEqual([
      { name: '图表', state: '', part: undefined },
      { name: '理论 & 技能', state: '', part: 'book/data/第一.xml' },
      { name: '隐藏', state: 'hidden', part: 'book/data/two.xml' },
    ]);
    expect([...pkg.parts.keys()].sort()).toEqual(['book/data/two.xml', 'book/data/第一.xml']);
  });

  it('loads such a workbook with exceljs: the worksheets under their names and states, the comments left out', async () => {
    const loaded = await loadWorkbook(oddWorkbook(), {}, '不是 xlsx');
    if (typeof loaded === 'string') throw new Error(loaded);
    expect(loaded.workbook.worksheets.map((w) => [w.name, w.state, w.getCell('A3').text])).toEqual([
      ['理论 & 技能', 'visible', '行3'],
      ['隐藏', 'hidden', ''],
    ]);
  });

  it('holds a worksheet away from xl/worksheets/ to the sheet bounds', () => {
    expect(() => checkXlsxPackage(oddWorkbook([], 11), withLimits({ sheetRows: 10 }))).toThrow(ReaderLimitError);
  });

  it('takes a package without a workbook for what it is not', async () => {
    const word = zipOf([
      { name: '_rels/.rels', data: rels([['r1', 'officeDocument', 'word/document.xml']]) },
      { name: 'word/document.xml', data: `${HEAD}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>` },
    ]);
    expect(checkXlsxPackage(word).workbook).toBeUndefined();
    expect(await loadWorkbook(word, {}, '不是 xlsx')).toBe('不是 xlsx');
  });
});
