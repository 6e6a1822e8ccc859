/**
 * Items laid out as a Word table, one item per row under a header row that names the columns as the
 * writers' Excel template does (题干 and 答案 at least; 题号, 题型, 选项A…E or one 选项 column, 难度,
 * 鉴定点, 解析 when there): each row becomes a draft like an item written in paragraphs.
 */
import { toHalfWidth } from '../../domain/text/normalise.js';
import { parseFullElementCode, parseTheoryType } from '../items/values.js';
import { addOption, newDraft, optionLine, type Draft } from './item-draft.js';
import type { Section } from './item-layout.js';
import type { DocxLine } from './package.js';

type Column = 'number' | 'type' | 'stem' | 'options' | 'key' | 'difficulty' | 'element' | 'explanation' | 'other' | `option${number}`;

const HEADERS: readonly [RegExp, Column][] = [
  [/^(?:题号|序号|编号)$/, 'number'],
  [/^(?:题型|试题类型|题目类型|类型)$/, 'type'],
  [/^(?:题干|试题内容|题目|试题|题目内容|问题|内容)$/, 'stem'],
  [/^(?:选项|备选答案|答案选项)$/, 'options'],
  [/^(?:答案|正确答案|参考答案|标准答案)$/, 'key'],
  [/^(?:难度|难度等级|难易程度)$/, 'difficulty'],
  [/^(?:鉴定点|鉴定点代码|鉴定点编码|考核点代码|考核点)$/, 'element'],
  [/^(?:解析|试题解析|答案解析)$/, 'explanation'],
];

/** The columns of an item table's header row, or undefined when the row is not one. */
export type ItemTableColumns = readonly Column[];

export function itemTableHeader(cells: readonly string[]): Column[] | undefined {
  const columns = cells.map((cell): Column | undefined => {
    const t = toHalfWidth(cell).replace(/\s+/g, '');
    const option = /^(?:选项)?([A-E])(?:选项)?$/.exec(t);
    if (option) return `option${(option[1] ?? 'A').charCodeAt(0) - 65}`;
    return HEADERS.find(([re]) => re.test(t))?.[1];
  });
  return columns.includes('stem') && columns.includes('key') ? columns.map((c) => c ?? 'other') : undefined;
}

const TYPE_OF = { trueFalse: 'trueFalse', singleChoice: 'singleChoice', multipleChoice: 'multipleChoice' } as const;

/** The draft of a row of an item table (undefined for an empty row). */
export function tableRowDraft(columns: readonly Column[], line: DocxLine, section: Section | undefined, index: number): Draft | undefined {
  const cells = line.cells ?? [];
  const value = (c: Column) => cells[columns.indexOf(c)]?.trim() ?? '';
  if (value('stem') === '') return undefined;
  const number = Number.parseInt(toHalfWidth(value('number')), 10);
  const draft = newDraft(line.paragraph, section, Number.isFinite(number) ? number : index);
  const paragraph = line.paragraph;
  draft.stem.push({ text: value('stem'), paragraph });
  const type = parseTheoryType(value('type'));
  if (type !== undefined) draft.typeTag = TYPE_OF[type];
  columns.forEach((c, k) => {
    const text = cells[k]?.trim() ?? '';
    if (text !== '' && c.startsWith('option') && c !== 'options') addOption(draft, Number(c.slice(6)), text, paragraph);
  });
  const options = value('options');
  if (options !== '') optionLine(draft, toHalfWidth(options), options, paragraph);
  if (value('key') !== '') draft.key = { text: value('key'), paragraph };
  if (value('difficulty') !== '') draft.difficulty = { text: value('difficulty'), paragraph };
  if (value('element') !== '') draft.element = parseFullElementCode(value('element'));
  columns.forEach((c, k) => {
    if (c === 'explanation' && (cells[k]?.trim() ?? '') !== '') draft.explanation.push(cells[k]?.trim() ?? '');
  });
  draft.images.push(...line.images);
  draft.last = 'none';
  return draft;
}
