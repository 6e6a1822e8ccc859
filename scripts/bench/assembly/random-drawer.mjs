// The random drawer of the 组卷 tools in use (按题型/鉴定点/难度随机抽题): for each set and each
// (鉴定范围, 题型) cell it shuffles the unused items and takes them in turn while the set's band quota,
// the per-鉴定点 cap and the enemy pairs allow; slots it cannot fill that way are filled with any
// unused item of the cell. No balancing of difficulty between sets. Seeded, so runs repeat.
const { Random } = await import(new URL('../../../dist/app/domain/assembly/random.js', import.meta.url).href);

export function randomDraw(problem, seed = 1) {
  const random = new Random(seed);
  const rand = () => random.next();
  const excluded = new Set(problem.excluded);
  const byCell = new Map();
  for (const item of problem.items) {
    if (excluded.has(item.id)) continue;
    const key = `${item.node}\u0000${item.type}`;
    if (!byCell.has(key)) byCell.set(key, []);
    byCell.get(key).push(item);
  }
  const enemiesOf = new Map();
  for (const [x, y] of problem.enemies) {
    if (!enemiesOf.has(x)) enemiesOf.set(x, []);
    if (!enemiesOf.has(y)) enemiesOf.set(y, []);
    enemiesOf.get(x).push(y);
    enemiesOf.get(y).push(x);
  }
  // The cap of a 鉴定点: its own (set at a node of the 细目表) or the paper's.
  const capOf = (point) => (problem.pointCaps !== undefined && Object.hasOwn(problem.pointCaps, point) ? problem.pointCaps[point] : problem.pointCap);
  const used = new Set();
  const sets = [];
  for (let s = 0; s < problem.sets; s++) {
    const chosen = new Set();
    const bands = problem.bands?.[s] ? [...problem.bands[s]] : null;
    const perPoint = new Map();
    for (const cell of problem.cells) {
      const want = cell.counts[s] ?? 0;
      const pool = (byCell.get(`${cell.node}\u0000${cell.type}`) ?? []).filter((i) => !used.has(i.id));
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      let got = 0;
      const ok = (item, strict) =>
        !chosen.has(item.id) &&
        (!strict || ((bands === null || bands[item.band - 1] > 0) && (perPoint.get(item.point) ?? 0) < capOf(item.point))) &&
        !(enemiesOf.get(item.id) ?? []).some((e) => chosen.has(e));
      for (const strict of [true, false]) {
        for (const item of pool) {
          if (got >= want) break;
          if (!ok(item, strict)) continue;
          chosen.add(item.id);
          if (bands !== null && bands[item.band - 1] > 0) bands[item.band - 1] -= 1;
          perPoint.set(item.point, (perPoint.get(item.point) ?? 0) + 1);
          got++;
        }
      }
    }
    for (const id of chosen) used.add(id);
    sets.push([...chosen]);
  }
  return sets;
}
