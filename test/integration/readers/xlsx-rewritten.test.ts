/**
 * Workbooks made from our templates and saved again by the programs writers use — openpyxl (scripts),
 * LibreOffice Calc — read exactly as the originals: every row, every picture over a row, the 细目表 and
 * the 内容结构表. Parts the import never reads (comments, VML) cannot stop it; a part it needs that the
 * spreadsheet library cannot read is named in the refusal, and nothing of the file is read.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleElementTable, samplePracticalStructure } from '../../../app/demo/sample-bank.js';
import { parsePracticalStructureXlsx } from '../../../app/readers/element-table/practical.js';
import { parseTheoryElementTableXlsx } from '../../../app/readers/element-table/theory.js';
import { sniffImage } from '../../../app/readers/images.js';
import { itemReaderMessages } from '../../../app/readers/items/messages.js';
import { parseItemWorkbook, type ParsedWorkbook } from '../../../app/readers/xlsx/items.js';
import { elementTableTemplateXlsx, practicalStructureXlsx } from '../../../templates/xlsx/element-table/index.js';
import { ITEM_TEMPLATE_SHEETS, itemTemplateXlsx } from '../../../templates/xlsx/item-template.js';
import { png } from '../../fixtures/hostile/corpus.js';
import { SOFFICE } from '../../helpers/office.js';
import { libreOfficeResave, NO_OPENPYXL, NO_OPENPYXL_PICTURES, NO_SOFFICE, OPENPYXL_PICTURES, OPENPYXL_PYTHON, openpyxlResave } from '../../helpers/resave.js';
import { exportTheory, GENERATED_AT, validStructure, validTable } from '../../unit/readers/element-table/fixtures.js';
import { filledTemplate, samplePractical, sampleTheory } from '../../unit/readers/xlsx/fixtures.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const read = (bytes: Uint8Array) => parseItemWorkbook(bytes, { contentHash: sha });
/** What the import takes from a workbook: per row its sheet, row, values and problems; the pictures' hashes. */
const rowsOf = (p: ParsedWorkbook) => p.rows.map((r) => ({ sheet: r.sheet, row: r.row, kind: r.kind, raw: r.raw, problems: r.problems }));
const withoutImages = ({ raw, ...r }: ReturnType<typeof rowsOf>[number]) => ({ ...r, raw: { ...(raw as object), images: undefined } });
const messagesOf = (p: { problems: readonly { message: string }[] }) => p.problems.map((x) => x.message);
const PICTURE = png(64, 48);

/** The item template filled with 40 theory items and 2 tasks, a picture over the first task's row. */
async function itemWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await filledTemplate(sampleTheory().slice(0, 40), samplePractical().slice(0, 2))).slice().buffer);
  const id = workbook.addImage({ buffer: Buffer.from(PICTURE) as unknown as ExcelJS.Buffer, extension: 'png' });
  workbook.getWorksheet(ITEM_TEMPLATE_SHEETS.practical)!.addImage(id, { tl: { col: 8, row: 1.1 }, ext: { width: 64, height: 48 } });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const practicalBase = { occupationName: '制图员', occupationCode: '3-01-02-07', track: '机械', generatedAt: GENERATED_AT };

/** Replaces (or, with `undefined`, removes) parts of a package. */
async function withParts(bytes: Uint8Array, parts: Record<string, string | undefined>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, data] of Object.entries(parts)) {
    if (data === undefined) zip.remove(name);
    else zip.file(name, data);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(name);
  if (file === null) throw new Error(`${name} not in the package`);
  return file.async('string');
}

describe('xlsx import of re-saved workbooks', () => {
  let items: Uint8Array;
  let original: ParsedWorkbook;
  beforeAll(async () => {
    items = await itemWorkbook();
    original = await read(items);
  });

  it('reads the filled template itself: 40 theory rows, 2 tasks, the picture over its row', () => {
    expect(original.problems).toEqual([]);
    expect(original.rows.filter((r) => r.kind === 'theory')).toHaveLength(40);
    expect(original.rows.filter((r) => r.kind === 'practical')).toHaveLength(2);
    expect(original.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(original.images.map((i) => i.sha256)).toEqual([sha(PICTURE)]);
  });

  describe(`openpyxl (${OPENPYXL_PYTHON ?? NO_OPENPYXL})`, () => {
    it.skipIf(OPENPYXL_PYTHON === undefined)('loads the template openpyxl re-saved (comments rewritten) with every row', async () => {
      const resaved = openpyxlResave(items);
      // openpyxl writes its comment parts under other names with absolute targets: the cause of the old refusal.
      expect(Object.keys((await JSZip.loadAsync(resaved)).files).filter((n) => /comment/i.test(n))).toEqual(
        expect.arrayContaining([expect.stringMatching(/^xl\/comments\/comment\d\.xml$/), expect.stringMatching(/^xl\/drawings\/commentsDrawing\d\.vml$/)]),
      );
      const parsed = await read(resaved);
      expect(parsed.problems).toEqual([]);
      // openpyxl drops pictures it did not make itself; the rows are the same.
      expect(rowsOf(parsed).map(withoutImages)).toEqual(rowsOf(original).map(withoutImages));
    });

    it.skipIf(!OPENPYXL_PICTURES)(`reads a picture an openpyxl script inserts over a row${OPENPYXL_PICTURES ? '' : ` (${NO_OPENPYXL_PICTURES})`}`, async () => {
      // A writer's script inserts a picture over the second task (openpyxl writes drawings without the xdr: prefix).
      const script = [
        'from openpyxl.drawing.image import Image',
        `ws = wb[${JSON.stringify(ITEM_TEMPLATE_SHEETS.practical)}]`,
        'ws.add_image(Image(sys.argv[3]), "J3")',
      ].join('\n');
      const dir = mkdtempSync(join(tmpdir(), 'qbank-picture-'));
      const picture = join(dir, 'figure.png');
      writeFileSync(picture, PICTURE);
      const withPicture = openpyxlResave(items, script, [picture]);
      rmSync(dir, { recursive: true, force: true });
      expect(await partText(withPicture, 'xl/drawings/drawing1.xml')).toMatch(/^<wsDr xmlns="http:\/\/schemas\.openxmlformats\.org\/drawingml\/2006\/spreadsheetDrawing">/);
      const pictured = await read(withPicture);
      expect(pictured.problems).toEqual([]);
      const tasks = pictured.rows.filter((r) => r.kind === 'practical');
      expect(tasks.map((r) => [r.row, (r.raw as { images?: string[] }).images?.length ?? 0])).toEqual([
        [2, 0],
        [3, 1],
      ]);
      expect(tasks.flatMap((r) => r.problems)).toEqual([]);
      expect(pictured.images).toHaveLength(1);
    });

    it.skipIf(OPENPYXL_PYTHON === undefined)('reads the 细目表 and the 内容结构表 openpyxl re-saved as the originals, and their blank template', async () => {
      const theory = await exportTheory(validTable(sampleElementTable()));
      const practical = await practicalStructureXlsx({ ...practicalBase, structure: validStructure(samplePracticalStructure()) });
      const template = await elementTableTemplateXlsx({ generatedAt: GENERATED_AT });
      expect(await parseTheoryElementTableXlsx(openpyxlResave(theory))).toEqual(await parseTheoryElementTableXlsx(theory));
      expect(await parsePracticalStructureXlsx(openpyxlResave(practical))).toEqual(await parsePracticalStructureXlsx(practical));
      const blank = await parseTheoryElementTableXlsx(template);
      expect(await parseTheoryElementTableXlsx(openpyxlResave(template))).toEqual(blank);
      expect(messagesOf(blank).join()).not.toMatch(/不是有效的 Excel/);
    });
  });

  describe(`LibreOffice Calc (${SOFFICE ?? NO_SOFFICE})`, () => {
    it.skipIf(SOFFICE === undefined)(
      'reads the template, the 细目表 and the 内容结构表 re-saved by Calc as the originals, pictures included',
      async () => {
        const theory = await exportTheory(validTable(sampleElementTable()));
        const practical = await practicalStructureXlsx({ ...practicalBase, structure: validStructure(samplePracticalStructure()) });
        const template = await elementTableTemplateXlsx({ generatedAt: GENERATED_AT });
        const [calcItems, calcTheory, calcPractical, calcTemplate] = libreOfficeResave([items, theory, practical, template]) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
        const parsed = await read(calcItems);
        expect(parsed.problems).toEqual([]);
        // Calc writes the picture anew (other bytes, same picture): the row has one, of the same size.
        const pictures = parsed.rows.map((r) => (r.raw as { images?: string[] }).images?.length ?? 0);
        expect(rowsOf(parsed).map(withoutImages)).toEqual(rowsOf(original).map(withoutImages));
        expect(pictures).toEqual(original.rows.map((r) => (r.raw as { images?: string[] }).images?.length ?? 0));
        expect(parsed.images.map((i) => sniffImage(i.bytes))).toEqual([expect.objectContaining({ format: 'png', width: 64, height: 48 })]);
        expect(await parseTheoryElementTableXlsx(calcTheory)).toEqual(await parseTheoryElementTableXlsx(theory));
        expect(await parsePracticalStructureXlsx(calcPractical)).toEqual(await parsePracticalStructureXlsx(practical));
        expect(messagesOf(await parseTheoryElementTableXlsx(calcTemplate))).toEqual(messagesOf(await parseTheoryElementTableXlsx(template)));
      },
      240_000,
    );
  });

  describe('parts the import does not read, and parts it cannot', () => {
    it('imports a workbook whose comments are damaged or missing: comments are never read', async () => {
      const commentParts = Object.keys((await JSZip.loadAsync(items)).files).filter((n) => /^xl\/comments\d+\.xml$/.test(n));
      expect(commentParts.length).toBeGreaterThan(0);
      const first = commentParts[0] as string;
      // End tags crossed: balanced for the pre-scan, not well-formed XML for the spreadsheet library.
      const crossed = await withParts(items, { [first]: '<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><commentList><comment ref="A1"><text></comment></text></commentList></comments>' });
      const before = new ExcelJS.Workbook();
      await expect(before.xlsx.load(crossed.slice().buffer)).rejects.toThrow();
      expect(rowsOf(await read(crossed))).toEqual(rowsOf(original));
      // The relationship names a comments part that is not in the package.
      const missing = await withParts(items, Object.fromEntries(commentParts.map((n) => [n, undefined])));
      expect(rowsOf(await read(missing))).toEqual(rowsOf(original));
    });

    it('names the worksheet, the shared strings or the drawing that cannot be read, and reads nothing of the file', async () => {
      const theorySheet = await partText(items, 'xl/worksheets/sheet2.xml');
      expect(theorySheet).toContain('<sheetData>');
      const broken = theorySheet.replace(/<\/row>/, '</c></row><c>');
      const sheet = await read(await withParts(items, { 'xl/worksheets/sheet2.xml': broken }));
      expect(sheet.rows).toEqual([]);
      expect(messagesOf(sheet)).toEqual([
        expect.stringMatching(new RegExp(`^${itemReaderMessages.notXlsx}：xl/worksheets/sheet2\\.xml（工作表“${ITEM_TEMPLATE_SHEETS.theory}”） 无法读取（.+），请用 Excel 或 WPS 打开后另存为 \\.xlsx 再导入$`)),
      ]);

      const strings = await partText(items, 'xl/sharedStrings.xml');
      const shared = await read(await withParts(items, { 'xl/sharedStrings.xml': strings.replace('</si>', '</t></si><t>') }));
      expect(messagesOf(shared)).toEqual([expect.stringMatching(/：xl\/sharedStrings\.xml 无法读取（.+）/)]);

      const drawing = await read(await withParts(items, { 'xl/drawings/drawing1.xml': (await partText(items, 'xl/drawings/drawing1.xml')).replace('</xdr:from>', '</xdr:to>') }));
      expect(messagesOf(drawing)).toEqual([expect.stringMatching(/：xl\/drawings\/drawing1\.xml 不是格式正确的 XML（.+）$/)]);
      expect(drawing.rows).toEqual([]);
    });

    it('refuses a workbook whose sheet or picture part is missing, naming it', async () => {
      const noSheet = await read(await withParts(items, { 'xl/worksheets/sheet2.xml': undefined }));
      expect(messagesOf(noSheet)).toEqual([`${itemReaderMessages.notXlsx}：工作表“${ITEM_TEMPLATE_SHEETS.theory}”的部件 xl/worksheets/sheet2.xml 不存在，文件不完整或已损坏`]);
      const media = Object.keys((await JSZip.loadAsync(items)).files).find((n) => /^xl\/media\/.+\.png$/.test(n)) as string;
      const noPicture = await read(await withParts(items, { [media]: undefined }));
      expect(messagesOf(noPicture)).toEqual([expect.stringContaining(`工作表“${ITEM_TEMPLATE_SHEETS.practical}”的图片的部件 ${media} 不存在`)]);
    });
  });
});

describe('the blank item template', () => {
  it('still reads as a workbook with its sheets and no rows', async () => {
    const blank = await itemTemplateXlsx({ occupation: '制图员', level: '四级/中级工', generatedAt: GENERATED_AT, elementCodes: [{ code: 'A-A-A-001', name: '甲' }] });
    const parsed = await read(blank);
    expect(parsed.rows).toEqual([]);
    expect(messagesOf(parsed).join()).not.toMatch(/不是有效的 Excel/);
  });
});
