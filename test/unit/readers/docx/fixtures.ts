/** Word documents of items for the docx reader tests: the sample items in the layouts writers use. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { sha256Hex } from '../../../../crypto/digest.js';
import type { TheoryItem } from '../../../../app/domain/theory-item.js';
import { formatProblem } from '../../../../app/domain/validation.js';
import { parseItemDocx, type DocxRow, type ParsedDocument } from '../../../../app/readers/docx/items.js';
import type { ReadOptions } from '../../../../app/readers/limits.js';

/** The reader as the import service calls it: images named by SHA-256. */
export const parseDocx = (bytes: Uint8Array, options: ReadOptions = {}): Promise<ParsedDocument> => parseItemDocx(bytes, { ...options, contentHash: sha256Hex });

export const SAMPLE = join(import.meta.dirname, '../../../../app/demo/sample');
/** A sample item as stored in the JSON files (no `images`), per 题型. */
export type SampleTheory = TheoryItem extends infer T ? (T extends unknown ? Omit<T, 'images'> : never) : never;

export function sampleTheory(): SampleTheory[] {
  return readdirSync(SAMPLE)
    .filter((f) => /^theory-.*\.json$/.test(f))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(SAMPLE, f), 'utf8')) as { items: SampleTheory[] }).items);
}

/** A few of each 题型, in 判断/单选/多选 order. */
export function someOfEach(n: number): SampleTheory[] {
  const all = sampleTheory();
  return (['trueFalse', 'singleChoice', 'multipleChoice'] as const).flatMap((t) => all.filter((i) => i.type === t).slice(0, n));
}

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export type Block = string | Paragraph | Table;

/** A .docx made with the `docx` package: a string is one paragraph. */
export async function docxOf(blocks: readonly Block[]): Promise<Uint8Array> {
  const children = blocks.map((b) => (typeof b === 'string' ? new Paragraph({ children: [new TextRun(b)] }) : b));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** One paragraph whose lines are separated by line breaks (w:br). */
export function brokenLines(lines: readonly string[]): Paragraph {
  return new Paragraph({ children: lines.map((text, i) => new TextRun({ text, break: i === 0 ? 0 : 1 })) });
}

export function tableOf(rows: readonly (readonly string[])[]): Table {
  return new Table({
    rows: rows.map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
  });
}

export const SECTION = { trueFalse: '一、判断题', singleChoice: '二、单项选择题', multipleChoice: '三、多项选择题' } as const;
export const LETTERS = ['A', 'B', 'C', 'D', 'E'];
export const tfMark = (key: boolean) => (key ? '√' : '×');

export const raws = (parsed: ParsedDocument) => parsed.rows.map((r) => r.raw as Record<string, unknown>);
export const rowMessages = (row: DocxRow | undefined) => (row?.problems ?? []).map((p) => formatProblem(p, `第${row?.paragraph ?? 0}段`));
export const withImages = (items: readonly SampleTheory[]) => items.map((i) => ({ ...i, images: [] }));

/** Layout 1: 题型 sections, numbers restart, options one per line, 答案/难度/鉴定点/解析 lines. */
export function answerLineLayout(items: readonly SampleTheory[]): Block[] {
  const blocks: Block[] = [];
  let section = '';
  let n = 0;
  for (const item of items) {
    if (SECTION[item.type] !== section) {
      section = SECTION[item.type];
      blocks.push(section);
      n = 0;
    }
    n++;
    blocks.push(`${n}. ${item.stem}`);
    if (item.type !== 'trueFalse') item.options.forEach((o, i) => blocks.push(`${LETTERS[i] ?? ''}. ${o}`));
    blocks.push(`答案：${item.type === 'trueFalse' ? tfMark(item.key) : item.key}`);
    blocks.push(`难度：${item.difficulty}`);
    blocks.push(`鉴定点：${item.element}`);
    blocks.push(`解析：${item.explanation}`);
  }
  return blocks;
}

/**
 * Layout 2: a national-bank paper — title, 注意事项, 得分表, section headings with their notes, numbering
 * running through the paper, `（ ）` brackets, options on one line, a 【鉴定点】【难度】【解析】 line, and the
 * key at the end as a 参考答案 table (`1-5 √×√√×` for 判断, `21.B 22.C` for the rest).
 */
export function nationalPaperLayout(items: readonly SampleTheory[]): Block[] {
  const blocks: Block[] = [
    '职业技能鉴定国家题库',
    '制图员中级理论知识试卷及参考答案',
    '注 意 事 项',
    '1、考试时间：120分钟。',
    '2、本试卷依据2005年颁布的《制图员》国家职业标准命制。',
    '3、请首先按要求在试卷的标封处填写您的姓名、准考证号和所在单位的名称。',
    tableOf([
      ['', '一', '二', '三', '总分'],
      ['得分', '', '', '', ''],
    ]),
  ];
  let section = '';
  let n = 0;
  const keys: { n: number; key: string; type: string }[] = [];
  for (const item of items) {
    if (SECTION[item.type] !== section) {
      section = SECTION[item.type];
      blocks.push(`${section}（第${n + 1}题～第${n + items.filter((i) => i.type === item.type).length}题。每题1分。）`);
      blocks.push(tableOf([['得 分', ''], ['评分人', '']]));
    }
    n++;
    if (item.type === 'trueFalse') blocks.push(`${n}．（ ）${item.stem}`);
    else {
      blocks.push(`${n}．${item.stem}`);
      blocks.push(item.options.map((o, i) => `${LETTERS[i] ?? ''}、${o}`).join('　'));
    }
    blocks.push(`【鉴定点】${item.element}　【难度】${item.difficulty}　【解析】${item.explanation}`);
    keys.push({ n, key: item.type === 'trueFalse' ? tfMark(item.key) : item.key, type: item.type });
  }
  blocks.push('理论知识试卷参考答案');
  for (const type of ['trueFalse', 'singleChoice', 'multipleChoice'] as const) {
    const ks = keys.filter((k) => k.type === type);
    if (ks.length === 0) continue;
    blocks.push(SECTION[type]);
    if (type === 'trueFalse') {
      for (let i = 0; i < ks.length; i += 5) {
        const run = ks.slice(i, i + 5);
        blocks.push(`${run[0]?.n}-${run.at(-1)?.n}　${run.map((k) => k.key).join('')}`);
      }
    } else {
      for (let i = 0; i < ks.length; i += 10) blocks.push(ks.slice(i, i + 10).map((k) => `${k.n}.${k.key}`).join(' '));
    }
  }
  return blocks;
}

/**
 * Layout 3: the key in the stem — `（√）`/`（×）` before a 判断 stem, `（ B ）` in a choice stem — the
 * 鉴定点 code in front of the number, full-width option markers, 难度 as a word.
 */
export function bracketLayout(items: readonly SampleTheory[]): Block[] {
  const words = ['', '易', '较易', '中', '较难', '难'];
  const blocks: Block[] = [];
  let section = '';
  let n = 0;
  for (const item of items) {
    if (SECTION[item.type] !== section) {
      section = SECTION[item.type];
      blocks.push(section);
      n = 0;
    }
    n++;
    if (item.type === 'trueFalse') blocks.push(`[${item.element}] ${n}、（${tfMark(item.key)}）${item.stem}`);
    else {
      blocks.push(`${item.element} ${n}、${item.stem.replace('（ ）', `（ ${item.key} ）`)}`);
      item.options.forEach((o, i) => blocks.push(`${String.fromCharCode(0xff21 + i)}．${o}`));
    }
    blocks.push(`难度：${words[item.difficulty] ?? ''}`);
    blocks.push(`解析：${item.explanation}`);
  }
  return blocks;
}

export const SINGLE_OPTIONS = ['毫米', '厘米', '分米', '米'];
