/**
 * One QTI 2.x assessmentItem (IMS QTI 2.1 Information Model §2 assessmentItem, §3.1 responseDeclaration,
 * §4 itemBody content model, §5.1 choiceInteraction/simpleChoice, §5.4 response processing) read with saxes
 * into the neutral `QtiItemContent` (app/domain/qti/model.ts); nothing is interpreted here.
 * Text: the blocks of the itemBody (`p`, `div`, headings, list items …) and the interaction's `prompt`
 * become lines of the stem, `br` a line break, line breaks of the XML's own layout a space; text of
 * feedback, templates and other interactions is left out; `rubricBlock`s for tutors or scorers give the
 * 解析. Images (`img src`) are resolved against the item's folder (paths.ts). Objects, MathML, tables and
 * included parts are named as unsupported content.
 */
import type { SaxesTagNS } from 'saxes';
import { QTI_ITEM_NAMESPACES, type QtiChoice, type QtiImageRef, type QtiItemContent, type QtiResponseDeclaration } from '../../domain/qti/model.js';
import { ReaderError } from '../errors.js';
import { qtiReaderMessages as m } from './messages.js';
import { folderOf, resolveInPackage } from './paths.js';
import { attr, parseXml } from './sax.js';

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote', 'address', 'dt', 'dd', 'prompt', 'ul', 'ol', 'dl']);
const SKIPPED = new Set(['feedbackBlock', 'feedbackInline', 'modalFeedback', 'templateBlock', 'templateInline', 'infoControl', 'stylesheet']);
const UNSUPPORTED = new Set(['object', 'math', 'table', 'include', 'printedVariable', 'audio', 'video', 'svg']);
const BR = '\uE000';
const RAW_NL = '\uE001';

/** A block's text: the XML's own line breaks (and the indentation around them) become a space, `br` a line break. */
export function normaliseText(s: string): string {
  return s
    .replace(/[ \t]*[\r\n]+[ \t]*/g, RAW_NL)
    .replace(new RegExp(`${BR}${RAW_NL}+|${RAW_NL}+${BR}`, 'g'), BR)
    .replace(new RegExp(`^[\\s${RAW_NL}]+|[\\s${RAW_NL}]+$`, 'g'), '')
    .replace(new RegExp(RAW_NL, 'g'), ' ')
    .replace(new RegExp(BR, 'g'), '\n');
}

/** Collects the text of blocks: `add` appends, `brk` ends a block, `lines()` the non-empty blocks. */
class TextSink {
  private readonly blocks: string[] = [];
  private current = '';
  add(s: string): void {
    this.current += s;
  }
  brk(): void {
    const t = normaliseText(this.current);
    if (t !== '') this.blocks.push(t);
    this.current = '';
  }
  lines(): string {
    this.brk();
    return this.blocks.join('\n');
  }
}

interface ChoiceBuilding {
  identifier: string;
  sink: TextSink;
  hasMedia: boolean;
}

/** The parsed item; throws ReaderError (Chinese) for XML that is not well-formed or not an assessmentItem. */
export function readAssessmentItem(xml: string, part: string): QtiItemContent {
  const folder = folderOf(part);
  const stem = new TextSink();
  const explanation = new TextSink();
  const images: QtiImageRef[] = [];
  const interactions: string[] = [];
  const responses: QtiResponseDeclaration[] = [];
  const unsupported: string[] = [];
  const choices: QtiChoice[] = [];
  let choiceInteraction: { responseIdentifier: string } | undefined;
  let responseProcessing: { template?: string } | undefined;
  let identifier = '';
  let title = '';
  const stack: string[] = [];
  /** What text goes to now: set by the innermost element that decides it. */
  const sinks: (TextSink | null)[] = [];
  let choice: ChoiceBuilding | undefined;
  let response: { identifier: string; cardinality: string; baseType: string; correct: string[] | undefined } | undefined;
  let inCorrectValue = false;
  let valueText = '';

  const sink = () => sinks.at(-1) ?? null;
  parseXml(
    xml,
    {
      open: (tag: SaxesTagNS) => {
        const local = tag.local;
        const inBody = stack.includes('itemBody');
        if (stack.length === 0) {
          if (local !== 'assessmentItem' || !QTI_ITEM_NAMESPACES.has(tag.uri)) throw new ReaderError(m.notAssessmentItem(tag.name));
          identifier = attr(tag, 'identifier') ?? '';
          title = attr(tag, 'title') ?? '';
        }
        stack.push(local);
        let next = sink();
        if (local === 'responseDeclaration' && stack.length === 2) {
          response = { identifier: attr(tag, 'identifier') ?? '', cardinality: attr(tag, 'cardinality') ?? '', baseType: attr(tag, 'baseType') ?? '', correct: undefined };
        } else if (local === 'correctResponse' && response !== undefined) response.correct = [];
        else if (local === 'value' && response?.correct !== undefined && stack.at(-2) === 'correctResponse') {
          inCorrectValue = true;
          valueText = '';
        } else if (local === 'responseProcessing' && stack.length === 2) {
          const template = attr(tag, 'template');
          responseProcessing = template === undefined ? {} : { template: template.trim() };
        } else if (local === 'itemBody') next = stem;
        else if (inBody && local.endsWith('Interaction')) {
          interactions.push(local);
          if (local === 'choiceInteraction' && choiceInteraction === undefined) {
            choiceInteraction = { responseIdentifier: attr(tag, 'responseIdentifier') ?? '' };
            next = null;
          } else next = null;
        } else if (inBody && local === 'prompt') next = stem;
        else if (inBody && local === 'simpleChoice' && stack.at(-2) === 'choiceInteraction') {
          choice = { identifier: attr(tag, 'identifier') ?? '', sink: new TextSink(), hasMedia: false };
          next = choice.sink;
        } else if (inBody && local === 'rubricBlock') {
          const view = attr(tag, 'view') ?? '';
          next = /\b(tutor|scorer)\b/.test(view) ? explanation : null;
        } else if (SKIPPED.has(local)) next = null;
        else if (inBody && (local === 'img' || UNSUPPORTED.has(local))) {
          if (choice !== undefined && next === choice.sink) choice.hasMedia = true;
          else if (next === stem && local === 'img') {
            const src = attr(tag, 'src') ?? '';
            const path = resolveInPackage(folder, src);
            images.push(path === undefined ? { src } : { src, path });
          } else if (next === stem) unsupported.push(local);
        } else if (local === 'br') next?.add(BR);
        if (BLOCKS.has(local)) next?.brk();
        sinks.push(next);
      },
      text: (t) => {
        if (inCorrectValue) valueText += t;
        else sink()?.add(t);
      },
      close: (tag: SaxesTagNS) => {
        const local = tag.local;
        const closing = sinks.pop() ?? null;
        stack.pop();
        if (BLOCKS.has(local)) closing?.brk();
        if (local === 'value' && inCorrectValue) {
          response?.correct?.push(valueText.trim());
          inCorrectValue = false;
        } else if (local === 'responseDeclaration' && response !== undefined && stack.length === 1) {
          responses.push(response);
          response = undefined;
        } else if (local === 'simpleChoice' && choice !== undefined) {
          choices.push({ identifier: choice.identifier, text: choice.sink.lines(), hasMedia: choice.hasMedia });
          choice = undefined;
        }
      },
    },
    m.badItemXml,
  );
  return {
    identifier,
    title,
    stem: stem.lines(),
    images,
    interactions,
    ...(choiceInteraction === undefined ? {} : { choiceInteraction: { ...choiceInteraction, choices } }),
    responses,
    responseProcessing,
    explanation: explanation.lines(),
    unsupported,
  };
}
