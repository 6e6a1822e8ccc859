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
