#!/usr/bin/env node
// Extracts the occupation catalog (职业目录) reference data from two seed documents
// and writes app/domain/catalog/occupations.json.
//
//   node scripts/catalog/extract-occupations.mjs [seedsDir]
//
// Sources (plain text, Chinese):
//   002_*.txt  「附件 1 可提供职业（工种）试题资源目录」 — tab-separated table of 21 occupations
//              (序号 / 职业（工种） / 职业编码 / 级别 / 备注); cell wraps show up as spaces.
//   004_*.txt  「附件 5 广东省职业技能培训补贴（指导）标准目录（2023 年度）」 — PDF-to-text table
//              (序号 编码 名称 类型 证书类型); header repeats at page breaks, rows break over
//              several lines, name/类型 tails can even appear after a repeated header, 序号 repeats.
//              Only rows with a real 职业编码 d-dd-dd-dd and 技能等级证书 are occupations;
//              专项能力证书 rows (code "/" or a bogus code like "48") are excluded.
//
// Plain Node 20 ES module, no npm packages. Output is deterministic (sorted by code).

import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(SCRIPT_DIR, '..', '..');
const DEFAULT_SEEDS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'seeds');
const SEEDS_DIR = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_SEEDS_DIR;
const OUT_FILE = path.join(REPO_ROOT, 'app', 'domain', 'catalog', 'occupations.json');

const CODE_RE = /^\d-\d{2}-\d{2}-\d{2}$/;
const CATEGORY_VOCAB = ['粤菜师傅', '新业态', '乡村工匠', '农村电商', '南粤家政', '其他'];
const CERT_SKILL = '技能等级证书';
const CERT_RE = /(技能等级证书|专项(?:职业)?能力证书)/g;
const EDITION_MARK = '§EDITION:';

// ---------------------------------------------------------------------------
// FIXUPS — explicit name corrections keyed by 职业编码, for names the parser
// genuinely cannot recover from the text. Each entry: { name, pieces, why }
// where `pieces` are the fragments as they occur in the seed text (so a check can
// find them) and `why` documents the reason.
//
// Currently EMPTY: every name is recovered by the parser.
//
// Names that are NOT contiguous in the seed text (whitespace removed) but are
// recovered by the parser, so need no fixup:
//   4-04-04-03 信息通信信息化系统管理员 (seed 004) — the row is printed as
//     "111 4-04-04-03 信息通信信息化系统管 其他 技能等级证书", then the page-break
//     header "序号 编码 名称 类型 证书类型", then "理员". The parser attaches text found
//     after a row's 证书类型 (and before the next row) back to that row: to 类型 when it
//     completes a category (e.g. "新业态/农村" + "电商"), otherwise to the name.
// ---------------------------------------------------------------------------
const FIXUPS = {};

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------
const noWs = (s) => s.replace(/\s+/g, '');

function findSeed(prefix) {
  const files = readdirSync(SEEDS_DIR).filter((f) => f.startsWith(prefix + '_') && f.endsWith('.txt'));
  if (files.length !== 1) {
    throw new Error(`expected exactly one ${prefix}_*.txt in ${SEEDS_DIR}, found ${files.length}`);
  }
  return path.join(SEEDS_DIR, files[0]);
}

// "缝纫工(服装制作工)" → { name: "缝纫工", variants: ["服装制作工"] }
function splitParenthetical(raw) {
  const s = noWs(raw).replace(/\(/g, '（').replace(/\)/g, '）');
  const m = s.match(/^([^（]+)（([^）]+)）$/);
  if (!m) return { name: s, variants: [] };
  return { name: m[1], variants: m[2].split(/[、，,]/).filter(Boolean) };
}

function parseLevelList(s) {
  const out = [];
  for (const part of s.split(/[、，,]/).filter(Boolean)) {
    const r = part.match(/^(\d)[-~～至](\d)$/);
    if (r) {
      for (let n = Number(r[1]); n <= Number(r[2]); n++) out.push(n);
    } else if (/^\d$/.test(part)) {
      out.push(Number(part));
    } else {
      throw new Error(`unparseable level "${part}" in "${s}"`);
    }
  }
  return out;
}

const uniqSorted = (nums) => [...new Set(nums)].sort((a, b) => a - b);

// "3、4" → { levels: [3,4], named: [] }
// "绿化工 3、4、5； 花卉园 艺工 5" → { levels: [3,4,5], named: [{name:"绿化工",levels:[3,4,5]}, ...] }
function parseLevels(raw) {
  const s = noWs(raw);
  if (!s) return { levels: null, named: [] };
  const named = [];
  let all = [];
  for (const seg of s.split(/[；;]/).filter(Boolean)) {
    const m = seg.match(/^([^\d]*?)[:：]?([\d、，,\-~～至]+)$/);
    if (!m) throw new Error(`unparseable 级别 "${raw}"`);
    const levels = uniqSorted(parseLevelList(m[2]));
    all = all.concat(levels);
    if (m[1]) named.push({ name: m[1], levels });
  }
  return { levels: uniqSorted(all), named };
}

// "分三个方向： 机械、建筑、电子" → { directions: [...], rest: "" }
function parseNote(raw) {
  let s = noWs(raw);
  let directions = [];
  const m = s.match(/分[一二三四五六七八九十两\d]+个方向[:：]?([^；;。]+)[；;。]?/);
  if (m) {
    directions = m[1].split(/[、，,]/).filter(Boolean);
    s = s.replace(m[0], '');
  }
  s = s.replace(/^[；;。，,\s]+|[；;，,\s]+$/g, '');
  return { directions, rest: s };
}

// ---------------------------------------------------------------------------
// seed 002 — 附件 1 可提供职业（工种）试题资源目录
// ---------------------------------------------------------------------------
function parseSeed002(text) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^\s*附件\s*1\s*$/.test(l));
  if (start < 0) throw new Error('seed 002: 附件 1 heading not found');
  let end = lines.findIndex((l, i) => i > start && (/^\s*备注[:：]/.test(l) || /^\s*附件\s*\d+\s*$/.test(l)));
  if (end < 0) end = lines.length;
  const section = lines.slice(start + 1, end);
  if (!section.some((l) => l.includes('可提供职业（工种）试题资源目录'))) {
    throw new Error('seed 002: 附件 1 title not found');
  }

  // Gather raw rows: a row starts with a 序号; any other non-empty line that is not a
  // header or title is a wrapped continuation of the previous row.
  const rawRows = [];
  for (const line of section) {
    if (!line.trim()) continue;
    if (line.includes('职业编码') && line.includes('序号')) continue; // (repeated) header
    if (line.includes('试题资源目录')) continue; // title
    if (/^\s*\d+\s/.test(line)) rawRows.push(line.trim());
    else if (rawRows.length) rawRows[rawRows.length - 1] += ' ' + line.trim();
  }

  const rows = [];
  for (const row of rawRows) {
    let cells;
    if (row.includes('\t')) {
      cells = row.split('\t').map((c) => c.trim());
    } else {
      // fallback without tabs: 序号 name code rest
      const m = row.match(/^(\d+)\s+(.+?)\s+(\d-\d{2}-\d{2}-\d{2})\s*(.*)$/);
      if (!m) throw new Error(`seed 002: cannot parse row "${row}"`);
      // 级别 runs up to its last digit (备注 in this table carries no digits)
      const rest = m[4].match(/^(.*\d)?(.*)$/);
      cells = [m[1], m[2], m[3], (rest[1] ?? '').trim(), rest[2].trim()];
    }
    const codeIdx = cells.findIndex((c) => CODE_RE.test(c));
    if (codeIdx < 2) throw new Error(`seed 002: no 职业编码 in row "${row}"`);
    const seq = Number(cells[0]);
    const nameCell = cells.slice(1, codeIdx).join('');
    const levelCell = cells[codeIdx + 1] ?? '';
    const noteCell = cells.slice(codeIdx + 2).join(' ');

    const { name, variants } = splitParenthetical(nameCell);
    const { levels, named } = parseLevels(levelCell);
    const { directions, rest } = parseNote(noteCell);

    const tracks = [];
    for (const t of named) tracks.push({ name: t.name, kind: '工种', levels: t.levels });
    for (const v of variants) if (!tracks.some((t) => t.name === v)) tracks.push({ name: v, kind: '工种' });
    for (const d of directions) tracks.push({ name: d, kind: '方向' });

    rows.push({ seq, code: cells[codeIdx], name, tracks, levels, note: rest });
  }
  return rows;
}

// ---------------------------------------------------------------------------
// seed 004 — 附件 5 广东省职业技能培训补贴（指导）标准目录（2023 年度）
// ---------------------------------------------------------------------------
const isCompleteCategory = (s) => {
  const parts = s.split('/');
  return parts.every((p) => CATEGORY_VOCAB.includes(p));
};
// all parts but the last are vocabulary words; the last may be a (wrapped) prefix
const isPartialCategory = (s) => {
  const parts = s.split('/');
  const last = parts.pop();
  return (
    parts.every((p) => CATEGORY_VOCAB.includes(p)) &&
    (last === '' ? parts.length > 0 : CATEGORY_VOCAB.some((w) => w.startsWith(last)))
  );
};

function parseSeed004(text) {
  const start = text.search(/附件\s*5\s*\n/);
  if (start < 0) throw new Error('seed 004: 附件 5 heading not found');
  const HEADER_RE = /序号\s+编码\s+名称\s+类型\s+证书类型/g;
  HEADER_RE.lastIndex = start;
  const firstHeader = HEADER_RE.exec(text);
  if (!firstHeader) throw new Error('seed 004: table header not found');
  let body = text.slice(firstHeader.index);
  const endIdx = body.search(/公开方式/);
  if (endIdx >= 0) body = body.slice(0, endIdx);

  // Drop every (repeated) page header, isolate edition marks and certificate types.
  body = body
    .replace(HEADER_RE, ' ')
    .replace(/（\s*(\d{4})\s*年\s*版\s*）/g, (_, y) => ` ${EDITION_MARK}${y} `)
    .replace(CERT_RE, ' $1 ');
  const tokens = body.split(/\s+/).filter(Boolean);

  const isCert = (t) => /^(技能等级证书|专项(?:职业)?能力证书)$/.test(t);
  const isRowStart = (i) =>
    /^\d+$/.test(tokens[i] ?? '') && (CODE_RE.test(tokens[i + 1] ?? '') || tokens[i + 1] === '/' || /^\d+$/.test(tokens[i + 1] ?? ''));

  const records = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isRowStart(i)) throw new Error(`seed 004: unexpected token "${tokens[i]}" outside a row`);
    const rec = { seq: Number(tokens[i]), codeTok: tokens[i + 1], body: [], cert: null, trailing: [] };
    i += 2;
    while (i < tokens.length && !isCert(tokens[i])) {
      if (isRowStart(i)) throw new Error(`seed 004: row ${rec.seq} ${rec.codeTok} has no 证书类型`);
      rec.body.push(tokens[i++]);
    }
    if (i >= tokens.length) throw new Error(`seed 004: row ${rec.seq} ${rec.codeTok} truncated`);
    rec.cert = tokens[i++];
    // tails that the PDF extraction pushed past the 证书类型 (e.g. after a page header)
    while (i < tokens.length && !isRowStart(i)) rec.trailing.push(tokens[i++]);
    records.push(rec);
  }

  const occupations = [];
  const excluded = [];
  let tailsAttached = 0;
  for (const rec of records) {
    let edition = null;
    const parts = [];
    for (const t of [...rec.body, ...rec.trailing]) {
      if (t.startsWith(EDITION_MARK)) edition = `${t.slice(EDITION_MARK.length)}年版`;
    }
    for (const t of rec.body) if (!t.startsWith(EDITION_MARK)) parts.push(t);

    // 类型 = the longest token suffix that reads as a (possibly still wrapped) category list.
    let split = -1;
    for (let k = 1; k < parts.length; k++) {
      if (isPartialCategory(parts.slice(k).join(''))) { split = k; break; }
    }
    let nameStr;
    let catStr;
    if (split >= 0) {
      nameStr = parts.slice(0, split).join('');
      catStr = parts.slice(split).join('');
    } else {
      // no whitespace between name and 类型: split the joined string on a category suffix
      const joined = parts.join('');
      const voc = CATEGORY_VOCAB.join('|');
      const m = joined.match(new RegExp(`^(.+?)((?:(?:${voc})/)*(?:${voc}))$`));
      if (!m) throw new Error(`seed 004: cannot find 类型 in row ${rec.seq} ${rec.codeTok}: ${parts.join(' ')}`);
      nameStr = m[1];
      catStr = m[2];
    }
    for (const t of rec.trailing) {
      if (t.startsWith(EDITION_MARK)) continue;
      tailsAttached++;
      if (!isCompleteCategory(catStr) && isPartialCategory(catStr + t)) catStr += t;
      else if (t.startsWith('/') && isPartialCategory(catStr + t)) catStr += t;
      else nameStr += t;
    }
    if (!isCompleteCategory(catStr)) {
      throw new Error(`seed 004: row ${rec.seq} ${rec.codeTok}: incomplete 类型 "${catStr}"`);
    }
    const categories = [...new Set(catStr.split('/'))];

    if (!CODE_RE.test(rec.codeTok) || rec.cert !== CERT_SKILL) {
      if (CODE_RE.test(rec.codeTok)) console.warn(`warn: seed 004 ${rec.codeTok} has ${rec.cert}; excluded`);
      excluded.push({ code: rec.codeTok, name: nameStr, cert: rec.cert });
      continue;
    }
    const { name, variants } = splitParenthetical(nameStr);
    occupations.push({
      seq: rec.seq,
      code: rec.codeTok,
      name,
      tracks: variants.map((v) => ({ name: v, kind: '工种' })),
      categories,
      edition,
    });
  }
  return { occupations, excluded, rowCount: records.length, tailsAttached };
}

// ---------------------------------------------------------------------------
// merge & write
// ---------------------------------------------------------------------------
function validateName(code, name, where) {
  if (!name || /\s|\d|\/|技能等级证书|其他|序号/.test(name)) {
    throw new Error(`${where}: suspicious name for ${code}: "${name}"`);
  }
}

function main() {
  const seed002 = findSeed('002');
  const seed004 = findSeed('004');
  const rows002 = parseSeed002(readFileSync(seed002, 'utf8'));
  const p004 = parseSeed004(readFileSync(seed004, 'utf8'));
  const rows004 = p004.occupations;

  const byCode = new Map();
  const get = (code) => {
    if (!byCode.has(code)) byCode.set(code, { code, name002: null, name004: null, tracks: [], levels: null, categories: [], edition: null, sources: new Set(), note: '' });
    return byCode.get(code);
  };

  for (const r of rows002) {
    validateName(r.code, r.name, 'seed 002');
    const e = get(r.code);
    if (e.name002 && e.name002 !== r.name) throw new Error(`seed 002: conflicting names for ${r.code}`);
    e.name002 = r.name;
    e.tracks.push(...r.tracks);
    e.levels = r.levels;
    e.note = r.note;
    e.sources.add('002');
  }
  for (const r of rows004) {
    validateName(r.code, r.name, 'seed 004');
    const e = get(r.code);
    if (e.name004 && e.name004 !== r.name) throw new Error(`seed 004: conflicting names for ${r.code}`);
    e.name004 = r.name;
    for (const t of r.tracks) if (!e.tracks.some((x) => x.name === t.name)) e.tracks.push(t);
    for (const c of r.categories) if (!e.categories.includes(c)) e.categories.push(c);
    if (r.edition) e.edition = r.edition;
    e.sources.add('004');
  }

  const fixupsApplied = [];
  for (const [code, fx] of Object.entries(FIXUPS)) {
    const e = byCode.get(code);
    if (!e) throw new Error(`FIXUPS: unknown code ${code}`);
    const parsed = e.name004 ?? e.name002;
    if (e.name004 !== null) e.name004 = fx.name;
    else e.name002 = fx.name;
    fixupsApplied.push(`${code}: "${parsed}" → "${fx.name}"`);
  }

  const out = [...byCode.values()]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((e) => {
      const name = e.name004 ?? e.name002;
      validateName(e.code, name, 'merged');
      const entry = { code: e.code, name };
      if (e.name004 !== null && e.name002 !== null && e.name002 !== e.name004) entry.alias = e.name002;
      entry.tracks = e.tracks;
      entry.levels = e.levels;
      entry.categories = e.categories;
      entry.edition = e.edition;
      entry.sources = ['002', '004'].filter((s) => e.sources.has(s));
      entry.note = e.note;
      return entry;
    });

  mkdirSync(path.dirname(OUT_FILE), { recursive: true });
  writeFileSync(OUT_FILE, JSON.stringify(out, null, 2) + '\n');

  const both = out.filter((e) => e.sources.length === 2).length;
  console.log(`seeds dir: ${SEEDS_DIR}`);
  console.log(`seed 002 (附件1): ${rows002.length} occupations`);
  console.log(
    `seed 004 (附件5): ${p004.rowCount} table rows → ${rows004.length} occupations (distinct codes ${new Set(rows004.map((r) => r.code)).size}), ` +
      `${p004.excluded.length} 专项能力 rows excluded, ${p004.tailsAttached} wrapped tail(s) re-attached`,
  );
  console.log(`merged: ${out.length} entries (${both} in both seeds, ${out.filter((e) => e.sources.join() === '002').length} only 002, ${out.filter((e) => e.sources.join() === '004').length} only 004)`);
  console.log(`aliases: ${out.filter((e) => e.alias).map((e) => `${e.code} ${e.name}←${e.alias}`).join('; ') || 'none'}`);
  console.log(`edition 2022年版: ${out.filter((e) => e.edition).length}`);
  console.log(`fixups applied: ${fixupsApplied.length}${fixupsApplied.length ? ' — ' + fixupsApplied.join('; ') : ''}`);
  console.log(`wrote ${path.relative(REPO_ROOT, OUT_FILE)}`);
}

main();
