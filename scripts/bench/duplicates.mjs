// Benchmark of near-duplicate detection (issue [C] part 6) with planted rewordings.
//
// 1. Base items: the 652 sample theory items (app/demo/sample/theory-*.json), then synthetic
//    items made from them deterministically — the head of one real stem spliced to the tail of another,
//    drafting terms and numbers substituted from a small vocabulary, options taken (shuffled, sometimes
//    mixed) from a third item, or none (判断题). Every base is kept only if its bigram Jaccard
//    similarity to every base kept before is < 0.5 (checked exactly with an inverted index), so the
//    bases are genuinely distinct and the ground truth is clean.
// 2. Planted near-duplicates of 500 distinct bases, with the rewordings item writers produce:
//    1–3 characters or particles inserted/deleted/replaced (的/是/在/应/一般/通常…), a synonym
//    (采用→使用, 下列→以下), two clauses swapped around a comma, the answer blank moved, options
//    shuffled or one option touched, punctuation and full-width/half-width changes.
// 3. findNearDuplicates over all 10 000 items; recall and precision against the planted pairs,
//    wall time, peak RSS. Targets: recall ≥ 95 % at precision ≥ 90 %, ≤ 5 s.
//
// Needs the build (npm run build). Usage: node scripts/bench/duplicates.mjs [items=10000] [planted=500]
// Environment: SEED (generator seed), THRESHOLD, BANDS, ROWS, SHINGLE (override the detector's defaults),
// SHOW_MISSED=n (print n missed planted pairs).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SEED, chance, int, pick, random, shuffled } from './duplicates/random.mjs';
import { plant } from './duplicates/rewording.mjs';

const dist = (p) => new URL(`../../dist/${p}`, import.meta.url).href;
const { findNearDuplicates, DEFAULT_SIMILARITY_OPTIONS } = await import(dist('app/domain/similarity/near-duplicates.js'));
const { itemComparisonText } = await import(dist('app/domain/similarity/fingerprint.js'));
const { shingles, jaccard, candidateProbability } = await import(dist('app/domain/similarity/minhash.js'));

const TOTAL = Number(process.argv[2] ?? 10_000);
const PLANTED = Number(process.argv[3] ?? 500);
const BASE_MAX_JACCARD = 0.5;

// ---- the real items -------------------------------------------------------------------------------
const sampleDir = fileURLToPath(new URL('../../app/demo/sample/', import.meta.url));
const real = readdirSync(sampleDir)
  .filter((f) => /^theory-.*\.json$/.test(f))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(`${sampleDir}${f}`, 'utf8')).items)
  .map((i) => ({ stem: i.stem, options: i.options }));
const choiceItems = real.filter((i) => i.options);

// ---- synthetic distinct bases ---------------------------------------------------------------------
// Drafting vocabulary: a term found in a stem may be replaced by another of its group.
const TERM_GROUPS = [
  ['主视图', '俯视图', '左视图', '右视图', '仰视图', '后视图', '斜视图', '局部视图'],
  ['全剖视图', '半剖视图', '局部剖视图', '移出断面图', '重合断面图', '局部放大图'],
  ['零件图', '装配图', '轴测图', '展开图', '草图', '布置图', '示意图'],
  ['轴套类', '盘盖类', '叉架类', '箱体类', '薄板类'],
  ['粗实线', '细实线', '细虚线', '细点画线', '波浪线', '双折线', '细双点画线'],
  ['螺纹', '键槽', '退刀槽', '倒角', '圆角', '中心孔', '凸台', '沉孔'],
  ['尺寸公差', '几何公差', '表面粗糙度', '配合', '热处理', '表面结构要求'],
  ['AutoCAD', 'CAXA', 'SolidWorks', 'UG', 'Creo', 'Inventor'],
  ['图层', '线型', '线宽', '颜色', '标注样式', '文字样式', '图块'],
  ['标题栏', '明细栏', '技术要求', '图框', '会签栏'],
  ['长度', '宽度', '高度', '深度', '直径', '半径'],
];
const TERMS = TERM_GROUPS.flat().sort((a, b) => b.length - a.length);
const groupOf = new Map(TERM_GROUPS.flatMap((g) => g.map((t) => [t, g])));

function substituteTerms(stem) {
  let out = stem;
  for (const term of TERMS) {
    if (out.includes(term) && chance(0.6)) out = out.split(term).join(pick(groupOf.get(term).filter((t) => t !== term)));
  }
  return out.replace(/\d+(\.\d+)?/g, (d) => (chance(0.6) ? String(1 + int(d.length > 1 ? 200 : 9)) : d));
}

/**
 * Where a stem may be cut: after a comma/semicolon (a clause boundary), else after a particle
 * (的/是/在/中/时/与/和) near the middle — so that spliced stems read like sentences.
 */
function cut(stem) {
  const body = stem.replace(/[。？]$/, '');
  const clauses = [...body.matchAll(/[，；]/g)].map((m) => m.index + 1);
  if (clauses.length > 0 && chance(0.8)) return pick(clauses);
  const particles = [...body.matchAll(/[的是在中时与和]/g)].map((m) => m.index + 1).filter((i) => i > 3 && i < body.length - 3);
  if (particles.length > 0) return pick(particles);
  return Math.floor(body.length * (0.35 + random() * 0.3));
}

const BLANK = /（\s*）/g;
const judgeStems = real.filter((i) => !i.options).map((i) => i.stem);
const choiceStems = choiceItems.map((i) => i.stem);

/** A 判断题 from two 判断题 stems, or a choice item from two choice stems with one blank and borrowed options. */
function syntheticBase() {
  const judge = chance(0.16);
  const pool = judge ? judgeStems : choiceStems;
  const a = pick(pool);
  const b = pick(pool);
  if (a === b) return undefined;
  const head = a.slice(0, cut(a));
  const tail = b.slice(cut(b)).replace(/^[，；]/, '');
  let stem = substituteTerms(head + tail).replace(/[。？]?$/, '。');
  if (stem.replace(BLANK, '').length < 12) return undefined; // the sample's shortest stems have 11 characters
  if (judge) return { stem: stem.replace(BLANK, ''), options: undefined };
  const blanks = stem.match(BLANK)?.length ?? 0;
  if (blanks === 0) stem = stem.replace(/。$/, '（ ）。');
  for (let k = 1; k < blanks; k++) stem = stem.replace(/（\s*）/, '');
  let options = shuffled(pick(choiceItems).options);
  if (chance(0.4)) {
    const other = shuffled(pick(choiceItems).options);
    options = shuffled([...options.slice(0, 2), ...other.slice(0, options.length - 2)]);
  }
  options = options.map((o) => (chance(0.3) ? substituteTerms(o) : o));
  if (new Set(options).size !== options.length) return undefined;
  return { stem, options };
}

// Exact bigram Jaccard against every kept base, through an inverted index of shingle → base numbers.
const postings = new Map();
const shingleSets = [];
let overlap = new Int32Array(1024);
function distinctEnough(text) {
  const own = shingles(text, 2);
  if (own.length < 6) return false;
  if (overlap.length < shingleSets.length) {
    const bigger = new Int32Array(overlap.length * 2);
    overlap = bigger;
  }
  const touched = [];
  for (const s of own) {
    for (const k of postings.get(s) ?? []) {
      if (overlap[k]++ === 0) touched.push(k);
    }
  }
  let ok = true;
  for (const k of touched) {
    const common = overlap[k];
    if (common / (own.length + shingleSets[k] - common) >= BASE_MAX_JACCARD) ok = false;
    overlap[k] = 0;
  }
  if (!ok) return false;
  const k = shingleSets.length;
  shingleSets.push(own.length);
  for (const s of own) {
    const list = postings.get(s);
    if (list === undefined) postings.set(s, [k]);
    else list.push(k);
  }
  return true;
}

const tGen = performance.now();
const bases = [];
let realRejected = 0;
for (const item of real) {
  if (distinctEnough(itemComparisonText(item))) bases.push({ ...item, origin: 'real' });
  else realRejected++;
}
let attempts = 0;
while (bases.length < TOTAL - PLANTED) {
  attempts++;
  const item = syntheticBase();
  if (item !== undefined && distinctEnough(itemComparisonText(item))) bases.push({ ...item, origin: 'synthetic' });
  if (attempts > 50 * TOTAL) throw new Error('could not build enough distinct base items');
}


const plantedOf = shuffled(bases.map((_, i) => i)).slice(0, PLANTED);
const all = [...bases, ...plantedOf.map((i) => plant(bases[i]))];
// Ids in shuffled order, so that a pair's ids say nothing about how it was made.
const ids = shuffled(all.map((_, i) => i + 1));
const truth = new Set(plantedOf.map((baseIndex, k) => pairKey(ids[baseIndex], ids[bases.length + k])));
function pairKey(x, y) {
  return x < y ? `${x}:${y}` : `${y}:${x}`;
}
const genMs = performance.now() - tGen;
const rssBefore = process.resourceUsage().maxRSS;

// ---- the run --------------------------------------------------------------------------------------
const t0 = performance.now();
const candidates = all.map((item, i) => ({ id: ids[i], text: itemComparisonText(item) }));
const tText = performance.now() - t0;
const overrides = Object.fromEntries(
  [
    ['threshold', process.env.THRESHOLD],
    ['bands', process.env.BANDS],
    ['rows', process.env.ROWS],
    ['shingle', process.env.SHINGLE],
  ]
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, Number(v)]),
);
const o = { ...DEFAULT_SIMILARITY_OPTIONS, ...overrides };
const runs = [];
let found;
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  found = findNearDuplicates(candidates, overrides);
  runs.push(performance.now() - t);
}

// ---- evaluation -----------------------------------------------------------------------------------
const byId = new Map(all.map((item, i) => [ids[i], { item, text: candidates[i].text }]));
const exactJaccard = (x, y) => jaccard(new Set(shingles(byId.get(x).text, o.shingle)), new Set(shingles(byId.get(y).text, o.shingle)));
const truePairs = found.filter((p) => truth.has(pairKey(p.a, p.b)));
const falsePairs = found.filter((p) => !truth.has(pairKey(p.a, p.b)));
const plantedScores = [...truth].map((k) => {
  const [x, y] = k.split(':').map(Number);
  return exactJaccard(x, y);
});
const below = plantedScores.filter((s) => s < o.threshold).length;
const foundKeys = new Set(found.map((p) => pairKey(p.a, p.b)));
const lshMissed = [...truth].filter((k, i) => plantedScores[i] >= o.threshold && !foundKeys.has(k)).length;
const sortedScores = [...plantedScores].sort((a, b) => a - b);
const pct = (q) => sortedScores[Math.min(sortedScores.length - 1, Math.floor(q * sortedScores.length))].toFixed(2);
const originOf = (id) => byId.get(id).item.origin;
const falseKinds = new Map();
for (const p of falsePairs) {
  const kind = [originOf(p.a), originOf(p.b)].sort().join('–');
  falseKinds.set(kind, (falseKinds.get(kind) ?? 0) + 1);
}

const recall = truePairs.length / truth.size;
const precision = found.length === 0 ? 1 : truePairs.length / found.length;
const percent = (x) => `${(100 * x).toFixed(1)} %`;
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
console.log(
  `parameters: threshold ${o.threshold}, ${o.shingle}-character shingles, ${o.bands} bands × ${o.rows} rows = ${o.bands * o.rows} MinHash values` +
    ` (P(candidate) ${candidateProbability(o.threshold, o.bands, o.rows).toFixed(4)} at s = ${o.threshold})`,
);
console.log(
  `items: ${all.length} (${bases.filter((b) => b.origin === 'real').length} real + ${bases.filter((b) => b.origin === 'synthetic').length} synthetic bases,` +
    ` ${PLANTED} planted; ${realRejected} real items dropped as ≥ ${BASE_MAX_JACCARD} similar to another; generation ${(genMs / 1000).toFixed(1)} s, seed ${SEED})`,
);
console.log(`planted pairs: ${truth.size} (bigram Jaccard min ${pct(0)}, 5 % ${pct(0.05)}, median ${pct(0.5)}; ${below} below the threshold)`);
console.log(`found pairs: ${found.length} (${found.filter((p) => p.kind === 'exact').length} exact, ${found.filter((p) => p.kind === 'near').length} near)`);
console.log(`recall: ${percent(recall)} (${truePairs.length}/${truth.size}; missed ${truth.size - truePairs.length}: ${below} below the threshold, ${lshMissed} missed by LSH) — target ≥ 95 %`);
console.log(
  `precision: ${percent(precision)} (${falsePairs.length} pairs not planted: ${[...falseKinds].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'};` +
    ` two bases cannot reach the threshold, they are < ${BASE_MAX_JACCARD} apart by construction) — target ≥ 90 %`,
);
const missed = plantedOf
  .map((baseIndex, k) => ({ base: bases[baseIndex], variant: all[bases.length + k], key: pairKey(ids[baseIndex], ids[bases.length + k]) }))
  .filter((x) => !foundKeys.has(x.key));
const opCounts = new Map();
for (let k = 0; k < PLANTED; k++) {
  const variant = all[bases.length + k];
  const hit = foundKeys.has(pairKey(ids[plantedOf[k]], ids[bases.length + k]));
  for (const op of new Set(variant.ops)) {
    const c = opCounts.get(op) ?? { n: 0, hit: 0 };
    c.n++;
    if (hit) c.hit++;
    opCounts.set(op, c);
  }
}
console.log(`recall by rewording: ${[...opCounts].map(([op, c]) => `${op} ${c.hit}/${c.n}`).join(', ')}`);
for (const x of missed.slice(0, Number(process.env.SHOW_MISSED ?? 0))) {
  console.log(`  missed [${x.variant.ops.join('+')}]: ${x.base.stem} ${x.base.options?.join('/') ?? ''} → ${x.variant.stem} ${x.variant.options?.join('/') ?? ''}`);
}
for (const p of falsePairs.slice(0, 5)) {
  console.log(`  not planted, score ${p.score.toFixed(2)}: ${byId.get(p.a).item.stem} | ${byId.get(p.b).item.stem}`);
}
console.log(
  `wall time: ${(runs[0] / 1000).toFixed(2)} s first run, ${(Math.min(...runs) / 1000).toFixed(2)} s best of ${runs.length}` +
    ` for ${all.length} items (+ ${(tText / 1000).toFixed(2)} s itemComparisonText) — target ≤ 5 s`,
);

// Threshold sweep: LSH candidates do not depend on the threshold, so one run at the lowest threshold,
// filtered by score, gives every higher one. The sample bank shows what a threshold costs on real items.
const SWEEP = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
const low = findNearDuplicates(candidates, { ...overrides, threshold: SWEEP[0] });
const realLow = findNearDuplicates(real.map((item, i) => ({ id: i + 1, text: itemComparisonText(item) })), { ...overrides, threshold: SWEEP[0] });
console.log(`threshold sweep (same LSH, which finds pairs at s = 0.5 with P = ${candidateProbability(0.5, o.bands, o.rows).toFixed(2)}):`);
console.log(`  threshold | recall | precision | pairs among the ${real.length} real sample items`);
for (const t of SWEEP) {
  const f = low.filter((p) => p.score >= t);
  const tp = f.filter((p) => truth.has(pairKey(p.a, p.b))).length;
  console.log(`  ${t.toFixed(2)} | ${percent(tp / truth.size)} | ${percent(f.length === 0 ? 1 : tp / f.length)} | ${realLow.filter((p) => p.score >= t).length}`);
}

// The sample bank alone: what the detector reports on 652 real, hand-written items.
const realPairs = findNearDuplicates(real.map((item, i) => ({ id: i + 1, text: itemComparisonText(item) })), overrides);
console.log(`sample bank (${real.length} real items): ${realPairs.length} pairs at threshold ${o.threshold}`);
for (const p of realPairs.slice(0, 5)) console.log(`  score ${p.score.toFixed(2)}: ${real[p.a - 1].stem} | ${real[p.b - 1].stem}`);
console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS)} (whole process; ${mb(rssBefore)} after generating the items, before the runs)`);
