// Benchmark of issue [C] part 7: full-text search of item text (migrations 0100, 0170 and 0180,
// repositories/search.ts). Builds 100 000 items (argv[2] to change) in an encrypted database in a temp
// folder — several banks of different sizes, every item type, state and difficulty, some later
// versions — with text made from the sample bank (stems, options and explanations of
// app/demo/sample/theory-*.json, varied by swapping in other stems' characters, other explanations and
// numeric specs like φ35H7 / Ra 3.2; practical tasks from practical.json), indexes it and prints:
// - the build rate (items/s of replaceSearchTexts, batches of 5 000 per transaction);
// - the size of the index per 100 000 items next to a plain FTS5 trigram table of the same normalised
//   texts built the same way in the same run (so the ratio is measured);
// - the latency of 1 000 single saves (one changed text, replaceSearchText in its own transaction);
// - p50/p95/p99 latency of a query mix per term length and overall, and worst cases.
// Targets: ≥ 10 000 items/s; ≤ 2× the plain FTS5 table; save p95 ≤ 10 ms; query p95 ≤ 10 ms overall
// and per class. Needs the build (npm run build).
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesOf, INDEX_TABLES, plainFts5 } from './search/sizes.mjs';

const dist = (p) => new URL(`../../dist/${p}`, import.meta.url).href;
const { openDatabase, migrate, closeDatabase } = await import(dist('app/store/database.js'));
const { MIGRATIONS } = await import(dist('app/store/migrations/index.js'));
const { replaceSearchText, replaceSearchTexts, searchItems } = await import(dist('app/store/repositories/search.js'));
const { toSearchText } = await import(dist('app/domain/text/normalise.js'));

const N = Number(process.argv[2] ?? 100_000);
const QUERIES = Number(process.argv[3] ?? 3_000);
/**
 * Page cache while saving and querying, in KiB: SQLite's default (2000), smaller than the 32 MiB the
 * program's connection sets (app/store/database.ts), so that reads from the file are measured too;
 * argv[4] may list others to compare, e.g. `2000,32768`.
 */
const QUERY_CACHES_KIB = (process.argv[4] ?? '2000').split(',').map(Number);
const BUILD_CACHE_KIB = 256 * 1024;
const SAVES = 1_000;

// --- deterministic randomness -------------------------------------------------------------------
let seed = 20261123;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(random() * xs.length)];
/** Picks a key of `weights` with probability proportional to its value. */
const weighted = (weights) => {
  const entries = Object.entries(weights);
  let r = random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) if ((r -= w) < 0) return k;
  return entries[0][0];
};

// --- sample text --------------------------------------------------------------------------------
const sampleDir = new URL('../../app/demo/sample/', import.meta.url);
const theory = readdirSync(sampleDir)
  .filter((f) => /^theory-.*\.json$/.test(f))
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, sampleDir), 'utf8')).items);
const practical = JSON.parse(readFileSync(new URL('practical.json', sampleDir), 'utf8')).tasks;
const elements = [...new Set(theory.map((t) => t.element))];

const specs = [
  () => `φ${int(6, 99)}H${int(6, 9)}`,
  () => `φ${int(6, 99)}f${int(6, 8)}`,
  () => `Ra ${pick(['0.8', '1.6', '3.2', '6.3', '12.5'])}`,
  () => `M${int(6, 24)}×${pick(['1', '1.5', '2'])}`,
  () => `GB/T 4458.${int(1, 6)}`,
  () => `${int(1, 5)}:${int(1, 5)}`,
];

/** The text the item service would index: stem, options and explanation, varied per item. */
function theoryText(i) {
  const base = theory[i % theory.length];
  const chars = Array.from(base.stem);
  // Swap a two-character window for characters of another stem: spreads the bigrams.
  const donor = Array.from(pick(theory).stem);
  const at = int(0, Math.max(0, chars.length - 2));
  const from = int(0, Math.max(0, donor.length - 2));
  chars.splice(at, 2, ...donor.slice(from, from + 2));
  const explanation = random() < 0.3 ? pick(theory).explanation : base.explanation;
  const spec = random() < 0.25 ? ` ${pick(specs)()}` : '';
  return { type: base.type, element: base.element, text: `${chars.join('')}${spec}\n${(base.options ?? []).join('\n')}\n${explanation ?? ''}` };
}

function practicalText() {
  const task = pick(practical);
  return `${task.title}\n${task.description}\n${task.requirements.join('\n')}`;
}

// --- build --------------------------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'qbank-bench-search-'));
const file = join(dir, 'q.db');
const db = openDatabase(file, { create: true, keyPragma: `"x'${'5a'.repeat(32)}'"`, migrate: false });
try {
  migrate(db, MIGRATIONS);
  const T = '2026-11-23T08:00:00.000Z';
  const bankShares = [0.3, 0.25, 0.2, 0.12, 0.08, 0.05];
  const banks = bankShares.map((_, b) => {
    db.prepare(
      `INSERT INTO banks (id, name, occupation_code, occupation_name, track, level, secrecy, created_at, created_by, updated_at)
       VALUES (?, ?, '3-01-02-07', '制图员', ?, ?, '{}', ?, 'bench', ?)`,
    ).run(b + 1, `bank ${b + 1}`, `方向${Math.floor(b / 5)}`, (b % 5) + 1, T, T);
    return b + 1;
  });
  const bankWeights = Object.fromEntries(banks.map((b, i) => [b, bankShares[i]]));

  const insertItem = db.prepare(
    `INSERT INTO items (bank_id, kind, type, binding, state, current_version, difficulty, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)`,
  );
  const insertVersion = db.prepare('INSERT INTO item_versions (item_id, version, body, created_at, created_by) VALUES (?, ?, ?, ?, ?)');
  const items = [];
  let t0 = performance.now();
  db.pragma(`cache_size = -${BUILD_CACHE_KIB}`);
  const BATCH = 5_000;
  let indexMs = 0;
  /** CPU time of this process while indexing (µs): what the index costs when other programs share the machine. */
  let indexCpu = 0;
  for (let start = 0; start < N; start += BATCH) {
    const batch = [];
    db.transaction(() => {
      for (let i = start; i < Math.min(N, start + BATCH); i++) {
        const kind = weighted({ theory: 0.97, practical: 0.02, comprehensive: 0.01 });
        let type;
        let binding;
        let text;
        let difficulty = null;
        if (kind === 'theory') {
          ({ type, element: binding, text } = theoryText(i));
          difficulty = Number(weighted({ 1: 1, 2: 2, 3: 4, 4: 2, 5: 1 }));
        } else {
          type = kind;
          binding = kind === 'practical' ? pick(['A', 'B', 'C']) : '';
          text = practicalText();
        }
        const version = Number(weighted({ 1: 0.8, 2: 0.15, 3: 0.05 }));
        const state = weighted({ 入库: 0.5, 已审: 0.15, 待审: 0.15, 草稿: 0.15, 停用: 0.05 });
        const bank = Number(weighted(bankWeights));
        const id = Number(insertItem.run(bank, kind, type, binding, state, version, difficulty, T, T).lastInsertRowid);
        for (let v = 1; v <= version; v++) insertVersion.run(id, v, JSON.stringify({ type, stem: text }), T, 'bench');
        batch.push([id, text]);
        items.push({ id, bank, text });
      }
    })();
    const s = performance.now();
    const cpu = process.cpuUsage();
    replaceSearchTexts(db, batch.map(([itemId, text]) => ({ itemId, text })));
    const used = process.cpuUsage(cpu);
    indexCpu += used.user + used.system;
    indexMs += performance.now() - s;
  }
  const buildMs = performance.now() - t0;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  const per100k = (bytes) => `${mb((bytes * 100_000) / N)} (${Math.round((bytes * 100_000) / N)} bytes)`;
  const rate = (ms) => `${Math.round(N / (ms / 1000))} items/s`;
  const gramRows = db.prepare('SELECT count(*) FROM search_grams').pluck().get();
  console.log(`items: ${N} in ${banks.length} banks (${bankShares.map((s) => `${s * 100}%`).join(' / ')}), ${theory.length} sample stems varied`);
  console.log(
    `build: ${(buildMs / 1000).toFixed(1)} s, of which indexing (replaceSearchTexts) ${(indexMs / 1000).toFixed(1)} s = ${rate(indexMs)} ` +
      `(CPU time ${(indexCpu / 1e6).toFixed(1)} s = ${rate(indexCpu / 1000)}; batches of ${BATCH} per transaction, cache_size ${BUILD_CACHE_KIB / 1024} MiB while building)`,
  );
  const part = Object.fromEntries(Object.entries(INDEX_TABLES).map(([role, names]) => [role, bytesOf(db, names)]));
  const textIndex = part.grams + part.trigrams + part.text;
  console.log(
    `database: ${mb(statSync(file).size)} encrypted; search_grams ${gramRows} rows ${mb(part.grams)}, search_fts (trigram index) ${mb(part.trigrams)}, ` +
      `search_text ${mb(part.text)}, search_attributes ${mb(part.filters)}, ` +
      `items + versions ${mb(bytesOf(db, ['items', 'item_versions', 'items_by_bank', 'items_by_binding']))}`,
  );
  const plain = plainFts5(db, items.map((item) => [item.id, toSearchText(item.text)]), BATCH);
  const ratio = (bytes) => `${(bytes / plain.bytes).toFixed(2)}×`;
  console.log(`size per 100 000 items (pages in use):`);
  console.log(`  search index, text and filters   ${per100k(textIndex + part.filters)}  = ${ratio(textIndex + part.filters)} the plain FTS5 table`);
  console.log(`  search index and text alone      ${per100k(textIndex)}  = ${ratio(textIndex)}`);
  console.log(`  plain FTS5 trigram, same texts   ${per100k(plain.bytes)}  (content stored; built in ${(plain.ms / 1000).toFixed(1)} s = ${rate(plain.ms)})`);

  // Back to the connection's normal settings (the program does not change cache_size).
  const useCache = (kib) => {
    db.pragma(`cache_size = -${kib}`);
    db.pragma('shrink_memory');
  };
  useCache(QUERY_CACHES_KIB[0]);
  const pct = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
  };
  const line = (label, xs) =>
    `${label.padEnd(28)} n=${String(xs.length).padStart(5)}  p50 ${pct(xs, 50).toFixed(2).padStart(6)} ms  p95 ${pct(xs, 95).toFixed(2).padStart(6)} ms  p99 ${pct(xs, 99).toFixed(2).padStart(6)} ms  max ${Math.max(...xs).toFixed(2).padStart(6)} ms`;

  // --- one save at a time, as the program does it ----------------------------------------------
  const saves = [];
  for (let k = 0; k < SAVES; k++) {
    const item = pick(items);
    const changed = `${item.text.slice(0, 10)}${pick(theory).stem}${item.text.slice(10)}`;
    const s = performance.now();
    db.transaction(() => replaceSearchText(db, item.id, changed))();
    saves.push(performance.now() - s);
    item.text = changed;
  }
  console.log(`single save (replaceSearchText of a changed text, own transaction, synchronous=FULL, cache_size ${QUERY_CACHES_KIB[0]} KiB):`);
  console.log(`  ${line('save', saves)}`);

  // --- query mix --------------------------------------------------------------------------------
  const one = ['图', '线', '的', '面', '轴', '孔', '尺', '视', '圆', '角', '螺', '齿', '锥', '键', '（'];
  const two = ['投影', '尺寸', '公差', '视图', '剖视', '螺纹', '图层', '零件', '标注', '装配', '线型', '比例', '图纸', '轴测', '建模', '表面', '基准', '配合', '断面', '齿轮'];
  const three = ['剖视图', '基本视图', '零件图', '装配图', '尺寸公差', '表面粗糙度', '三维建模', '轴测图', '螺纹紧固件', '几何公差', '标题栏', '图样的', '细实线', 'φ35h7', 'ra3.2', '局部放大图', '正等轴测图'];
  const multi = ['尺寸 公差', '视图 投影', '零件图 标注', '图 线', '螺纹 画法', '剖视图 断面', '装配图 序号', '图 的'];
  const classes = { '1': one, '2': two, '3+': three, multi };
  const filters = [
    () => ({ state: '入库' }),
    () => ({ state: pick(['草稿', '待审', '已审', '停用']) }),
    () => ({ type: pick(['trueFalse', 'singleChoice', 'multipleChoice']) }),
    () => ({ difficulty: int(1, 5) }),
    () => ({ element: pick(elements).split('-').slice(0, int(2, 4)).join('-') }),
    () => ({ version: int(1, 2) }),
    () => ({ state: '入库', type: 'singleChoice', difficulty: int(2, 4) }),
  ];
  const run = (query) => {
    const s = performance.now();
    const result = searchItems(db, query);
    return { ms: performance.now() - s, total: result.total };
  };
  const mix = { '2': 0.4, '1': 0.2, '3+': 0.3, multi: 0.1 };
  const makeQuery = () => {
    const cls = weighted(mix);
    const filtered = random() < 0.3;
    const query = { bankId: Number(weighted(bankWeights)), text: pick(classes[cls]), ...(filtered ? pick(filters)() : {}) };
    if (random() < 0.1) query.offset = 50 * int(1, 4);
    return { cls, filtered, query };
  };
  const big = banks[0];
  const bigSize = searchItems(db, { bankId: big, text: '', limit: 0 }).total;
  for (const cacheKiB of QUERY_CACHES_KIB) {
    useCache(cacheKiB);
    for (let k = 0; k < 300; k++) run(makeQuery().query); // warm-up
    const times = { '1': [], '2': [], '3+': [], '3': [], '4+': [], multi: [], filtered: [], all: [] };
    let totals = 0;
    for (let k = 0; k < QUERIES; k++) {
      const { cls, filtered, query } = makeQuery();
      const { ms, total } = run(query);
      totals += total;
      times[cls].push(ms);
      if (cls === '3+') times[Array.from(query.text).length === 3 ? '3' : '4+'].push(ms);
      if (filtered) times.filtered.push(ms);
      times.all.push(ms);
    }
    console.log(
      `query mix: ${QUERIES} queries (40 % two-character, 20 % one-character, 30 % three or more, 10 % two terms; 30 % with filters, 10 % paged), ` +
        `cache_size ${cacheKiB} KiB${cacheKiB === 2_000 ? ' (SQLite default)' : ''}, mean total ${Math.round(totals / QUERIES)}`,
    );
    for (const [label, key] of [
      ['1 character', '1'],
      ['2 characters', '2'],
      ['3+ characters', '3+'],
      ['  of which 3 (one trigram)', '3'],
      ['  of which 4+ (trigram phrase)', '4+'],
      ['two terms', 'multi'],
      ['with filters (any class)', 'filtered'],
      ['overall', 'all'],
    ]) {
      const p95 = pct(times[key], 95);
      console.log(`  ${line(label, times[key])}  ${p95 <= 10 ? 'ok' : 'MISSES the 10 ms target'}`);
    }

    // --- worst cases: the most common terms in the largest bank ------------------------------------
    console.log(`worst cases in the largest bank (${bigSize} items), median of 20 runs:`);
    for (const [label, query] of [
      ['的', { text: '的' }],
      ['（', { text: '（' }],
      ['的 + state 入库', { text: '的', state: '入库' }],
      ['的 + difficulty 3', { text: '的', difficulty: 3 }],
      ['图 的 (two common terms)', { text: '图 的' }],
      ['图 的 + state 入库 + element B', { text: '图 的', state: '入库', element: 'B' }],
      ['视图', { text: '视图' }],
      ['剖视图', { text: '剖视图' }],
      ['基本视图 (trigram phrase)', { text: '基本视图' }],
      ['filters only: state 入库', { text: '', state: '入库' }],
      ['everything, offset 5000', { text: '', offset: 5000 }],
    ]) {
      const ms = [];
      let total = 0;
      for (let k = 0; k < 20; k++) {
        const r = run({ bankId: big, ...query });
        ms.push(r.ms);
        total = r.total;
      }
      console.log(`  ${label.padEnd(32)} total ${String(total).padStart(6)} (${((100 * total) / bigSize).toFixed(0).padStart(2)} %)  ${pct(ms, 50).toFixed(2)} ms`);
    }
  }
} finally {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
}
