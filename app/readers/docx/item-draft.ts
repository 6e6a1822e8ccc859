/**
 * An item of a Word document while its lines are read: the stem, options (one per line, several on a
 * line, or after the stem on its line), and the 答案 / 难度 / 解析 / 鉴定点 tags, with the paragraph each
 * came from so that problems can name it.
 */
import { problem, type Problem } from '../../domain/validation.js';
import { itemReaderMessages as msg } from '../items/messages.js';
import { parseFullElementCode } from '../items/values.js';
import { inlineOptionsStart, lineTags, OPTION_RE, splitOptions, STEM_KEY_RE, type Section, type SectionType } from './item-layout.js';

export interface Draft {
  paragraph: number;
  section: Section | undefined;
  /** The 题型 of a tag after the item's number (`1.【单选题】`), which outranks the section's. */
  typeTag?: SectionType;
  number: number;
  stem: { text: string; paragraph: number }[];
  options: (string | undefined)[];
  optionParagraphs: number[];
  key?: { text: string; paragraph: number };
  tableKey?: { text: string; paragraph: number };
  tfMark?: string;
  difficulty?: { text: string; paragraph: number };
  element?: string;
  explanation: string[];
  images: string[];
  problems: Problem[];
  last: 'stem' | 'option' | 'explanation' | 'none';
  awaiting?: 'key' | 'difficulty' | 'element';
}

/** A problem of a draft, naming the paragraph in the message when it is not the item's first. */
export function draftProblem(draft: Draft, path: (string | number)[], message: string, paragraph = draft.paragraph): Problem {
  return problem(path, paragraph === draft.paragraph ? message : msg.atParagraph(message, paragraph));
}

export const newDraft = (paragraph: number, section: Section | undefined, number: number): Draft => ({
  paragraph,
  section,
  number,
  stem: [],
  options: [],
  optionParagraphs: [],
  explanation: [],
  images: [],
  problems: [],
  last: 'stem',
});

export function addOption(draft: Draft, letter: number, text: string, paragraph: number): void {
  if (draft.options[letter] !== undefined) {
    draft.problems.push(draftProblem(draft, ['options', letter], msg.duplicateOption, paragraph));
    return;
  }
  draft.options[letter] = text;
  draft.optionParagraphs[letter] = paragraph;
  draft.last = 'option';
}

/** Options on a line that starts with a marker; false when the line does not. */
export function optionLine(draft: Draft, m: string, line: string, paragraph: number): boolean {
  const o = OPTION_RE.exec(m);
  if (!o) return false;
  const lower = o[3] !== undefined;
  const letter = (o[1] ?? o[2] ?? o[3] ?? 'A').toUpperCase().charCodeAt(0) - 65;
  for (const opt of splitOptions(m, line, letter, o[0].length, lower)) addOption(draft, opt.letter, opt.text, paragraph);
  return true;
}

function tagValue(draft: Draft, tag: string, value: string, paragraph: number): void {
  const v = value.trim();
  if (tag === '') {
    // A tag read over (知识点, 考点, 分值 …): its value is not part of the item.
    draft.last = 'none';
  } else if (/答案/.test(tag)) {
    if (v === '') draft.awaiting = 'key';
    else draft.key = { text: v, paragraph };
    draft.last = 'none';
  } else if (/难度|难易/.test(tag)) {
    if (v === '') draft.awaiting = 'difficulty';
    else draft.difficulty = { text: v, paragraph };
    draft.last = 'none';
  } else if (/解析/.test(tag)) {
    if (v !== '') draft.explanation.push(v);
    draft.last = 'explanation';
  } else {
    if (v === '') draft.awaiting = 'element';
    else draft.element = parseFullElementCode(v);
    draft.last = 'none';
  }
}

/** Text that is not an item start, option or tag: more stem, more explanation, or a problem. */
function continuation(draft: Draft, line: string, paragraph: number): void {
  const text = line.trim();
  if (text === '') return;
  if (draft.last === 'stem') draft.stem.push({ text, paragraph });
  else if (draft.last === 'explanation') draft.explanation.push(text);
  else draft.problems.push(draftProblem(draft, [], msg.unreadText(text), paragraph));
}

/** The body of a line after any item number: stem/option text, then 答案/难度/解析/鉴定点 tags. */
export function content(draft: Draft, m: string, line: string, offset: number, paragraph: number, startsItem: boolean): void {
  const tags = lineTags(m, offset);
  const bodyEnd = tags[0]?.at ?? m.length;
  const bodyM = m.slice(0, bodyEnd);
  const body = line.slice(0, bodyEnd);
  if (bodyM.slice(offset).trim() !== '') {
    if (startsItem) {
      // A key in the stem's brackets (`（A、C）`) is not the start of the options.
      const inline = inlineOptionsStart(bodyM.replace(STEM_KEY_RE, (k) => ' '.repeat(k.length)), offset);
      const stemEnd = inline?.at ?? bodyEnd;
      const stem = body.slice(offset, stemEnd).trim();
      if (stem !== '') draft.stem.push({ text: stem, paragraph });
      if (inline) for (const opt of splitOptions(bodyM, body, 0, inline.end)) addOption(draft, opt.letter, opt.text, paragraph);
    } else if (!optionLine(draft, bodyM.slice(offset), body.slice(offset), paragraph)) {
      if (draft.awaiting !== undefined) {
        tagValue(draft, draft.awaiting === 'key' ? '答案' : draft.awaiting === 'difficulty' ? '难度' : '鉴定点', body.slice(offset), paragraph);
        draft.awaiting = undefined;
      } else continuation(draft, body.slice(offset), paragraph);
    }
  }
  tags.forEach((t, i) => {
    draft.awaiting = undefined;
    tagValue(draft, t.word, line.slice(t.end, tags[i + 1]?.at ?? line.length), paragraph);
  });
}
