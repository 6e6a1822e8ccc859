/**
 * One theory item as an IMS QTI 2.1 assessmentItem (QTI 2.1 Information Model §2 assessmentItem, §5.1
 * choiceInteraction; XML binding imsqti_v2p1): a `responseDeclaration` RESPONSE (single for 判断/单选,
 * multiple for 多选, baseType identifier) with its `correctResponse`, the outcome SCORE, the stem in the
 * `itemBody` (text in a `p`, each image in a `p` of its own), a `choiceInteraction` with the choices
 * A–E (判断题: `T` 正确 / `F` 错误), the 解析 in a `rubricBlock` for tutors, and the standard
 * `match_correct` response processing template. Pure: the caller names each image's file.
 */
import { OPTION_LETTERS, type TheoryItem } from '../theory-item.js';
import { qtiDomainMessages as m } from './messages.js';
import { FALSE_ID, MATCH_CORRECT, QTI_NS, QTI_SCHEMA_LOCATION, TRUE_ID, XSI_NS } from './model.js';
import { el, textWithBreaks, XML_DECLARATION } from './xml.js';

/** Characters of the stem taken for the item's title. */
export const TITLE_CHARS = 30;

/** `qbank-item-12-v3`: an NCName, unique per item version. */
export function qtiItemIdentifier(itemId: number, version: number): string {
  return `qbank-item-${String(itemId)}-v${String(version)}`;
}

/** The first characters of the stem, white space collapsed (… when cut). */
export function qtiTitle(stem: string): string {
  const flat = stem.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= TITLE_CHARS ? flat : `${chars.slice(0, TITLE_CHARS).join('')}…`;
}

export interface QtiItemInput {
  readonly itemId: number;
  readonly version: number;
  readonly item: TheoryItem;
  /** The file (relative to the item's XML) of each of the item's images, by SHA-256. */
  readonly imageFiles: ReadonlyMap<string, string>;
}

interface Choice {
  readonly id: string;
  readonly text: string;
}

function choicesOf(item: TheoryItem): { cardinality: 'single' | 'multiple'; choices: Choice[]; correct: string[] } {
  switch (item.type) {
    case 'trueFalse':
      return {
        cardinality: 'single',
        choices: [
          { id: TRUE_ID, text: m.trueLabel },
          { id: FALSE_ID, text: m.falseLabel },
        ],
        correct: [item.key ? TRUE_ID : FALSE_ID],
      };
    case 'singleChoice':
      return { cardinality: 'single', choices: item.options.map((text, k) => ({ id: OPTION_LETTERS[k] as string, text })), correct: [item.key] };
    case 'multipleChoice':
      return { cardinality: 'multiple', choices: item.options.map((text, k) => ({ id: OPTION_LETTERS[k] as string, text })), correct: [...item.key] };
  }
}

/** The assessmentItem XML of one item version (UTF-8 text, well-formed, deterministic). */
export function buildAssessmentItem(input: QtiItemInput): string {
  const { item } = input;
  const { cardinality, choices, correct } = choicesOf(item);
  const response = el(
    'responseDeclaration',
    { identifier: 'RESPONSE', cardinality, baseType: 'identifier' },
    el('correctResponse', {}, correct.map((v) => el('value', {}, v)).join('')),
  );
  const outcome = el('outcomeDeclaration', { identifier: 'SCORE', cardinality: 'single', baseType: 'float' }, el('defaultValue', {}, el('value', {}, '0')));
  const images = item.images.map((hash, k) => {
    const file = input.imageFiles.get(hash);
    if (file === undefined) throw new Error(`image ${hash} of item ${String(input.itemId)} has no file`);
    return `\n    ${el('p', {}, el('img', { src: file, alt: m.imageAlt(k + 1) }))}`;
  });
  const interaction = el(
    'choiceInteraction',
    { responseIdentifier: 'RESPONSE', shuffle: 'false', maxChoices: cardinality === 'single' ? 1 : 0 },
    `${choices.map((c) => `\n      ${el('simpleChoice', { identifier: c.id, fixed: 'true' }, textWithBreaks(c.text))}`).join('')}\n    `,
  );
  const explanation = item.explanation.trim() === '' ? '' : `\n    ${el('rubricBlock', { view: 'tutor scorer' }, el('p', {}, textWithBreaks(item.explanation)))}`;
  const body = `\n    ${el('p', {}, textWithBreaks(item.stem))}${images.join('')}\n    ${interaction}${explanation}\n  `;
  const root = el(
    'assessmentItem',
    {
      xmlns: QTI_NS,
      'xmlns:xsi': XSI_NS,
      'xsi:schemaLocation': QTI_SCHEMA_LOCATION,
      identifier: qtiItemIdentifier(input.itemId, input.version),
      title: qtiTitle(item.stem),
      adaptive: 'false',
      timeDependent: 'false',
    },
    `\n  ${response}\n  ${outcome}\n  ${el('itemBody', {}, body)}\n  ${el('responseProcessing', { template: MATCH_CORRECT })}\n`,
  );
  return `${XML_DECLARATION}${root}\n`;
}
