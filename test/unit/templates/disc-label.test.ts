/** The disc's label and cover sheet: the mark on every page, what the disc holds, its hash, who, every file. */
import { describe, expect, it } from 'vitest';
import { discLabelDocx } from '../../../templates/docx/disc-label.js';
import { packDocx } from '../../../templates/docx/kit.js';
import { docxPart, docxParagraphs } from '../../helpers/office.js';

describe('disc label', () => {
  it('carries the mark, the contents, the image hash, the writer, the register entry and every file', async () => {
    const bytes = await packDocx(
      discLabelDocx({
        mark: '机密★',
        kindName: '试题审核备案报送',
        label: '试题审核备案报送 制图员（机械）四级/中级工 第1轮审核',
        packageId: '0123456789abcdef0123456789abcdef',
        imageName: '报送_3-01-02-07_4级_20261203.iso',
        imageSha256: 'cd'.repeat(32),
        imageBytes: 5_242_880,
        writtenAt: '2026-12-03T10:00:00Z',
        writtenBy: '张伟',
        workstationId: 'WS-1',
        recipients: ['上传站（上传站，0123456789abcdef）'],
        register: '存档登记第 7 号',
        anchor: `校验点#12 345:${'ef'.repeat(32)}`,
        verified: true,
        files: [{ path: '01_题库编制说明.docx', bytes: 100, sha256: 'ab'.repeat(32) }],
      }),
    );
    const text = (await docxParagraphs(bytes)).join('\n');
    for (const s of ['机密★', '试题审核备案报送 制图员（机械）四级/中级工 第1轮审核', 'cd'.repeat(32), '张伟', '存档登记第 7 号', '01_题库编制说明.docx', 'ab'.repeat(32), '已回读校验，一致', '监督人（签字）']) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('试题审核备案报送：试题审核备案报送');
    expect(await docxPart(bytes, 'word/header1.xml')).toContain('机密★');
  });
});
