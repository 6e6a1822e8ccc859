import { describe, expect, it } from 'vitest';
import { buildAssessmentItem, qtiItemIdentifier, qtiTitle } from '../../../../app/domain/qti/item-xml.js';
import { mapQtiItem } from '../../../../app/domain/qti/map-item.js';
import { MATCH_CORRECT, QTI_NS } from '../../../../app/domain/qti/model.js';
import { theoryItemDraftSchema, type TheoryItem } from '../../../../app/domain/theory-item.js';
import { readAssessmentItem } from '../../../../app/readers/qti/item.js';
import { find, only, parseTree, xmllintText } from './xml-tree.js';

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);
const files = new Map([
  [H1, `images/${H1}.png`],
  [H2, `images/${H2}.jpg`],
]);

const items: Record<string, TheoryItem> = {
  trueTF: { type: 'trueFalse', stem: '图样中的尺寸以毫米为单位时，不需标注计量单位的代号或名称。', key: true, element: 'B-A-C-001', difficulty: 2, explanation: '', images: [] },
  falseTF: { type: 'trueFalse', stem: '比例 1:2 是放大比例。', key: false, element: 'B-A-C-001', difficulty: 1, explanation: '1:2 是缩小比例', images: [H1] },
  single: {
    type: 'singleChoice',
    stem: '下列哪个符号 <表示> “直径” & 半径？\n第二行：  两个空格',
    options: ['Φ', 'R', 'S"Φ', 'a < b & c > d'],
    key: 'C',
    element: 'B-A-C-002',
    difficulty: 3,
    explanation: '',
    images: [H1, H2],
  },
  multiple: { type: 'multipleChoice', stem: '图纸幅面有', options: ['A0', 'A1', 'A2', 'A3', 'B5'], key: 'ABCD', element: 'B-A-C-003', difficulty: 5, explanation: '', images: [] },
};

describe('QTI 2.1 assessmentItem of a theory item', () => {
  it('is well-formed XML (xmllint) for every type', () => {
    for (const item of Object.values(items)) xmllintText(buildAssessmentItem({ itemId: 7, version: 2, item, imageFiles: files }));
  });

  it('has the assessmentItem structure: declarations, body, choiceInteraction, match_correct', () => {
    const cases = [
      { item: items.trueTF!, cardinality: 'single', max: '1', ids: ['T', 'F'], texts: ['正确', '错误'], correct: ['T'] },
      { item: items.falseTF!, cardinality: 'single', max: '1', ids: ['T', 'F'], texts: ['正确', '错误'], correct: ['F'] },
      { item: items.single!, cardinality: 'single', max: '1', ids: ['A', 'B', 'C', 'D'], texts: items.single!.type === 'singleChoice' ? items.single!.options : [], correct: ['C'] },
      { item: items.multiple!, cardinality: 'multiple', max: '0', ids: ['A', 'B', 'C', 'D', 'E'], texts: ['A0', 'A1', 'A2', 'A3', 'B5'], correct: ['A', 'B', 'C', 'D'] },
    ];
    for (const c of cases) {
      const root = parseTree(buildAssessmentItem({ itemId: 7, version: 2, item: c.item, imageFiles: files }));
      expect(root.local).toBe('assessmentItem');
      expect(root.uri).toBe(QTI_NS);
      expect(root.attrs).toMatchObject({ identifier: 'qbank-item-7-v2', adaptive: 'false', timeDependent: 'false', title: qtiTitle(c.item.stem) });
      expect(root.attrs['xsi:schemaLocation']).toContain('imsqti_v2p1.xsd');
      const rd = only(root, 'responseDeclaration');
      expect(rd.attrs).toEqual({ identifier: 'RESPONSE', cardinality: c.cardinality, baseType: 'identifier' });
      expect(only(rd, 'correctResponse').children.map((v) => v.text)).toEqual(c.correct);
      expect(only(root, 'outcomeDeclaration').attrs).toEqual({ identifier: 'SCORE', cardinality: 'single', baseType: 'float' });
      const body = only(root, 'itemBody');
      const ci = only(body, 'choiceInteraction');
      expect(ci.attrs).toEqual({ responseIdentifier: 'RESPONSE', shuffle: 'false', maxChoices: c.max });
      const choices = ci.children.filter((n) => n.local === 'simpleChoice');
      expect(choices.map((n) => n.attrs.identifier)).toEqual(c.ids);
      if (c.item.type !== 'singleChoice') expect(choices.map((n) => n.text)).toEqual(c.texts);
      expect(only(root, 'responseProcessing').attrs).toEqual({ template: MATCH_CORRECT });
      const imgs = find(body, 'img');
      expect(imgs.map((i) => i.attrs.src)).toEqual(c.item.images.map((h) => files.get(h)));
      for (const img of imgs) expect(img.attrs.alt).toMatch(/^图\d$/);
      expect(root.children.map((n) => n.local)).toEqual(['responseDeclaration', 'outcomeDeclaration', 'itemBody', 'responseProcessing']);
    }
  });

  it('escapes markup characters and puts each image in a paragraph of its own', () => {
    const xml = buildAssessmentItem({ itemId: 1, version: 1, item: items.single!, imageFiles: files });
    expect(xml).toContain('&lt;表示&gt;');
    expect(xml).toContain('S"Φ');
    const body = only(parseTree(xml), 'itemBody');
    const ps = body.children.filter((n) => n.local === 'p');
    expect(ps.slice(1).map((p) => p.children.map((c) => c.local))).toEqual([['img'], ['img']]);
  });

  it('reads back through the QTI reader and maps to the same item', () => {
    for (const item of Object.values(items)) {
      const content = readAssessmentItem(buildAssessmentItem({ itemId: 3, version: 1, item, imageFiles: files }), 'qbank-item-3-v1.xml');
      const lookup = (path: string) => ({ sha256: [...files].find(([, f]) => f === path)![0] });
      const mapped = mapQtiItem(content, { element: item.element, difficulty: item.difficulty }, lookup);
      expect(mapped.ok).toBe(true);
      if (mapped.ok) expect(theoryItemDraftSchema.parse(mapped.raw)).toEqual(item);
    }
  });

  it('names items by id and version and titles them with the head of the stem', () => {
    expect(qtiItemIdentifier(12, 3)).toBe('qbank-item-12-v3');
    expect(qtiTitle('短题干')).toBe('短题干');
    expect(qtiTitle(`${'很'.repeat(40)}`)).toBe(`${'很'.repeat(30)}…`);
    expect(qtiTitle('两行\n题干')).toBe('两行 题干');
  });
});
