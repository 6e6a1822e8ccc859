/**
 * A parsed QTI assessmentItem (model.ts `QtiItemContent`) back to a theory item draft, or the reasons it
 * cannot be one (Chinese). Mapped (QTI 2.1 Information Model §5.1 choiceInteraction, §3.1
 * responseDeclaration, §5.x response processing templates):
 * - one `choiceInteraction` whose response is baseType identifier, with a `correctResponse`, scored by
 *   the `match_correct` template;
 * - 判断题: cardinality single, two choices that read as true/false (正确/错误, √/×, True/False, T/F …);
 * - 单项选择题: cardinality single, 4 choices; 多项选择题: cardinality multiple, 4–5 choices;
 * - the choices' order is kept (A, B, C …), the key follows the correct identifiers;
 * - stem images by the content hash the caller looked up; 鉴定点 and 难度 from the metadata when given.
 * Anything else is refused with its reason. The draft is raw: the caller validates it like any import.
 */
import { OPTION_LETTERS } from '../theory-item.js';
import { qtiDomainMessages as m } from './messages.js';
import type { QtiChoice, QtiImageLookup, QtiItemContent, QtiResourceMeta } from './model.js';

export type QtiMapping = { readonly ok: true; readonly raw: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly reasons: readonly string[] };

const TRUE_WORDS = new Set(['正确', '对', '是', '真', '√', '✓', '✔', 'true', 't', 'yes', 'y', 'right', 'correct']);
const FALSE_WORDS = new Set(['错误', '错', '否', '假', '×', '✗', '✘', 'x', 'false', 'f', 'no', 'n', 'wrong', 'incorrect']);
const MATCH_CORRECT_TEMPLATE = /\/rptemplates\/match_correct(\.xml)?$/;

function truthOf(s: string): boolean | undefined {
  const word = s.trim().toLowerCase().replace(/[。.!！\s]/g, '');
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** For two choices: the one that means “true”, when one reads true and the other false (by text, else by identifier). */
function trueChoice(choices: readonly QtiChoice[]): QtiChoice | undefined {
  for (const read of [(c: QtiChoice) => truthOf(c.text), (c: QtiChoice) => truthOf(c.identifier)]) {
    const [a, b] = choices.map(read);
    if (a === true && b === false) return choices[0];
    if (a === false && b === true) return choices[1];
  }
  return undefined;
}

/** Why the item's scoring and interaction cannot be mapped ([] when they can). */
function structureProblems(content: QtiItemContent): string[] {
  if (content.interactions.length === 0) return [m.noInteraction];
  if (content.interactions.length > 1) return [m.severalInteractions(content.interactions.join('、'))];
  const ci = content.choiceInteraction;
  if (content.interactions[0] !== 'choiceInteraction' || ci === undefined) return [m.unsupportedInteraction(content.interactions[0] ?? '')];
  const response = content.responses.find((r) => r.identifier === ci.responseIdentifier);
  if (response === undefined) return [m.noResponse(ci.responseIdentifier)];
  const problems: string[] = [];
  if (response.baseType !== 'identifier') problems.push(m.badBaseType(response.baseType));
  if (response.cardinality !== 'single' && response.cardinality !== 'multiple') problems.push(m.badCardinality(response.cardinality));
  const ids = new Set(ci.choices.map((c) => c.identifier));
  if (response.correct === undefined || response.correct.length === 0) problems.push(m.noCorrect);
  else {
    for (const v of response.correct) if (!ids.has(v)) problems.push(m.unknownCorrect(v));
    if (response.cardinality === 'single' && response.correct.length > 1) problems.push(m.singleWithSeveral(response.correct.length));
  }
  const rp = content.responseProcessing;
  if (rp === undefined) problems.push(m.noTemplate);
  else if (rp.template === undefined || !MATCH_CORRECT_TEMPLATE.test(rp.template)) problems.push(m.notMatchCorrect(rp.template ?? ''));
  for (const c of ci.choices) if (c.hasMedia) problems.push(m.choiceMedia(c.identifier));
  return problems;
}

/** The type, options and key of a choice item whose structure passed. */
function typed(choices: readonly QtiChoice[], cardinality: string, correct: readonly string[]): { body: Record<string, unknown> } | { problem: string } {
  const n = choices.length;
  const letterOf = (id: string) => OPTION_LETTERS[choices.findIndex((c) => c.identifier === id)] ?? '';
  const options = choices.map((c) => c.text);
  if (cardinality === 'single') {
    if (n === 2) {
      const t = trueChoice(choices);
      if (t === undefined) return { problem: m.twoNotTrueFalse(choices[0]?.text ?? '', choices[1]?.text ?? '') };
      return { body: { type: 'trueFalse', key: correct[0] === t.identifier } };
    }
    if (n === 4) return { body: { type: 'singleChoice', options, key: letterOf(correct[0] ?? '') } };
    if (n === 5) return { problem: m.singleFive };
    return { problem: m.choiceCount(n) };
  }
  if (n === 4 || n === 5) return { body: { type: 'multipleChoice', options, key: correct.map(letterOf).sort().join('') } };
  return { problem: n === 2 ? m.multipleTwo : m.choiceCount(n) };
}

/** The draft of one parsed item, or every reason it cannot be imported. */
export function mapQtiItem(content: QtiItemContent, meta: QtiResourceMeta, lookup: QtiImageLookup): QtiMapping {
  const reasons = structureProblems(content);
  if (reasons.length > 0) return { ok: false, reasons };
  const ci = content.choiceInteraction;
  const response = content.responses.find((r) => r.identifier === ci?.responseIdentifier);
  if (ci === undefined || response === undefined) return { ok: false, reasons: [m.noInteraction] };
  const shape = typed(ci.choices, response.cardinality, response.correct ?? []);
  if ('problem' in shape) reasons.push(shape.problem);
  if (content.unsupported.length > 0) reasons.push(m.unsupportedContent([...new Set(content.unsupported)].join('、')));
  const images: string[] = [];
  for (const ref of content.images) {
    const found = ref.path === undefined ? undefined : lookup(ref.path);
    if (ref.path === undefined) reasons.push(m.imageOutside(ref.src));
    else if (found === undefined) reasons.push(m.imageMissing(ref.src));
    else if ('problem' in found) reasons.push(m.imageRefused(ref.src, found.problem));
    else if (!images.includes(found.sha256)) images.push(found.sha256);
  }
  if (content.stem.trim() === '') reasons.push(m.emptyStem);
  if (reasons.length > 0 || 'problem' in shape) return { ok: false, reasons };
  return {
    ok: true,
    raw: {
      ...shape.body,
      stem: content.stem,
      explanation: content.explanation,
      images,
      ...(meta.element === undefined ? {} : { element: meta.element }),
      ...(meta.difficulty === undefined ? {} : { difficulty: meta.difficulty }),
    },
  };
}
