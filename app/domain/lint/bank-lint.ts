/**
 * Quality report of a theory bank: the statistics a 题库管理员 checks before assembling papers and
 * before submission (粤人社函〔2023〕134号 附件6 §二: ≥ 3 套 per occupation and level), as plain
 * JSON-serialisable data plus findings.
 *
 * Checks and their limits (BANK_LINT_LIMITS):
 * - 单选 key position: each of A/B/C/D should hold 18–32 % of the keys (25 % ± 7); the key should not be
 *   the strictly longest option in more than 35 % of the items (chance level is 25 %).
 * - 判断 key: √ between 35 % and 65 %.
 * What N sets need is not decided here: it comes from `theorySetNeeds` (assembly/set-needs.ts) for the
 * bank's paper structure, the same answer the coverage view and the 组卷 dry run read.
 * - Per 鉴定点: N disjoint sets can take N × cap items, cap being the per-set cap of items per 鉴定点
 *   the blueprint uses (automatic: the smallest that fits every leaf of the 细目表).
 * - X/Y/Z coverage: share of points with at least one item; an X point without items is a warning.
 * - Difficulty 1–5 against 1:2:4:2:1 (domain-formats.md §1, 命题技术标准 — not verified), ± 5 points;
 *   and enough items of each difficulty for N papers with that mix.
 * - Per 题型 and per scope of the 细目表: items available against N papers (coverage.ts).
 */
import { percent } from '../format.js';
import { IMPORTANCE, listElements, type Importance, type TheoryElementTable } from '../element-table.js';
import { DEFAULT_THEORY_PRESET, THEORY_PRESETS, type TheoryStructure } from '../assembly/paper-structure.js';
import { pointCapIn, theorySetNeeds, type TheorySetNeeds } from '../assembly/set-needs.js';
import { MIN_PARALLEL_SETS } from '../paper.js';
import { isUnbound, THEORY_ITEM_TYPES, theoryItemTypeNames, type TheoryItem, type TheoryItemType } from '../theory-item.js';
import { coverage, largestRemainder, type CoverageRow, type PaperShape, type TypeCounts } from './coverage.js';
import { keyIsLongest, lintTheoryItem, type LintFinding, type LintSeverity } from './item-lint.js';
import {
  bankFields as F,
  bankLintMessages as M,
  type bankRuleTitles,
  reportTexts as R,
  severityNames,
  theoryItemRuleTitles,
} from './messages.js';

export type BankRule = keyof typeof bankRuleTitles;

/** A theory item as the bank holds it; `state` is the workflow state (草稿 … 入库, 停用). */
export type BankItem = TheoryItem & { readonly state?: string };

export interface LintBankInput {
  readonly items: readonly BankItem[];
  readonly table: TheoryElementTable;
  /**
   * What the sets need (`theorySetNeeds` of the bank's paper structure); default: 3 sets (附件6 §二)
   * of the default structure (判断 20 / 单选 140 / 多选 10), or `sets` of them.
   */
  readonly needs?: TheorySetNeeds;
  readonly sets?: number;
  /**
   * true: count only items that may go into papers (state 入库; items without a state count as
   * eligible). false (default): count every item given except those in state 停用.
   */
  readonly eligibleOnly?: boolean;
  /** SHA-256 of the images the bank holds, passed to the item rules. */
  readonly imagesPresent?: ReadonlySet<string>;
}

export const BANK_LINT_LIMITS = {
  singleKeyShare: { min: 18, max: 32 },
  keyLongestShareMax: 35,
  trueFalseShare: { min: 35, max: 65 },
  /** 易:较易:中:较难:难 = 1:2:4:2:1. */
  difficultyRatio: [1, 2, 4, 2, 1],
  difficultyTolerance: 5,
} as const;

const SINGLE_LETTERS = ['A', 'B', 'C', 'D'] as const;
type SingleLetter = (typeof SINGLE_LETTERS)[number];
type MultipleLetter = SingleLetter | 'E';

export interface KeyBalance {
  readonly singleChoice: {
    readonly items: number;
    readonly counts: Record<SingleLetter, number>;
    /** Percent, one decimal. */
    readonly shares: Record<SingleLetter, number>;
    /** Items whose key is the strictly longest option, and their share in percent. */
    readonly keyLongest: number;
    readonly keyLongestShare: number;
  };
  readonly trueFalse: {
    readonly items: number;
    /** Keys √ and ×. */
    readonly correct: number;
    readonly wrong: number;
    readonly correctShare: number;
  };
  readonly multipleChoice: {
    readonly items: number;
    /** How often each letter is part of a key. */
    readonly letters: Record<MultipleLetter, number>;
    /** Keys by number of letters: index 0 = 2 letters … index 3 = 5 letters. */
    readonly sizes: number[];
  };
}

export interface ElementRow {
  /** Full code `A-B-C-001`. */
  readonly code: string;
  readonly name: string;
  readonly importance: Importance;
  readonly items: number;
  readonly byType: TypeCounts;
  /** Items N disjoint sets can take from this point (`sets × cap`). */
  readonly needed: number;
}

export interface ImportanceCoverage {
  readonly points: number;
  readonly covered: number;
  /** Percent, one decimal. */
  readonly share: number;
}

export interface TypeRow {
  readonly type: TheoryItemType;
  readonly name: string;
  readonly available: number;
  readonly perSet: number;
  readonly needed: number;
  readonly short: boolean;
}

export interface ItemRuleSummary {
  readonly rule: string;
  readonly title: string;
  readonly severity: LintSeverity;
  /** Items with at least one finding of this rule. */
  readonly items: number;
}

export interface BankReport {
  /** Items counted (after the eligibility filter). */
  readonly items: number;
  readonly sets: number;
  /** The paper structure the needs were computed for, and its items per 题型. */
  readonly structure: TheoryStructure;
  readonly paper: PaperShape;
  readonly findings: LintFinding[];
  readonly keyBalance: KeyBalance;
  /** Per-set cap of items per 鉴定点 (the blueprint's) used for `perElement[].needed`. */
  readonly perElementCap: number;
  readonly perElement: ElementRow[];
  readonly coverage: Record<Importance, ImportanceCoverage> & { readonly uncoveredX: string[] };
  /** Items whose 鉴定点 is not in the table. */
  readonly unbound: number;
  /** Item counts by difficulty: index 0 = difficulty 1 (易) … index 4 = difficulty 5 (难). */
  readonly difficulty: number[];
  /** The same in percent, one decimal. */
  readonly difficultyShares: number[];
  /** 1:2:4:2:1 in percent. */
  readonly difficultyTarget: number[];
  /** Items of each difficulty `sets` papers with the 1:2:4:2:1 mix need. */
  readonly difficultyNeeded: number[];
  readonly perType: TypeRow[];
  /** Per node of the 细目表 (coverage.ts). */
  readonly scopes: CoverageRow[];
  /** How many items trip each item rule (lintTheoryItem), most frequent first. */
  readonly itemRules: ItemRuleSummary[];
}

const outside = (v: number, range: { min: number; max: number }) => v < range.min || v > range.max;

function keyBalance(items: readonly TheoryItem[]): KeyBalance {
  const single = { A: 0, B: 0, C: 0, D: 0 };
  const letters = { A: 0, B: 0, C: 0, D: 0, E: 0 };
  const sizes = [0, 0, 0, 0];
  let singles = 0;
  let longest = 0;
  let correct = 0;
  let wrong = 0;
  let multiples = 0;
  for (const item of items) {
    if (item.type === 'singleChoice') {
      singles += 1;
      single[item.key] += 1;
      if (keyIsLongest(item)) longest += 1;
    } else if (item.type === 'trueFalse') {
      if (item.key) correct += 1;
      else wrong += 1;
    } else {
      multiples += 1;
      const keyLetters = new Set(item.key);
      for (const l of keyLetters) if (l in letters) letters[l as MultipleLetter] += 1;
      const at = Math.min(Math.max(keyLetters.size, 2), 5) - 2;
      sizes[at] = (sizes[at] ?? 0) + 1;
    }
  }
  return {
    singleChoice: {
      items: singles,
      counts: single,
      shares: { A: percent(single.A, singles), B: percent(single.B, singles), C: percent(single.C, singles), D: percent(single.D, singles) },
      keyLongest: longest,
      keyLongestShare: percent(longest, singles),
    },
    trueFalse: { items: correct + wrong, correct, wrong, correctShare: percent(correct, correct + wrong) },
    multipleChoice: { items: multiples, letters, sizes },
  };
}

/** 待归类 drafts (no 鉴定点 or no 难度 yet) are not part of the bank's structure: the item lint reports them. */
function isCounted(item: BankItem, eligibleOnly: boolean): boolean {
  if (item.state === '停用' || isUnbound(item)) return false;
  return eligibleOnly ? item.state === undefined || item.state === '入库' : true;
}

/** The bank report: statistics, findings and per-node coverage for `sets` parallel papers. */
export function lintBank(input: LintBankInput): BankReport {
  const needs = input.needs ?? theorySetNeeds({ table: input.table, structure: THEORY_PRESETS[DEFAULT_THEORY_PRESET].structure, sets: input.sets ?? MIN_PARALLEL_SETS });
  const { sets, paper } = needs;
  const items = input.items.filter((i) => isCounted(i, input.eligibleOnly ?? false));
  const findings: LintFinding[] = [];
  const add = (rule: BankRule, severity: LintSeverity, field: string, message: string) => findings.push({ rule, severity, field, message });
  const limits = BANK_LINT_LIMITS;

  // Key balance.
  const keys = keyBalance(items);
  const sc = keys.singleChoice;
  if (sc.items > 0) {
    for (const l of SINGLE_LETTERS) {
      if (outside(sc.shares[l], limits.singleKeyShare))
        add('single-key-balance', 'warning', F.singleKeys, M.singleKeyShare(l, sc.shares[l], limits.singleKeyShare.min, limits.singleKeyShare.max, sc.counts[l], sc.items));
    }
    if (sc.keyLongestShare > limits.keyLongestShareMax)
      add('single-key-longest-share', 'warning', F.singleKeys, M.keyLongestShare(sc.keyLongestShare, limits.keyLongestShareMax, sc.keyLongest, sc.items));
  }
  const tf = keys.trueFalse;
  if (tf.items > 0 && outside(tf.correctShare, limits.trueFalseShare))
    add('true-false-balance', 'warning', F.trueFalseKeys, M.trueFalseShare(tf.correctShare, limits.trueFalseShare.min, limits.trueFalseShare.max, tf.correct, tf.items));

  // Per 鉴定点.
  const elements = listElements(input.table);
  const cap = needs.pointCap;
  const byCode = new Map(elements.map((e) => [e.fullCode, { items: 0, byType: { trueFalse: 0, singleChoice: 0, multipleChoice: 0 } as TypeCounts }]));
  const unboundCodes: string[] = [];
  let unbound = 0;
  for (const item of items) {
    const code = item.element.trim().toUpperCase();
    const row = byCode.get(code);
    if (!row) {
      unbound += 1;
      if (!unboundCodes.includes(code)) unboundCodes.push(code);
      continue;
    }
    row.items += 1;
    row.byType[item.type] += 1;
  }
  const perElement: ElementRow[] = elements.map((e) => {
    const row = byCode.get(e.fullCode) ?? { items: 0, byType: { trueFalse: 0, singleChoice: 0, multipleChoice: 0 } };
    return { code: e.fullCode, name: e.name, importance: e.importance, items: row.items, byType: row.byType, needed: sets * pointCapIn(needs, e.fullCode) };
  });
  // A cap is a most, not a need: a leaf is short when the items its points may give N disjoint sets
  // (each point at most `sets × cap`) are fewer than the leaf's share of the N sets.
  const usableIn = new Map<string, number>();
  elements.forEach((e, k) => {
    const path = e.scopeCodes.join('-');
    usableIn.set(path, (usableIn.get(path) ?? 0) + Math.min(perElement[k]?.items ?? 0, perElement[k]?.needed ?? 0));
  });
  const shortLeaves = needs.nodes
    .filter((n) => n.isLeaf && (usableIn.get(n.path) ?? 0) < n.perSet * sets)
    .map((n) => M.elementShortLeaf(n.path, usableIn.get(n.path) ?? 0, n.perSet * sets));
  if (shortLeaves.length > 0) add('element-short', 'warning', F.elements, M.elementShort(shortLeaves, sets, cap));
  if (unbound > 0) add('element-unbound', 'error', F.elements, M.elementUnbound(unbound, unboundCodes));

  // X/Y/Z coverage.
  const cov = (imp: Importance): ImportanceCoverage => {
    const points = perElement.filter((e) => e.importance === imp);
    const covered = points.filter((e) => e.items > 0).length;
    return { points: points.length, covered, share: percent(covered, points.length) };
  };
  const uncoveredX = perElement.filter((e) => e.importance === 'X' && e.items === 0).map((e) => e.code);
  for (const code of uncoveredX) add('element-uncovered-x', 'warning', F.element(code), M.elementUncoveredX);
  const uncoveredYZ = perElement.filter((e) => e.importance !== 'X' && e.items === 0).map((e) => e.code);
  if (uncoveredYZ.length > 0) add('element-uncovered-yz', 'info', F.elements, M.elementUncoveredYZ(uncoveredYZ));

  // Difficulty.
  const difficulty = [0, 0, 0, 0, 0];
  for (const item of items) {
    const at = Math.min(Math.max(Math.round(item.difficulty), 1), 5) - 1;
    difficulty[at] = (difficulty[at] ?? 0) + 1;
  }
  const ratio = limits.difficultyRatio;
  const ratioSum = ratio.reduce((a, b) => a + b, 0);
  const difficultyTarget = ratio.map((r) => percent(r, ratioSum));
  const difficultyShares = difficulty.map((d) => percent(d, items.length));
  const difficultyNeeded = [...(needs.bandsTotal ?? largestRemainder(ratio, needs.perSet).map((n) => n * sets))];
  if (items.length > 0) {
    difficultyShares.forEach((share, i) => {
      const target = difficultyTarget[i] ?? 0;
      if (Math.abs(share - target) > limits.difficultyTolerance)
        add('difficulty-distribution', 'warning', F.difficulty, M.difficultyShare(i + 1, share, target, limits.difficultyTolerance));
    });
  }
  difficulty.forEach((available, i) => {
    const need = difficultyNeeded[i] ?? 0;
    if (available < need) add('difficulty-short', 'warning', F.difficulty, M.difficultyShort(i + 1, available, need, sets));
  });

  // Per 题型.
  const perType: TypeRow[] = THEORY_ITEM_TYPES.map((type) => {
    const available = items.filter((i) => i.type === type).length;
    const perSet = paper[type];
    const needed = needs.byType[type];
    return { type, name: theoryItemTypeNames[type], available, perSet, needed, short: available < needed };
  });
  for (const t of perType) if (t.short) add('type-short', 'error', F.type(t.name), M.typeShort(t.available, t.needed, sets, t.perSet));

  // Per scope of the 细目表: leaves only in the findings (a short parent has a short leaf below it,
  // unless the shortfall comes from the 题型 split alone, which the leaves then show too).
  const scopes = coverage({ table: input.table, items, needs });
  for (const row of scopes) {
    if (row.isLeaf && row.short)
      add('scope-short', 'warning', F.scope(row.path, row.name), M.scopeShort(row.available, row.needed, sets, row.shortTypes.map((t) => theoryItemTypeNames[t]).join('、')));
  }

  // Item rules, summarised.
  const elementCodes = new Set(elements.map((e) => e.fullCode));
  const counts = new Map<string, { severity: LintSeverity; items: number }>();
  for (const item of items) {
    const context = input.imagesPresent ? { elementCodes, imagesPresent: input.imagesPresent } : { elementCodes };
    const rules = new Map(lintTheoryItem(item, context).map((f) => [f.rule, f.severity]));
    for (const [rule, severity] of rules) {
      const c = counts.get(rule) ?? { severity, items: 0 };
      c.items += 1;
      counts.set(rule, c);
    }
  }
  const titles: Readonly<Record<string, string>> = theoryItemRuleTitles;
  const itemRules = [...counts]
    .map(([rule, c]) => ({ rule, title: titles[rule] ?? rule, severity: c.severity, items: c.items }))
    .sort((a, b) => b.items - a.items || a.rule.localeCompare(b.rule));

  return {
    items: items.length,
    sets,
    structure: needs.structure,
    paper: { trueFalse: paper.trueFalse, singleChoice: paper.singleChoice, multipleChoice: paper.multipleChoice },
    findings,
    keyBalance: keys,
    perElementCap: cap,
    perElement,
    coverage: { X: cov('X'), Y: cov('Y'), Z: cov('Z'), uncoveredX },
    unbound,
    difficulty,
    difficultyShares,
    difficultyTarget,
    difficultyNeeded,
    perType,
    scopes,
    itemRules,
  };
}

/** The report as printable Chinese lines (CLI, 编制说明 drafts): summary, statistics, then findings. */
export function bankReportLines(report: BankReport): string[] {
  const paperTotal = THEORY_ITEM_TYPES.reduce((a, t) => a + report.paper[t], 0);
  const sc = report.keyBalance.singleChoice;
  const tf = report.keyBalance.trueFalse;
  const lines = [
    R.title,
    R.summary(report.items, report.sets, paperTotal),
    R.singleKeys(SINGLE_LETTERS.map((l) => `${l} ${sc.counts[l]}（${sc.shares[l]}%）`).join('，'), sc.keyLongestShare),
    R.trueFalseKeys(tf.correctShare, tf.correct, tf.items),
    ...IMPORTANCE.map((k) => R.coverage(k, report.coverage[k].covered, report.coverage[k].points, report.coverage[k].share)),
    R.difficulty(report.difficulty.join(':'), report.difficultyTarget.map((t) => `${t}%`).join(':')),
    ...report.perType.map((t) => R.type(t.name, t.available, t.needed)),
    ...report.itemRules.map((r) => R.itemRule(r.title, r.items)),
  ];
  if (report.findings.length === 0) lines.push(R.noFindings);
  for (const f of report.findings) lines.push(R.finding(severityNames[f.severity], f.field, f.message));
  return lines;
}
