import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../crypto/digest.js';
import { openDocxPackage, readDocxImages } from '../../../../app/readers/docx/package.js';
import { ReaderLimitError } from '../../../../app/readers/errors.js';
import { DEFAULT_LIMITS, withLimits } from '../../../../app/readers/limits.js';
import { parseItemDocx } from '../../../../app/readers/docx/items.js';
import { parseItemWorkbook } from '../../../../app/readers/xlsx/items.js';
import { docx, GIF, itemParagraphs, para, picture, png, worksheet, xlsx } from '../../../fixtures/hostile/corpus.js';

describe('readers/docx/package', () => {
  describe('#openDocxPackage', () => {
    it('finds the main part and its relationships, and hands on the scanned XML', () => {
      const pkg = openDocxPackage(docx({ body: para('1. 甲') + picture('rId10'), media: [{ id: 'rId10', name: 'image1.png', bytes: png(2, 2) }] }));
      expect(pkg.mainPart).toBe('word/document.xml');
      expect(pkg.xml).toContain('1. 甲');
      expect(pkg.rels.get('rId10')).toEqual({ target: 'media/image1.png', external: false, type: 'image' });
    });

    it('bounds the paragraphs of the main part', () => {
      const bytes = docx({ body: para('甲').repeat(11) });
      expect(() => openDocxPackage(bytes, withLimits({ paragraphs: 10 }))).toThrow(ReaderLimitError);
      expect(() => openDocxPackage(bytes, withLimits({ paragraphs: 10 }))).toThrow('word/document.xml：文档段落数超过上限 10 段（实际 11 段）');
    });
  });

  describe('#readDocxImages', () => {
    it('keeps accepted images once each and gives the others a problem for their item', () => {
      const pkg = openDocxPackage(
        docx({
          body: picture('rId1') + picture('rId2') + picture('rId3'),
          media: [
            { id: 'rId1', name: 'a.png', bytes: png(2, 2) },
            { id: 'rId2', name: 'b.gif', bytes: GIF },
            { id: 'rId3', name: 'c.png', bytes: png(2, 2) },
          ],
        }),
      );
      const { byId, images } = readDocxImages(pkg, new Set(['rId1', 'rId2', 'rId3', 'rId9', 'link:rId4']), sha256Hex, DEFAULT_LIMITS);
      expect(images.map((i) => i.contentType)).toEqual(['image/png']);
      expect(byId.get('rId1')).toBe(images[0]?.sha256);
      expect(byId.get('rId3')).toBe(images[0]?.sha256);
      expect(byId.get('rId2')).toMatchObject({ message: expect.stringContaining('图片 word/media/b.gif：GIF 图片不能导入') });
      expect(byId.get('rId9')).toMatchObject({ message: '找不到图片（关系 rId9）' });
      expect(byId.get('link:rId4')).toMatchObject({ message: expect.stringContaining('链接到外部文件') });
    });
  });

  describe('time budget of a whole file', () => {
    it('stops reading a Word document or a workbook once the budget is spent, naming the bound', async () => {
      let t = 0;
      const clock = () => (t += 20_000);
      const word = await parseItemDocx(docx({ body: itemParagraphs('A-B-A-001') }), { clock, contentHash: sha256Hex });
      expect(word.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^单个文件的读取时间超过上限 30 秒（实际 \d+(\.\d)? 秒），文件未读取$/)]);
      expect(word.rows).toEqual([]);
      t = 0;
      const book = await parseItemWorkbook(xlsx(worksheet('<row r="1"><c r="A1"><v>1</v></c></row>')), { clock });
      expect(book.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^单个文件的读取时间超过上限 30 秒/)]);
    });
  });
});
