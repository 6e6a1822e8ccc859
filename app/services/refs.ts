/** Compact object references for the access log (ids only, never content). */

/** Compact object reference for the access log: `item:12-661` for a contiguous run. */
export function itemRefs(ids: readonly number[]): string[] {
  if (ids.length === 0) return [];
  const sorted = [...ids].sort((a, b) => a - b);
  const out: string[] = [];
  let start = sorted[0] as number;
  let prev = start;
  for (const id of sorted.slice(1).concat(Number.NaN)) {
    if (id === prev + 1) {
      prev = id;
      continue;
    }
    out.push(start === prev ? `item:${start}` : `item:${start}-${prev}`);
    start = id;
    prev = id;
  }
  return out;
}

