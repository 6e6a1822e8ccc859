import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../../../app/domain/qti/manifest-xml.js';
import { CP_NS, QBANK_META_NS } from '../../../../app/domain/qti/model.js';
import { ReaderError } from '../../../../app/readers/errors.js';
import { readManifest } from '../../../../app/readers/qti/manifest.js';
import { find, only, parseTree, xmllintText } from './xml-tree.js';

const resources = [
  { identifier: 'qbank-item-1-v1', href: 'qbank-item-1-v1.xml', images: ['images/x.png'], itemId: 1, version: 1, type: 'trueFalse' as const, element: 'B-A-C-001', difficulty: 2, statistics: { p: 0.62, n: 240, discrimination: 0.31 } },
  { identifier: 'qbank-item-2-v3', href: 'qbank-item-2-v3.xml', images: [], itemId: 2, version: 3, type: 'multipleChoice' as const, element: '', difficulty: 0 },
];

describe('imsmanifest.xml of the QTI package', () => {
  it('is well-formed IMS CP 1.1 with one imsqti_item_xmlv2p1 resource per item and qbank metadata', () => {
    const xml = buildManifest('qbank-bank-1', resources);
    xmllintText(xml);
    const root = parseTree(xml);
    expect(root.uri).toBe(CP_NS);
    expect(root.local).toBe('manifest');
    expect(root.attrs['xsi:schemaLocation']).toContain('imscp_v1p1.xsd');
    const res = find(root, 'resource');
    expect(res.map((r) => [r.attrs.type, r.attrs.href])).toEqual([
      ['imsqti_item_xmlv2p1', 'qbank-item-1-v1.xml'],
      ['imsqti_item_xmlv2p1', 'qbank-item-2-v3.xml'],
    ]);
    expect(res[0]!.children.filter((c) => c.local === 'file').map((f) => f.attrs.href)).toEqual(['qbank-item-1-v1.xml', 'images/x.png']);
    const meta = only(only(res[0]!, 'metadata'), 'item');
    expect(meta.uri).toBe(QBANK_META_NS);
    expect(Object.fromEntries(meta.children.map((c) => [c.local, c.text || c.attrs]))).toEqual({
      itemId: '1',
      version: '1',
      type: 'trueFalse',
      element: 'B-A-C-001',
      difficulty: '2',
      statistics: { p: '0.62', n: '240', discrimination: '0.31' },
    });
    // a 待归类 item: no 鉴定点 and no 难度 in its metadata
    expect(only(only(res[1]!, 'metadata'), 'item').children.map((c) => c.local)).toEqual(['itemId', 'version', 'type']);
  });

  it('reads back the metadata, statistics included', () => {
    const read = readManifest(buildManifest('m', resources));
    expect(read.map((r) => [r.path, r.files, r.meta])).toEqual([
      ['qbank-item-1-v1.xml', ['qbank-item-1-v1.xml', 'images/x.png'], { element: 'B-A-C-001', difficulty: 2, type: 'trueFalse', itemId: 1, version: 1, statistics: { p: 0.62, n: 240, discrimination: 0.31 } }],
      ['qbank-item-2-v3.xml', ['qbank-item-2-v3.xml'], { type: 'multipleChoice', itemId: 2, version: 3 }],
    ]);
  });

  it('reads a LOM difficulty of another system and honours xml:base', () => {
    const xml = `<manifest xmlns="${CP_NS}" xmlns:imsmd="http://ltsc.ieee.org/xsd/LOM" identifier="m"><resources xml:base="items/">
      <resource identifier="r" type="imsqti_item_xmlv2p1" href="a.xml"><metadata><imsmd:lom><imsmd:educational><imsmd:difficulty>
      <imsmd:source>LOMv1.0</imsmd:source><imsmd:value>difficult</imsmd:value></imsmd:difficulty></imsmd:educational></imsmd:lom></metadata>
      <file href="a.xml"/></resource></resources></manifest>`;
    expect(readManifest(xml).map((r) => [r.path, r.meta])).toEqual([['items/a.xml', { difficulty: 4 }]]);
  });

  it.each(['../evil.xml', 'a/../../evil.xml', '/etc/passwd', 'file:///etc/passwd', 'http://example.org/a.xml', '..%2fevil.xml'])('refuses a reference outside the package: %s', (href) => {
    const xml = `<manifest xmlns="${CP_NS}" identifier="m"><resources><resource identifier="r" type="imsqti_item_xmlv2p1" href="${href}"/></resources></manifest>`;
    expect(() => readManifest(xml)).toThrow(ReaderError);
    expect(() => readManifest(xml)).toThrow(/包外/);
  });
});
