// The rewordings item writers make of an existing item, used to plant near-duplicates:
// 1–3 characters or particles edited, a synonym, two clauses swapped, the answer blank moved,
// options shuffled or touched, punctuation and full-width/half-width changes.
import { chance, int, pick, shuffled } from './random.mjs';

// ---- planted near-duplicates ----------------------------------------------------------------------
const PARTICLES = ['的', '是', '在', '了', '应', '则', '也', '都', '一般', '通常'];
const SYNONYMS = [
  ['采用', '使用'],
  ['一般', '通常'],
  ['下列', '以下'],
  ['应', '应当'],
  ['可以', '可'],
  ['称为', '叫做'],
  ['必须', '应'],
  ['主要', '主要是'],
  ['表示', '表达'],
  ['用于', '用来'],
  ['时，', '时，应'],
  ['正确的是', '正确的为'],
  ['不正确的是', '错误的是'],
  ['进行', '做'],
];
const isHan = (c) => /\p{Script=Han}/u.test(c);

// Each rewording returns undefined when it does not apply to the stem.
function editCharacters(stem) {
  const s = [...stem];
  const edits = 1 + int(3);
  for (let e = 0; e < edits; e++) {
    const positions = s.map((c, i) => i).filter((i) => isHan(s[i]));
    if (positions.length === 0) return undefined;
    const at = pick(positions);
    const op = int(3);
    if (op === 0) s.splice(at, 0, ...pick(PARTICLES)); // insert a particle
    else if (op === 1) {
      const particle = s.findIndex((c) => PARTICLES.includes(c));
      s.splice(particle >= 0 && chance(0.7) ? particle : at, 1); // delete (a particle if there is one)
    } else s[at] = pick(s.filter(isHan)); // replace a character (a typo or another word)
  }
  return s.join('');
}
function synonym(stem) {
  const found = SYNONYMS.flatMap(([x, y]) => [
    [x, y],
    [y, x],
  ]).filter(([x]) => stem.includes(x));
  if (found.length === 0) return undefined;
  const [x, y] = pick(found);
  return stem.replace(x, y);
}
function swapClauses(stem) {
  const end = /[。？]$/.test(stem) ? stem.at(-1) : '';
  const body = end ? stem.slice(0, -1) : stem;
  const parts = body.split('，');
  if (parts.length < 2) return undefined;
  const i = int(parts.length - 1);
  [parts[i], parts[i + 1]] = [parts[i + 1], parts[i]];
  return parts.join('，') + end;
}
function moveBlank(stem) {
  const blank = /（\s*）/;
  if (!blank.test(stem)) return undefined;
  const without = stem.replace(blank, '');
  // The blank goes to the end ("…的是（ ）。") or to the front ("（ ）是…"); the wording adapts a little.
  return chance(0.5) ? without.replace(/[。？]?$/, '的是（ ）。') : `（ ）是${without}`;
}
/** One rewording an item writer makes, chosen among those that apply (character edits always do). */
function reword(stem, choices) {
  for (const f of shuffled(choices)) {
    const out = f(stem);
    if (out !== undefined && out !== stem) return [f.name, out];
  }
  return ['editCharacters', editCharacters(stem) ?? `${stem}的`];
}
const REWORDS = [editCharacters, editCharacters, synonym, swapClauses, moveBlank];
const LIGHT_REWORDS = [synonym, swapClauses, moveBlank];

const FULL = { ',': '，', '.': '。', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？' };
const HALF = Object.fromEntries(Object.entries(FULL).map(([h, f]) => [f, h]));
function reformat(text) {
  let s = text;
  if (chance(0.4)) s = s.replace(/[，。；：（）？]/g, (c) => HALF[c] ?? c); // typed with an English IME
  if (chance(0.3)) s = s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)); // full-width
  if (chance(0.3)) s = s.replace(/（\s*）|\(\s*\)/, pick(['（    ）', '(　　)', '＿＿＿＿', '____']));
  if (chance(0.2)) s = s.replace(/，/g, '， ');
  return s;
}

/** A planted near-duplicate of `base`, with the list of rewordings applied. */
export function plant(base) {
  let stem = base.stem;
  const ops = [];
  // One change of wording (1–3 characters, a synonym, a clause swap or a moved blank); sometimes a
  // second, light one on top (a synonym, a clause swap or a moved blank — never more characters).
  const [op, reworded] = reword(stem, REWORDS);
  ops.push(op);
  stem = reworded;
  if (chance(0.3)) {
    const [op2, again] = reword(stem, LIGHT_REWORDS);
    if (op2 !== 'editCharacters') {
      ops.push(op2);
      stem = again;
    }
  }
  if (chance(0.5)) {
    ops.push('reformat');
    stem = reformat(stem);
  }
  let options = base.options;
  if (options) {
    if (chance(0.7)) {
      ops.push('shuffleOptions');
      options = shuffled(options);
    }
    if (chance(0.2)) {
      ops.push('touchOption');
      const i = int(options.length);
      options = options.map((o, k) => (k === i ? (chance(0.5) ? `${o}的` : reformat(o)) : o));
    }
  }
  return { stem, options, origin: 'planted', ops };
}
