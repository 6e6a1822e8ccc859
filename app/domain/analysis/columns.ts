/**
 * Which column of an answer sheet is which: the candidate (考生/考号/准考证号/编号 …, optional), the
 * items by their position in the paper (`1`, `第1题`, `1题`), and columns that are ignored — personal
 * data above all (姓名, 身份证号, 手机 …: never read into the bank) and anything else unknown.
 */
import { analysisMessages as m } from './messages.js';

/** Headers that identify the candidate, the most specific first (a 序号 is used only without the others). */
const CANDIDATE_HEADERS = ['准考证号', '准考证', '考号', '考生编号', '考生ID', '考生', 'ID', '编号', '序号'];
const PERSONAL = /姓名|身份证|证件|手机|电话|住址|单位/;
const ITEM = /^(?:第\s*)?(\d{1,4})(?:\s*题)?$/;

export interface SheetColumns {
  /** Column index of the candidate identifier, or null (candidates numbered C0001 …). */
  readonly candidate: number | null;
  /** Paper position → column index. */
  readonly items: ReadonlyMap<number, number>;
  /** Headers not read (personal data first). */
  readonly ignored: readonly string[];
  readonly personal: readonly string[];
  /** Why the header does not fit the paper, in Chinese (empty when it does). */
  readonly problems: readonly string[];
}

export function mapColumns(header: readonly string[], positions: readonly number[]): SheetColumns {
  const rank = (h: string) => CANDIDATE_HEADERS.findIndex((c) => c.toUpperCase() === h.trim().toUpperCase());
  const ranked = header.map((h, col) => ({ col, r: rank(h) })).filter((x) => x.r >= 0).sort((a, b) => a.r - b.r || a.col - b.col);
  const candidate: number | null = ranked[0]?.col ?? null;
  const items = new Map<number, number>();
  const ignored: string[] = [];
  const personal: string[] = [];
  const problems: string[] = [];
  const wanted = new Set(positions);
  header.forEach((raw, col) => {
    const h = raw.trim();
    const item = ITEM.exec(h);
    if (h === '' || col === candidate) return;
    if (rank(h) >= 0) ignored.push(h);
    else if (PERSONAL.test(h)) personal.push(h);
    else if (item) {
      const position = Number(item[1]);
      if (!wanted.has(position)) problems.push(m.columns.noSuchItem(h, position, positions.length));
      else if (items.has(position)) problems.push(m.columns.duplicate(h, position));
      else items.set(position, col);
    } else ignored.push(h);
  });
  const missing = positions.filter((p) => !items.has(p));
  if (missing.length > 0) problems.push(m.columns.missing(missing));
  return { candidate, items, ignored, personal, problems };
}
