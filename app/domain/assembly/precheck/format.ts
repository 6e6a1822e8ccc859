/** Chinese wording and small sums shared by the pre-checks (set names and numbers: `../../format.ts`). */

/** `3 套 × 10` or `各套分别 10、12、10 道`. */
export function perSetText(perSet: readonly number[]): string {
  const first = perSet[0] ?? 0;
  return perSet.every((n) => n === first) ? `${perSet.length} 套 × ${first}` : `各套分别 ${perSet.join('、')} 道`;
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function bandList(bands: readonly number[]): string {
  return `难度 ${bands.map((b) => String(b)).join('、')} 级`;
}

export function listSome(names: readonly string[], max = 4): string {
  return names.length <= max ? names.join('、') : `${names.slice(0, max).join('、')} 等 ${names.length} 项`;
}

/**
 * The caps of a group of 鉴定点, worded: `每个鉴定点每套至多 c 道` when they share one (or the group is
 * empty: `paperCap`), else `各鉴定点每套至多 a–b 道` (`部分鉴定点每套至多 …` when some have no cap).
 */
export function capsText(caps: readonly number[], paperCap: number): string {
  const first = caps[0] ?? paperCap;
  if (caps.every((c) => c === first)) return `每个鉴定点每套至多 ${first} 道`;
  const finite = caps.filter((c) => Number.isFinite(c));
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const range = lo === hi ? `${lo}` : `${lo}–${hi}`;
  return `${finite.length < caps.length ? '部分' : '各'}鉴定点每套至多 ${range} 道`;
}

/** The cap of one 鉴定点, worded: the paper's as `每个鉴定点每套至多 c 道`, its own as `该鉴定点每套至多 c 道`. */
export function pointCapText(cap: number, paperCap: number): string {
  return `${cap === paperCap ? '每个' : '该'}鉴定点每套至多 ${cap} 道`;
}
