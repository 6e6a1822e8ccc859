/**
 * The values of a 细目表 / 内容结构表 as people write them: 鉴定比重 (`25`, `25%`, a percentage cell), 重要程度
 * (X/Y/Z, x/y/z or 核心/一般/辅助), code and name sharing a cell (`A基本要求`, `001道德的概念`), the 鉴定范围
 * letter, the three-digit 鉴定点 code of the table, and a level written inside a longer text.
 */
import { roundTo } from '../../domain/format.js';
import { LEVELS, parseLevel, type Level } from '../../domain/level.js';
import { toCompact } from '../../domain/text/normalise.js';
import type { Raw } from './sheet.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; text: string };

/** 鉴定比重: `25`, `25%`, a 25 % cell (0.25) or `２５％`. */
export function parseWeight(raw: Raw): Parsed<number> {
  if (raw.number !== undefined) {
    const n = raw.percent ? roundTo(raw.number * 100, 9) : raw.number;
    return n >= 0 && n <= 100 ? { ok: true, value: n } : { ok: false, text: raw.text };
  }
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(toCompact(raw.text));
  const n = m?.[1] === undefined ? NaN : Number(m[1]);
  return Number.isFinite(n) && n <= 100 ? { ok: true, value: n } : { ok: false, text: raw.text };
}

/** 重要程度: X/Y/Z, x/y/z or 核心/一般/辅助 (要素). */
export function parseImportance(text: string): Parsed<'X' | 'Y' | 'Z'> {
  const t = toCompact(text).toUpperCase();
  if (t === 'X' || /^核心(要素)?$/.test(t)) return { ok: true, value: 'X' };
  if (t === 'Y' || /^一般(要素)?$/.test(t)) return { ok: true, value: 'Y' };
  if (t === 'Z' || /^辅助(性)?(要素)?$/.test(t)) return { ok: true, value: 'Z' };
  return { ok: false, text };
}

/** `A基本要求`, `A 基本要求`, `A、基本要求`, `（A）基本要求`, `基本要求（A）` → code and name. */
export function splitScopeText(text: string): { code?: string; name: string } {
  const lead = /^[（(]?([A-ZＡ-Ｚ])[）)]?(?![A-Za-zＡ-Ｚａ-ｚ])[\s、.．:：\-－]*(\S.*)$/u.exec(text);
  if (lead?.[1] !== undefined && lead[2] !== undefined) return { code: lead[1].normalize('NFKC'), name: lead[2].trim() };
  const trail = /^(.*\S)\s*[（(]([A-ZＡ-Ｚ])[）)]$/u.exec(text);
  if (trail?.[1] !== undefined && trail[2] !== undefined) return { code: trail[2].normalize('NFKC'), name: trail[1].trim() };
  return { name: text };
}

/** `001道德的概念`, `001 道德的概念`, `A-A-A-001 道德的概念` → code and name. */
export function splitElementText(text: string): { code?: string; name: string } {
  const m = /^((?:[A-ZＡ-Ｚ][-－]?){0,4}[0-9０-９]{1,3})(?![0-9０-９])[\s、.．:：\-－]*(\S.*)$/u.exec(text);
  if (m?.[1] !== undefined && m[2] !== undefined) return { code: m[1], name: m[2].trim() };
  return { name: text };
}

/** A 鉴定范围 code: one capital letter (full-width too). */
export function parseScopeCode(text: string): Parsed<string> {
  const t = toCompact(text).toUpperCase();
  return /^[A-Z]$/.test(t) ? { ok: true, value: t } : { ok: false, text };
}

/**
 * The 鉴定点代码 cell of a 细目表 row: the element's own three-digit code (`code` of the domain, not the
 * item's `fullCode`) written as `001`, the number 1 (a cell formatted `000`), or the full `A-B-C-001` /
 * `ABC001` when its letters are the row's 鉴定范围 (`scope: true` when they are not).
 */
export function parseElementCodeCell(raw: Raw, scopeCodes: readonly string[]): Parsed<string> | { ok: false; text: string; scope: true } {
  if (raw.number !== undefined && Number.isInteger(raw.number) && raw.number >= 1 && raw.number <= 999) {
    return { ok: true, value: String(raw.number).padStart(3, '0') };
  }
  const t = toCompact(raw.text).toUpperCase().replace(/－/g, '-');
  if (/^\d{3}$/.test(t)) return { ok: true, value: t };
  const full = /^([A-Z](?:-?[A-Z]){0,3})-?(\d{3})$/.exec(t);
  if (full?.[1] !== undefined && full[2] !== undefined) {
    if (full[1].replace(/-/g, '') === scopeCodes.join('')) return { ok: true, value: full[2] };
    return { ok: false, text: raw.text, scope: true };
  }
  return { ok: false, text: raw.text };
}

/** A level as people write it, also inside a longer text (`（三级/高级工）`, `四级（中级工）`). */
export function levelFromText(text: string): Level | undefined {
  const t = toCompact(text);
  const direct = parseLevel(t);
  if (direct !== undefined) return direct;
  const grade = /([一二三四五])级/.exec(t) ?? /(?<![\d.])([1-5])级/.exec(t);
  if (grade?.[0] !== undefined) return parseLevel(grade[0]);
  // Longest titles first: 高级技师 contains 技师, 高级工 contains 高级.
  const titles = LEVELS.flatMap((l) => [
    [l.title, l.level],
    [l.shortTitle, l.level],
  ] as const).sort((a, b) => b[0].length - a[0].length);
  for (const [title, level] of titles) if (t.includes(title)) return level;
  return undefined;
}
