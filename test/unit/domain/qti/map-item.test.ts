import { describe, expect, it } from 'vitest';
import { mapQtiItem } from '../../../../app/domain/qti/map-item.js';
import { readAssessmentItem } from '../../../../app/readers/qti/item.js';

const NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const RP = '<responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>';

/** A foreign-looking item: prompt inside the interaction, pretty-printed text, choice identifiers of its own. */
function item(o: { cardinality?: string; correct?: string[] | null; choices: string[]; body?: string; rp?: string; interaction?: string }): string {
  const correct = o.correct === null ? '' : `<correctResponse>${(o.correct ?? ['c1']).map((v) => `<value>${v}</value>`).join('')}</correctResponse>`;
  const choices = o.choices.map((t, k) => `<simpleChoice identifier="c${String(k + 1)}">${t}</simpleChoice>`).join('\n');
  const interaction =
    o.interaction ??
    `<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="0">
        <prompt>
          请选择
          正确答案
        </prompt>
        ${choices}
      </choiceInteraction>`;
  return `<?xml version="1.0"?>
<assessmentItem xmlns="${NS}" identifier="i1" title="t" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="${o.cardinality ?? 'single'}" baseType="identifier">${correct}</responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody>
    <div class="grid-row"><div class="col-12">${o.body ?? ''}
      ${interaction}
    </div></div>
  </itemBody>
  ${o.rp ?? RP}
</assessmentItem>`;
}

const map = (xml: string, lookup: (p: string) => { sha256: string } | { problem: string } | undefined = () => undefined) =>
  mapQtiItem(readAssessmentItem(xml, 'items/i1.xml'), {}, lookup);

describe('mapping a foreign QTI item to a theory item draft', () => {
  it('maps true/false, single and multiple choice; stem from body and prompt, layout white space collapsed', () => {
    expect(map(item({ choices: ['True', 'False'], correct: ['c2'] }))).toEqual({
      ok: true,
      raw: { type: 'trueFalse', key: false, stem: '请选择 正确答案', explanation: '', images: [] },
    });
    expect(map(item({ choices: ['错误', '正确'], correct: ['c2'] }))).toMatchObject({ ok: true, raw: { type: 'trueFalse', key: true } });
    expect(map(item({ choices: ['一', '二', '三', '四'], correct: ['c3'], body: '<p>题干<br/>第二行</p>' }))).toEqual({
      ok: true,
      raw: { type: 'singleChoice', options: ['一', '二', '三', '四'], key: 'C', stem: '题干\n第二行\n请选择 正确答案', explanation: '', images: [] },
    });
    expect(map(item({ cardinality: 'multiple', choices: ['一', '二', '三', '四', '五'], correct: ['c5', 'c1'] }))).toMatchObject({
      ok: true,
      raw: { type: 'multipleChoice', options: ['一', '二', '三', '四', '五'], key: 'AE' },
    });
  });

  it('resolves stem images against the item folder through the lookup', () => {
    const lookup = (p: string) => (p === 'items/img/a.png' ? { sha256: 'f'.repeat(64) } : undefined);
    const xml = item({ choices: ['1', '2', '3', '4'], body: '<p><img src="img/a.png" alt=""/></p>' });
    expect(map(xml, lookup)).toMatchObject({ ok: true, raw: { images: ['f'.repeat(64)] } });
  });

  const refused: [string, string, RegExp][] = [
    ['three choices', item({ choices: ['1', '2', '3'] }), /有 3 个选项/],
    ['six choices', item({ cardinality: 'multiple', choices: ['1', '2', '3', '4', '5', '6'] }), /有 6 个选项/],
    ['five choices, single', item({ choices: ['1', '2', '3', '4', '5'] }), /单项选择题只能有 4 个选项/],
    ['two choices, not true/false', item({ choices: ['红', '绿'] }), /不是“正确\/错误”/],
    ['no correct response', item({ choices: ['1', '2', '3', '4'], correct: null }), /没有标准答案/],
    ['correct value not a choice', item({ choices: ['1', '2', '3', '4'], correct: ['zz'] }), /标准答案 zz 不是任何选项的标识/],
    ['map_response scoring', item({ choices: ['1', '2', '3', '4'], rp: '<responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"/>' }), /不是 match_correct/],
    ['no response processing', item({ choices: ['1', '2', '3', '4'], rp: '' }), /没有评分规则/],
    ['custom response processing', item({ choices: ['1', '2', '3', '4'], rp: '<responseProcessing><responseCondition/></responseProcessing>' }), /自定义/],
    ['text entry', item({ choices: [], interaction: '<textEntryInteraction responseIdentifier="RESPONSE"/>' }), /交互类型 textEntryInteraction 不是选择题/],
    ['two interactions', item({ choices: [], interaction: '<choiceInteraction responseIdentifier="RESPONSE"/><orderInteraction responseIdentifier="R2"/>' }), /含有多个交互/],
    ['image in a choice', item({ choices: ['<img src="x.png" alt=""/>', '2', '3', '4'] }), /选项 c1 含有图片/],
    ['unknown image', item({ choices: ['1', '2', '3', '4'], body: '<p><img src="nope.png" alt=""/></p>' }), /图片 nope\.png 在包中不存在/],
    ['image outside', item({ choices: ['1', '2', '3', '4'], body: '<p><img src="http://example.org/a.png" alt=""/></p>' }), /不在包内/],
    ['MathML', item({ choices: ['1', '2', '3', '4'], body: '<p><m:math xmlns:m="http://www.w3.org/1998/Math/MathML"><m:mi>x</m:mi></m:math></p>' }), /无法导入的内容（math）/],
  ];
  it.each(refused)('refuses %s with a Chinese reason', (_name, xml, reason) => {
    const mapped = map(xml);
    expect(mapped.ok).toBe(false);
    if (!mapped.ok) expect(mapped.reasons.join('；')).toMatch(reason);
  });
});
