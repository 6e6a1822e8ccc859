/**
 * Page breaks for a table of merged cells printed over several pages (the 细目表): the body rows with
 * their heights, the merged blocks (a range of rows and the height its text needs) and what a page holds.
 * Pages break between leaf blocks (the deepest 鉴定范围) whenever the block fits on a page, so no such cell
 * is cut; a block taller than a page breaks between its rows. The blocks of the upper levels are split at
 * the breaks — each part repeats its text, so no merged cell crosses a page — and every part is made tall
 * enough for its text. Heights in points; rows are 0-based indexes into the body.
 */

export interface MergedBlock {
  readonly first: number;
  readonly last: number;
  /** 1 for the top level; deeper blocks are fitted first. */
  readonly level: number;
  /** The height its text needs. */
  readonly need: number;
}

export interface Pagination {
  /** Rows that begin a page after the first (ascending). */
  readonly starts: readonly number[];
  /** The heights of the rows, grown where a part of a block needs more room. */
  readonly heights: readonly number[];
}

/** Rows `a`…`b` with each block's part in them grown to its need (deepest first, the last row of a part takes the rest). */
function fitted(heights: readonly number[], blocks: readonly MergedBlock[], a: number, b: number): number[] {
  const hs = heights.slice(a, b + 1);
  for (const k of blocks) {
    const s = Math.max(k.first, a);
    const e = Math.min(k.last, b);
    if (s > e) continue;
    let have = 0;
    for (let r = s; r <= e; r += 1) have += hs[r - a] ?? 0;
    if (have < k.need) hs[e - a] = (hs[e - a] ?? 0) + k.need - have;
  }
  return hs;
}

const total = (hs: readonly number[]) => hs.reduce((x, h) => x + h, 0);

/**
 * Where pages start: `breakable` rows begin a leaf block (a page may start there); `capacity.first` is
 * what the first page holds under the title, `capacity.other` what each further page holds.
 */
export function paginate(
  heights: readonly number[],
  blocks: readonly MergedBlock[],
  breakable: ReadonlySet<number>,
  capacity: { readonly first: number; readonly other: number },
): Pagination {
  const ordered = [...blocks].sort((x, y) => y.level - x.level);
  const starts: number[] = [];
  let start = 0;
  let cap = capacity.first;
  for (let r = 0; r < heights.length; r += 1) {
    if (total(fitted(heights, ordered, start, r)) <= cap) continue;
    let at = r;
    while (at > start && !breakable.has(at)) at -= 1;
    // No leaf begins after the page's first row: the block is taller than a page, break before this row.
    if (at === start) at = r;
    if (at === start) continue; // one row taller than a page: nothing to do
    starts.push(at);
    start = at;
    cap = capacity.other;
    r = at - 1;
  }
  const bounds = [0, ...starts, heights.length];
  const fittedHeights = bounds.slice(0, -1).flatMap((a, i) => fitted(heights, ordered, a, (bounds[i + 1] ?? heights.length) - 1));
  return { starts, heights: fittedHeights };
}

/** The parts of rows `first`…`last` on each page: [first, last] ranges split at the page starts. */
export function partsOf(first: number, last: number, starts: readonly number[]): [number, number][] {
  const parts: [number, number][] = [];
  let a = first;
  for (const s of starts) {
    if (s <= a || s > last) continue;
    parts.push([a, s - 1]);
    a = s;
  }
  parts.push([a, last]);
  return parts;
}
