import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseItemWorkbook } from '../../../../app/readers/xlsx/items.js';
import { png } from '../../../fixtures/hostile/corpus.js';
import { bytesOf, messages, NOTICE_HEADER, PRACTICAL_HEADER, raws, RUBRIC_HEADER, writeRows } from './fixtures.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Two tasks; pictures pasted over rows 2 and 3 of 技能考核试题 (and one over the header row). */
async function workbookWithPictures(pictures: { row: number; col: number; bytes: Uint8Array; extension: 'png' | 'jpeg' }[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  writeRows(workbook.addWorksheet('技能考核试题'), 1, [
    PRACTICAL_HEADER,
    ['A', '绘制零件图', 60, 120, '实操', '说明', '1. 视图', '附图说明：轴承座正等轴测图'],
    ['B', '建模', 40, 60, '实操', '说明', '1. 建模', ''],
  ]);
  writeRows(workbook.addWorksheet('评分标准'), 1, [RUBRIC_HEADER, ['绘制零件图', '视图', '正确', 60, '错一处扣 2 分', null], ['建模', '建模', '正确', 40, '错一处扣 2 分', null]]);
  writeRows(workbook.addWorksheet('考场准备'), 1, [NOTICE_HEADER]);
  writeRows(workbook.addWorksheet('考生准备'), 1, [NOTICE_HEADER]);
  const sheet = workbook.getWorksheet('技能考核试题')!;
  for (const p of pictures) {
    const id = workbook.addImage({ buffer: Buffer.from(p.bytes) as unknown as ExcelJS.Buffer, extension: p.extension });
    sheet.addImage(id, { tl: { col: p.col, row: p.row - 1 + 0.2 }, ext: { width: 120, height: 80 } });
  }
  return bytesOf(workbook);
}

describe('readers/xlsx/row-images', () => {
  it('gives each task the pictures anchored in its row, once each, left to right', async () => {
    const a = png(30, 20);
    const b = png(40, 20);
    const parsed = await parseItemWorkbook(
      await workbookWithPictures([
        { row: 2, col: 9, bytes: b, extension: 'png' },
        { row: 2, col: 8, bytes: a, extension: 'png' },
        { row: 3, col: 8, bytes: a, extension: 'png' },
      ]),
      { contentHash: sha },
    );
    expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(raws(parsed).map((r) => r.images)).toEqual([[sha(a), sha(b)], [sha(a)]]);
    expect(parsed.images.map((i) => [i.sha256, i.contentType])).toEqual([
      [sha(a), 'image/png'],
      [sha(b), 'image/png'],
    ]);
    // Without a content hash the pictures are not read.
    const plain = await parseItemWorkbook(await workbookWithPictures([{ row: 2, col: 8, bytes: a, extension: 'png' }]));
    expect(raws(plain)[0]?.images).toBeUndefined();
    expect(plain.images).toEqual([]);
  });

  it('makes a picture that is not what it claims a problem of its row, so the task is not imported without it', async () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]);
    const parsed = await parseItemWorkbook(await workbookWithPictures([{ row: 2, col: 8, bytes: elf, extension: 'png' }]), { contentHash: sha });
    expect(messages(parsed.rows[0])).toEqual([expect.stringMatching(/^图片: 图片 技能考核试题!2：图片内容不是可识别的/)]);
    expect(parsed.rows[1]?.problems).toEqual([]);
    expect(parsed.images).toEqual([]);
  });
});
