// The synthetic instances of the assembly benchmark (scripts/bench/assembly.mjs and ./tolerance-zero.mjs).
export const CASES = {
  '1500x3': { items: 1500, sets: 3, overlap: 0, enemyPairs: 0 },
  '3000x3': { items: 3000, sets: 3, overlap: 0, enemyPairs: 0 },
  '10000x3': { items: 10000, sets: 3, overlap: 0, enemyPairs: 0 },
  // 5 sets, pairwise overlap ≤ 10 % of 170 items, enemy pairs = 1 % of the bank.
  '10000x5': { items: 10000, sets: 5, overlap: 17, enemyPairs: 100 },
};

/** The cases named by CASES=a,b (all by default), as [name, case] pairs. */
export function selectedCases(names = process.env.CASES) {
  return (names ?? Object.keys(CASES).join(','))
    .split(',')
    .map((k) => {
      const c = CASES[k];
      if (c === undefined) throw new Error(`unknown case ${k} (known: ${Object.keys(CASES).join(', ')})`);
      return [k, c];
    });
}
