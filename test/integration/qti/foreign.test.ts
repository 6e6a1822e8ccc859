import { describe, expect, it } from 'vitest';
import { invoke } from '../../../app/services/handler.js';
import { qtiHandlers } from '../../../app/services/qti/handlers.js';
import { getImage } from '../../../app/store/repositories/images.js';
import { listItems } from '../../../app/store/repositories/items.js';
import { sha256Hex } from '../../../crypto/digest.js';
import { useWorkstation } from '../../helpers/workstation.js';
import { foreignItem, foreignManifest, png, qtiBank, zipOf } from './fixtures.js';

const LOM_DIFFICULT =
  '<metadata><imsmd:lom><imsmd:educational><imsmd:difficulty><imsmd:source>LOMv1.0</imsmd:source><imsmd:value>difficult</imsmd:value></imsmd:difficulty></imsmd:educational></imsmd:lom></metadata>';

describe('QTI import of a package from another system', () => {
  const workstation = useWorkstation();

  it('imports the choice items as 待归类 草稿 and reports the rest with their files and reasons', async () => {
    const ws = workstation();
    const { ctx, bankId } = await qtiBank(ws);
    const figure = png(6, 4, [0, 128, 0]);
    const bytes = await zipOf({
      'imsmanifest.xml': foreignManifest([
        { href: 'items/tf.xml' },
        { href: 'items/single.xml', files: ['items/img/fig.png'], metadata: LOM_DIFFICULT },
        { href: 'items/multi.xml' },
        { href: 'items/text.xml' },
        { href: 'items/three.xml' },
        { href: 'items/nocorrect.xml' },
        { href: 'items/missing-image.xml' },
        { href: 'items/broken.xml' },
        { href: 'items/absent.xml' },
        { href: 'tests/test.xml', type: 'imsqti_test_xmlv2p1' },
        { href: 'items/img/fig.png', type: 'webcontent' },
      ]),
      'items/tf.xml': foreignItem({ id: 'tf', stem: '图纸的标题栏一般位于图框的右下角。', choices: ['正确', '错误'] }),
      'items/single.xml': foreignItem({
        id: 'single',
        stem: '如图所示的零件，其主视图应选',
        body: '\n        <p>阅读下图：</p>\n        <p><img src="img/fig.png" alt="fig"/></p>',
        choices: ['甲', '乙', '丙', '丁'],
        correct: ['choice_2'],
      }),
      'items/multi.xml': foreignItem({ id: 'multi', stem: '属于形位公差的有', cardinality: 'multiple', choices: ['直线度', '平面度', '表面粗糙度', '圆度', '尺寸公差'], correct: ['choice_4', 'choice_1', 'choice_2'] }),
      'items/text.xml': foreignItem({ id: 'text', stem: '', choices: [], interaction: '<p>填空：<textEntryInteraction responseIdentifier="RESPONSE" expectedLength="5"/></p>' }),
      'items/three.xml': foreignItem({ id: 'three', stem: '三个选项', choices: ['一', '二', '三'] }),
      'items/nocorrect.xml': foreignItem({ id: 'nocorrect', stem: '没有答案', choices: ['一', '二', '三', '四'], correct: null }),
      'items/missing-image.xml': foreignItem({ id: 'mi', stem: '缺图', body: '<p><img src="img/none.png" alt=""/></p>', choices: ['一', '二', '三', '四'] }),
      'items/broken.xml': '<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1"><itemBody>',
      'items/img/fig.png': figure,
      'tests/test.xml': '<assessmentTest xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="t" title="t"/>',
    });

    const report = await invoke(ctx, qtiHandlers['qti.import'], { bankId, fileName: 'tao-export.zip', bytes });
    expect(report.items).toBe(9);
    expect(report.imported.map((i) => [i.file, i.type, i.unbound])).toEqual([
      ['items/tf.xml', 'trueFalse', true],
      ['items/single.xml', 'singleChoice', true],
      ['items/multi.xml', 'multipleChoice', true],
    ]);
    const reasons = Object.fromEntries(report.unmapped.map((u) => [u.file, u.reason]));
    expect(Object.keys(reasons)).toEqual(['items/text.xml', 'items/three.xml', 'items/nocorrect.xml', 'items/missing-image.xml', 'items/broken.xml', 'items/absent.xml']);
    expect(reasons['items/text.xml']).toMatch(/交互类型 textEntryInteraction 不是选择题/);
    expect(reasons['items/three.xml']).toMatch(/有 3 个选项/);
    expect(reasons['items/nocorrect.xml']).toMatch(/没有标准答案/);
    expect(reasons['items/missing-image.xml']).toMatch(/图片 img\/none\.png 在包中不存在/);
    expect(reasons['items/broken.xml']).toMatch(/不是格式正确的 XML/);
    expect(reasons['items/absent.xml']).toMatch(/在包中不存在/);
    expect(report.ignored).toEqual([{ file: 'tests/test.xml', reason: expect.stringMatching(/imsqti_test_xmlv2p1 不是单个试题/) as string }]);

    const saved = listItems(ws.db, bankId, { kind: 'theory' });
    expect(saved.map((r) => r.state)).toEqual(['草稿', '草稿', '草稿']);
    expect(saved.map((r) => r.body)).toEqual([
      { type: 'trueFalse', stem: '图纸的标题栏一般位于图框的右下角。', key: true, element: '', difficulty: 0, explanation: '', images: [] },
      { type: 'singleChoice', stem: '阅读下图：\n如图所示的零件，其主视图应选', options: ['甲', '乙', '丙', '丁'], key: 'B', element: '', difficulty: 4, explanation: '', images: [sha256Hex(figure)] },
      { type: 'multipleChoice', stem: '属于形位公差的有', options: ['直线度', '平面度', '表面粗糙度', '圆度', '尺寸公差'], key: 'ABD', element: '', difficulty: 0, explanation: '', images: [] },
    ]);
    expect(getImage(ws.db, sha256Hex(figure))?.bytes).toEqual(figure);
  });

  it('a dry run reports the same without saving', async () => {
    const ws = workstation();
    const { ctx, bankId } = await qtiBank(ws);
    const bytes = await zipOf({
      'imsmanifest.xml': foreignManifest([{ href: 'a.xml' }, { href: 'b.xml' }]),
      'a.xml': foreignItem({ id: 'a', stem: '判断', choices: ['True', 'False'], correct: ['choice_2'] }),
      'b.xml': foreignItem({ id: 'b', stem: '排序', choices: [], interaction: '<orderInteraction responseIdentifier="RESPONSE"><simpleChoice identifier="x">x</simpleChoice></orderInteraction>' }),
    });
    const report = await invoke(ctx, qtiHandlers['qti.import'], { bankId, bytes, dryRun: true });
    expect(report.imported).toEqual([{ file: 'a.xml', type: 'trueFalse', unbound: true }]);
    expect(report.unmapped).toEqual([{ file: 'b.xml', reason: expect.stringMatching(/orderInteraction/) as string }]);
    expect(report.saved).toBe(false);
    expect(listItems(ws.db, bankId, { kind: 'theory' })).toEqual([]);
  });
});
