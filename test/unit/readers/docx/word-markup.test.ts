import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { itemReaderMessages } from '../../../../app/readers/items/messages.js';
import { docxOf, nationalPaperLayout, parseDocx, PNG, raws, rowMessages, someOfEach } from './fixtures.js';

describe('readers/docx/items on damaged files and hand-written WordprocessingML', () => {
  describe('#parseItemDocx on damaged files', () => {
    it('never throws for a document with bytes overwritten here and there', async () => {
      const bytes = await docxOf(nationalPaperLayout(someOfEach(10)));
      let seed = 20261124;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
      for (let round = 0; round < 60; round++) {
        const damaged = bytes.slice();
        for (let k = 0; k < 1 + (round % 8); k++) damaged[next() % damaged.length] = next() % 256;
        const parsed = await parseDocx(damaged);
        expect(Array.isArray(parsed.rows) && Array.isArray(parsed.problems)).toBe(true);
      }
    });
  });

  describe('#parseItemDocx on hand-written WordprocessingML', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

    /** A minimal package around a body, with one embedded PNG (rId7) and one linked image (rId8). */
    async function handMade(body: string, options: { mainPart?: string } = {}): Promise<Uint8Array> {
      const main = options.mainPart ?? 'word/document.xml';
      const zip = new JSZip();
      zip.file(
        '[Content_Types].xml',
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
          `<Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      );
      zip.file(
        '_rels/.rels',
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${R}/officeDocument" Target="${main}"/></Relationships>`,
      );
      const dir = main.slice(0, main.lastIndexOf('/'));
      const name = main.slice(main.lastIndexOf('/') + 1);
      zip.file(
        `${dir}/_rels/${name}.rels`,
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId7" Type="${R}/image" Target="media/figure.png"/>` +
          `<Relationship Id="rId8" Type="${R}/image" Target="file:///C:/figures/part.png" TargetMode="External"/></Relationships>`,
      );
      zip.file(`${dir}/media/figure.png`, PNG);
      zip.file(
        main,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}" ` +
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" ' +
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
          `mc:Ignorable="wps"><w:body>${body}</w:body></w:document>`,
      );
      return zip.generateAsync({ type: 'uint8array' });
    }

    const p = (inner: string) => `<w:p>${inner}</w:p>`;
    const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

    it('reads Wingdings check marks, tabs, tab stops and tracked deletions as Word shows them', async () => {
      const parsed = await parseDocx(
        await handMade(
          p(r('判断题')) +
            p(`<w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${r('1.（')}<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>${r('）图线')}<w:del w:id="1" w:author="审核"><w:r><w:delText>不</w:delText></w:r></w:del>${r('分粗细。')}`) +
            p(`${r('2.（')}<w:r><w:sym w:font="Wingdings" w:char="F0FB"/></w:r>${r('）比例')}<w:r><w:tab/></w:r>${r('是数值。')}`),
        ),
      );
      expect(raws(parsed).map((x) => [x.stem, x.key])).toEqual([
        ['图线分粗细。', true],
        ['比例 是数值。', false],
      ]);
    });

    it('reads the content of mc:Choice once and skips mc:Fallback', async () => {
      const box = (text: string) => `<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>${text}</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>${text}</w:t></w:r></mc:Fallback></mc:AlternateContent>`;
      const parsed = await parseDocx(await handMade(p(r('判断题')) + p(`${r('1.（√）')}${box('图框用粗实线')}${r('绘制。')}`)));
      expect(raws(parsed)[0]?.stem).toBe('图框用粗实线绘制。');
    });

    it('takes images embedded through DrawingML and VML, reports linked ones, and finds a main part not called document.xml', async () => {
      const blip = (attr: string) => `<w:r><w:drawing><a:graphic><a:graphicData><a:blip ${attr}/></a:graphicData></a:graphic></w:drawing></w:r>`;
      const parsed = await parseDocx(
        await handMade(
          p(r('单项选择题')) +
            p(`${r('1. 图示（ ）。')}${blip('r:embed="rId7"')}`) +
            p(r('A、一 B、二 C、三 D、四')) +
            p(r('答案：A')) +
            p(`${r('2. 图示（ ）。')}<w:r><w:pict><v:shape><v:imagedata r:id="rId7"/></v:shape></w:pict></w:r>`) +
            p(r('A、一 B、二 C、三 D、四')) +
            p(r('答案：B')) +
            p(`${r('3. 图示（ ）。')}${blip('r:link="rId8"')}`) +
            p(r('A、一 B、二 C、三 D、四')) +
            p(r('答案：C')),
          { mainPart: 'word/document2.xml' },
        ),
      );
      const sha256 = createHash('sha256').update(PNG).digest('hex');
      expect(parsed.images.map((i) => [i.sha256, i.contentType])).toEqual([[sha256, 'image/png']]);
      expect(raws(parsed).map((x) => x.images)).toEqual([[sha256], [sha256], []]);
      expect(rowMessages(parsed.rows[2])).toEqual(['第8段 图片: 图片是链接到外部文件的，没有嵌入文档，无法导入']);
    });

    it('refuses a package whose document part is not well-formed XML', async () => {
      const bytes = await handMade(p(r('1. 甲')) + '<w:p>');
      expect((await parseDocx(bytes)).problems.map((x) => x.message)).toEqual([itemReaderMessages.notDocx]);
    });
  });
});
