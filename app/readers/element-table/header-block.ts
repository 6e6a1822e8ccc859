/**
 * The header block above a 细目表 / 内容结构表:
 * `职业：制图员　职业编码：3-01-02-07　方向：机械　等级：四级/中级工　鉴定方式：理论知识　鉴定点数：113`, in one
 * merged cell or one cell per label or value; the title supplies 方向 `（机械）` and 等级 when the block does not.
 */
import type ExcelJS from 'exceljs';
import type { Level } from '../../domain/level.js';
import { toCompact } from '../../domain/text/normalise.js';
import { dataRaw, rowTexts } from './sheet.js';
import { levelFromText } from './values.js';

export interface HeaderBlock {
  occupationCode?: string;
  track?: string;
  level?: Level;
  levelText?: string;
  elementCount?: number;
}

const BLOCK_LABELS: readonly (readonly [RegExp, keyof HeaderBlock | 'name' | 'mode'])[] = [
  [/^职业(?:编码|代码)$/, 'occupationCode'],
  [/^(?:职业(?:\(工种\))?|职业名称)$/, 'name'],
  [/^(?:职业)?(?:方向|工种)$/, 'track'],
  [/^(?:职业)?(?:等级|级别)$/, 'levelText'],
  [/^鉴定方式$/, 'mode'],
  [/^鉴定点(?:数|数量|总数)?$/, 'elementCount'],
];

function blockLabel(token: string): keyof HeaderBlock | 'name' | 'mode' | undefined {
  const t = token.normalize('NFKC');
  return BLOCK_LABELS.find(([re]) => re.test(t))?.[1];
}

const OCCUPATION_CODE_IN_TEXT = /(?<![\d-])(\d-\d{2}-\d{2}-\d{2})(?![\d-])/;
export const NONE = /^(?:—+|-+|－+|无|\/|／)$/;

/**
 * Reads `label：value` pairs from the rows above the table (one merged cell or one cell per label or
 * value); the title supplies 方向 `（机械）` and 等级 when the block does not.
 */
export function readHeaderBlock(lines: readonly string[], titleLine: string | undefined): HeaderBlock {
  const values: Partial<Record<keyof HeaderBlock | 'name' | 'mode', string>> = {};
  for (const line of lines) {
    const tokens = line.split(/[\s\u3000]+/).filter((t) => t !== '');
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i] ?? '';
      const m = /^([^:：]+)[:：](.*)$/.exec(token);
      const label = blockLabel(m?.[1] ?? token);
      if (label === undefined || (m === null && values[label] !== undefined)) continue;
      let value = m?.[2] ?? '';
      const next = tokens[i + 1];
      if (value === '' && next !== undefined) {
        const nextIsLabel = blockLabel(/^([^:：]+)[:：]/.exec(next)?.[1] ?? next) !== undefined;
        if (!nextIsLabel) {
          value = next;
          i += 1;
        }
      }
      if (values[label] === undefined || values[label] === '') values[label] = value;
    }
  }
  const block: HeaderBlock = {};
  const code = values.occupationCode ?? '';
  const codeFound = OCCUPATION_CODE_IN_TEXT.exec(code.normalize('NFKC')) ?? OCCUPATION_CODE_IN_TEXT.exec(lines.join(' ').normalize('NFKC'));
  if (codeFound?.[1] !== undefined) block.occupationCode = codeFound[1];
  else if (code !== '') block.occupationCode = code;
  // A blank 方向 leaves the caller's value; `—` or `无` says explicitly that there is none.
  if (values.track !== undefined && values.track !== '') block.track = NONE.test(values.track) ? '' : values.track;
  if (values.levelText !== undefined && values.levelText !== '') {
    block.levelText = values.levelText;
    const level = levelFromText(values.levelText);
    if (level !== undefined) block.level = level;
  }
  const count = values.elementCount === undefined ? NaN : Number(toCompact(values.elementCount).replace(/个$/, ''));
  if (Number.isInteger(count)) block.elementCount = count;

  if (titleLine !== undefined) {
    if (block.level === undefined && block.levelText === undefined) {
      const level = levelFromText(titleLine.replace(/考核要素细目表|要素细目表|细目表|内容结构表/g, ''));
      if (level !== undefined) block.level = level;
    }
    if (block.track === undefined) {
      for (const m of titleLine.matchAll(/[（(]([^（）()]+)[）)]/g)) {
        const inner = m[1]?.trim() ?? '';
        if (inner !== '' && levelFromText(inner) === undefined && !/样例|示例|征求意见稿|试行/.test(inner)) {
          block.track = inner;
          break;
        }
      }
    }
  }
  return block;
}

/** Texts of the rows above the table (master cells only), and the title among them. */
export function blockLines(ws: ExcelJS.Worksheet, lastRow: number, columns: number): { lines: string[]; title?: string } {
  const lines: string[] = [];
  for (let r = 1; r <= lastRow; r += 1) {
    const line = rowTexts(ws, r, columns, dataRaw).filter((t) => t !== '').join(' ');
    if (line !== '') lines.push(line);
  }
  const title = lines.find((l) => /细目表|结构表/.test(l));
  return title === undefined ? { lines } : { lines, title };
}
