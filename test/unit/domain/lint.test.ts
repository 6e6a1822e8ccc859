import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listElements, theoryElementTableSchema, type TheoryElementTable } from '../../../app/domain/element-table.js';
import { bankReportLines, lintBank, type BankItem } from '../../../app/domain/lint/bank-lint.js';
import { apportionTable, coverage, DEFAULT_PAPER, largestRemainder, type CoverageRow } from '../../../app/domain/lint/coverage.js';
import {
  keyIsLongest,
  lintPracticalTask,
  lintTheoryItem,
  requirementNumber,
  NOT_NEGATION_WORDS,
  unemphasisedNegatives,
  type LintFinding,
} from '../../../app/domain/lint/item-lint.js';
import { practicalStructureSchema } from '../../../app/domain/practical-structure.js';
import { practicalTaskSchema, type PracticalTask } from '../../../app/domain/practical-task.js';
import {
  theoryItemSchema,
  type MultipleChoiceItem,
  type SingleChoiceItem,
  type TheoryItem,
  type TrueFalseItem,
} from '../../../app/domain/theory-item.js';
import { THEORY_ITEM_TYPES } from '../../../app/domain/theory-item.js';
import {
  sampleElementTable,
  samplePracticalStructure,
  samplePracticalTasks,
  sampleTheoryItems,
} from '../../../app/demo/sample-bank.js';

const table: TheoryElementTable = theoryElementTableSchema.parse(sampleElementTable());
const items: TheoryItem[] = sampleTheoryItems().map((i) => theoryItemSchema.parse(i));
const elementCodes = new Set(listElements(table).map((e) => e.fullCode));
const structure = practicalStructureSchema.parse(samplePracticalStructure());
const moduleCodes = new Set(structure.modules.map((m) => m.code));
/** The sample tasks as the demo stores them: each with its drawing (app/demo/drawings) attached. */
const DRAWING = 'd'.repeat(64);
const tasks: PracticalTask[] = samplePracticalTasks().map((t) => practicalTaskSchema.parse({ ...(t as object), images: [DRAWING] }));

const context = { elementCodes };
const rules = (findings: readonly LintFinding[]) => findings.map((f) => f.rule);
const lint = (item: TheoryItem) => lintTheoryItem(item, context);
const clean = (item: TheoryItem) => lint(item).length === 0;

// Good items are real sample items without any finding.
const goodTrueFalse = items.find((i): i is TrueFalseItem => i.type === 'trueFalse' && clean(i)) as TrueFalseItem;
const goodSingle = items.find((i): i is SingleChoiceItem => i.type === 'singleChoice' && clean(i)) as SingleChoiceItem;
const goodMultiple = items.find((i): i is MultipleChoiceItem => i.type === 'multipleChoice' && clean(i)) as MultipleChoiceItem;

/** A bad variant of a good item; the cast lets tests build what the schema would refuse. */
const variant = <T extends TheoryItem>(item: T, change: Record<string, unknown>) => ({ ...item, ...change }) as unknown as TheoryItem;

describe('lint', () => {
  describe('#lintTheoryItem', () => {
    it('finds nothing in most sample items and no error or warning outside two known cues', () => {
      expect(goodTrueFalse && goodSingle && goodMultiple).toBeTruthy();
      const byRule = new Map<string, string[]>();
      for (const item of items) {
        for (const f of lint(item)) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), item.stem]);
      }
      // What the sample bank trips (see the report of this task): 3 items whose key is clearly the
      // longest option (info) and 2 options that repeat stem text (加工位置, φ20H7/f6).
      expect(Object.fromEntries([...byRule].map(([r, stems]) => [r, stems.length]))).toEqual({ 'key-longest': 3, 'option-repeats-stem': 2 });
      expect(items.flatMap(lint).filter((f) => f.severity === 'error')).toEqual([]);
    });

    it('treats H and h as different options (case is kept when comparing)', () => {
      const fits = items.find((i) => i.type === 'singleChoice' && i.options.includes('H') && i.options.includes('h'));
      expect(fits && rules(lint(fits))).toEqual([]);
    });

    it('reports a key outside the options, too few or repeated multiple-choice letters and a non-boolean true/false key', () => {
      expect(lint(variant(goodSingle, { key: 'E' }))).toEqual([
        { rule: 'key-invalid', severity: 'error', field: '答案', message: '单项选择题答案“E”应为 A–D 中的一个字母' },
      ]);
      expect(rules(lint(variant(goodMultiple, { key: 'A' })))).toEqual(['key-invalid']);
      expect(lint(variant(goodMultiple, { key: 'AAB' })).map((f) => f.message)).toEqual(['答案中字母 A 重复']);
      expect(lint(variant(goodMultiple, { options: goodMultiple.options.slice(0, 4), key: 'AE' })).map((f) => f.message)).toEqual([
        '答案 E 超出选项范围 A–D',
      ]);
      expect(rules(lint(variant(goodTrueFalse, { key: '对' })))).toEqual(['key-invalid']);
    });

    it('reports an empty option and a duplicate that differs only in spaces or full/half width', () => {
      const [a, b, , d] = goodSingle.options;
      expect(lint(variant(goodSingle, { options: [a, b, '  ', d] }))).toEqual([
        { rule: 'option-empty', severity: 'error', field: '选项C', message: '选项不能为空' },
      ]);
      const dup = variant(goodSingle, { options: ['A3 图纸', 'A4 图纸', 'Ａ３图纸', 'A2 图纸'], stem: '本题选用的图纸幅面是（ ）。' });
      expect(lint(dup).filter((f) => f.rule === 'option-duplicate')).toEqual([
        { rule: 'option-duplicate', severity: 'error', field: '选项C', message: '与选项A相同（忽略空格和全角/半角差别）' },
      ]);
    });

    it('reports a single choice without 4 options and a multiple choice without 4–5 options', () => {
      expect(lint(variant(goodSingle, { options: goodSingle.options.slice(0, 3), key: 'A' })).map((f) => f.message)).toEqual([
        '单项选择题应有 4 个选项，现有 3 个',
      ]);
      const six = [...goodMultiple.options, '第六项'];
      expect(rules(lint(variant(goodMultiple, { options: six })))).toEqual(['option-count']);
      expect(rules(lint(variant(goodMultiple, { options: goodMultiple.options.slice(0, 3), key: 'AB' })))).toEqual(['option-count']);
    });

    it('reports a true/false stem that asks a question, has answer brackets or lacks the full stop', () => {
      const tf = (stem: string) => lint(variant(goodTrueFalse, { stem })).filter((f) => f.rule === 'true-false-declarative');
      expect(tf('图样上的尺寸是机件的真实大小吗？')).toHaveLength(1);
      expect(tf('是否所有图样都必须标注比例。')).toHaveLength(1);
      expect(tf('哪一种图线用于绘制可见轮廓线。')).toHaveLength(1);
      expect(tf('图样上的尺寸以（ ）为单位时不需标注单位。')).toHaveLength(1);
      expect(tf('图样上的尺寸是机件的真实大小').map((f) => f.message)).toEqual(['判断题应以句号“。”结尾（命题要求：句尾句号）']);
      expect(tf(goodTrueFalse.stem)).toEqual([]);
    });

    it('reports negative wording in a choice stem unless it is emphasised with 「」', () => {
      const stem = (s: string) => rules(lint(variant(goodSingle, { stem: s })));
      expect(stem('下列关于图线的说法中，不正确的是（ ）。')).toEqual(['negative-not-emphasised']);
      expect(stem('下列图线中，不属于细线的是（ ）。')).toEqual(['negative-not-emphasised']);
      expect(stem('下列关于图线的说法中，「不正确」的是（ ）。')).toEqual([]);
      expect(unemphasisedNegatives('以下哪项与零件材料无关，且没有标注（ ）。')).toEqual(['无关', '没有']);
      // 不 inside terms and limits is not a negation of the question.
      expect(unemphasisedNegatives('不锈钢零件的不加工表面粗糙度不大于（ ）。')).toEqual([]);
      expect(unemphasisedNegatives('下列说法中错误的是（ ）。')).toEqual(['错误']);
    });

    it('flags negations of the statement, not words that contain 不, 没 or 错误', () => {
      // Negations: the question asks for what does not hold.
      for (const [stem, words] of [
        ['下列图形中，主视图不是对称图形的是（ ）。', ['不是']],
        ['下列零件中，不对称布置的孔不能用简化画法的是（ ）。', ['不能']],
        ['程序出现错误时，下列处理方法中错误的是（ ）。', ['错误']],
        ['下列说法中，（ ）是错误的。', ['错误']],
        ['以下做法错误（ ）。', ['错误']],
        ['机床导轨没有润滑时不应（ ）。', ['没有', '不应']],
        ['下列尺寸中，不完全正确的是（ ）。', ['不']],
        ['电动机运行中不过热的原因是（ ）。', ['不']],
      ] as const)
        expect(unemphasisedNegatives(stem), stem).toEqual(words);
      // Words: terms, limits, nouns and A-不-A questions.
      for (const stem of [
        '不对称零件的主视图应选择（ ）。',
        '数控程序出现错误时，系统首先（ ）。',
        '错误代码 E21 表示（ ）。',
        '防止错误操作的措施是（ ）。',
        '被水淹没有可能损坏的部件是（ ）。',
        '判断零件是不是合格品，应检查（ ）。',
        '量具有没有校准，应查看（ ）。',
        '不通孔的深度不小于（ ）。',
        '不平衡量的单位是（ ）。',
        '不完全定位是指（ ）。',
        '装配时不得不拆下的零件是（ ）。',
      ])
        expect(unemphasisedNegatives(stem), stem).toEqual([]);
      expect(NOT_NEGATION_WORDS).toContain('不对称');
    });

    it('marks a key that is clearly the longest option as info', () => {
      const item = variant(goodSingle, { options: ['毫米', '厘米', '以国家标准规定的毫米为单位标注', '英寸'], key: 'C' });
      expect(lint(item)).toEqual([
        { rule: 'key-longest', severity: 'info', field: '答案', message: '正确选项 C 明显比其他选项长，考生可能据此猜出答案' },
      ]);
      expect(keyIsLongest(item)).toBe(true);
      expect(keyIsLongest(variant(item, { key: 'A' }))).toBe(false);
    });

    it('reports a stem longer than 150 or shorter than 8 characters', () => {
      expect(rules(lint(variant(goodTrueFalse, { stem: `${'图'.repeat(151)}。` })))).toEqual(['stem-too-long']);
      expect(rules(lint(variant(goodSingle, { stem: '比例为（ ）。' })))).toEqual(['stem-too-short']);
    });

    it('reports a missing or unknown 鉴定点', () => {
      expect(lint(variant(goodSingle, { element: '' }))).toEqual([
        { rule: 'unbound', severity: 'error', field: '鉴定点代码', message: '试题待归类：尚未绑定鉴定点，绑定后才能提交审核' },
      ]);
      expect(lint(variant(goodSingle, { element: 'Z-Z-Z-999' })).map((f) => f.message)).toEqual(['鉴定点 Z-Z-Z-999 不在本题库的细目表中']);
    });

    it('reports referenced images that the bank does not hold, only when the images are given', () => {
      const sha = 'ab'.repeat(32);
      const item = variant(goodSingle, { images: [sha] });
      expect(lintTheoryItem(item, { elementCodes })).toEqual([]);
      expect(rules(lintTheoryItem(item, { elementCodes, imagesPresent: new Set() }))).toEqual(['image-missing']);
      expect(lintTheoryItem(item, { elementCodes, imagesPresent: new Set([sha]) })).toEqual([]);
    });

    it('reports an option whose text appears in the stem', () => {
      const item = variant(goodSingle, { stem: '零件图上的技术要求一般注写在（ ）。', options: ['标题栏上方', '技术要求', '明细栏内', '图框外'] });
      expect(lint(item).map((f) => [f.rule, f.field])).toEqual([['option-repeats-stem', '选项B']]);
    });

    it('reports 以上都对 / 以上都不对 / 以上均 options', () => {
      for (const text of ['以上都对', '以上都不对', '以上均正确']) {
        const item = variant(goodSingle, { options: [...goodSingle.options.slice(0, 3), text] });
        expect(rules(lint(item))).toContain('option-all-of-above');
      }
      expect(rules(lint(variant(goodSingle, { options: [...goodSingle.options.slice(0, 3), '三个或以上基本视图'] })))).not.toContain(
        'option-all-of-above',
      );
    });

    it('reports a choice stem without answer brackets or a blank line', () => {
      expect(rules(lint(variant(goodSingle, { stem: '图样中的尺寸单位一般是什么。' })))).toEqual(['answer-blank-missing']);
      expect(rules(lint(variant(goodSingle, { stem: '图样中的尺寸一般以____为单位。' })))).toEqual([]);
      expect(rules(lint(variant(goodMultiple, { stem: '下列属于基本视图的有(  )。' })))).toEqual([]);
    });
  });

  describe('#lintPracticalTask', () => {
    const good = tasks[0] as PracticalTask;
    const lintTask = (task: PracticalTask) => lintPracticalTask(task, { moduleCodes });

    it('finds nothing in the sample tasks', () => {
      expect(tasks.flatMap(lintTask)).toEqual([]);
    });

    it('reports a 附图说明 without a drawing, but not a task that needs none', () => {
      expect(lintTask({ ...good, images: [] })).toEqual([
        { rule: 'figure-missing', severity: 'warning', field: '图片', message: '附图说明描述了附图，但本题没有附图图片：审核专家无法评判，考生无法作答' },
      ]);
      expect(lintTask({ ...good, images: [], figureNote: '' })).toEqual([]);
    });

    it('reports rubric points that do not add up to the task points', () => {
      expect(lintTask({ ...good, points: 50 })).toEqual([
        { rule: 'rubric-sum', severity: 'error', field: '评分标准', message: '各行配分之和为 60，应等于本题分值 50' },
      ]);
    });

    it('reports a 考场准备通知单 without any row, but not one whose notes alone are empty', () => {
      const empty = { ...good.siteNotice, equipment: [], tools: [], measuring: [], materials: [] };
      expect(rules(lintTask({ ...good, siteNotice: empty }))).toEqual(['site-notice-empty']);
      expect(lintTask({ ...good, siteNotice: { ...good.siteNotice, notes: [] } })).toEqual([]);
    });

    it('reports a criterion without a deduction amount, naming its row', () => {
      const rubric = good.rubric.map((r, i) => (i === 2 ? { ...r, criteria: '酌情扣分' } : r));
      expect(lintTask({ ...good, rubric })).toEqual([
        { rule: 'criteria-no-deduction', severity: 'warning', field: '评分标准第3行 评分标准', message: '评分标准中应写明扣分分值（如“每处扣1分”）' },
      ]);
    });

    it('reports requirements that are not numbered or numbered out of order', () => {
      const requirements = ['1. 视图表达完整。', '尺寸标注正确。', '（4）图面整洁。'];
      expect(lintTask({ ...good, requirements }).map((f) => [f.field, f.message])).toEqual([
        ['具体考核要求第2项', '考核要求应编号，如“1. …”或“（1）…”'],
        ['具体考核要求第3项', '编号为 4，应为 3'],
      ]);
      expect(['1、a', '2）b', '(3) c', '（4）d', '⑤e', '６．f'].map(requirementNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('reports missing minutes and a 职业功能 outside the structure table', () => {
      expect(rules(lintTask({ ...good, minutes: 0 }))).toEqual(['minutes-missing']);
      expect(lintTask({ ...good, module: 'Z' }).map((f) => f.message)).toEqual(['职业功能 Z 不在技能考核内容结构表中']);
    });
  });

  describe('#largestRemainder', () => {
    const weights = fc.array(fc.integer({ min: 0, max: 1000 }).map((w) => w / 10), { minLength: 1, maxLength: 12 });
    const total = fc.integer({ min: 0, max: 600 });

    it('splits 170 items over the top level of the sample table as 42 : 128', () => {
      expect(largestRemainder([25, 75], 170)).toEqual([42, 128]);
      expect(largestRemainder([1, 1, 1], 10)).toEqual([4, 3, 3]);
      expect(largestRemainder([0, 0], 3)).toEqual([2, 1]);
    });

    it('returns parts that add up to the total', () => {
      fc.assert(fc.property(weights, total, (w, t) => largestRemainder(w, t).reduce((a, b) => a + b, 0) === t));
    });

    it('keeps every part within 1 of its exact quota', () => {
      fc.assert(
        fc.property(weights, total, (w, t) => {
          const sum = w.reduce((a, b) => a + b, 0);
          const quota = (x: number) => (sum > 0 ? (t * x) / sum : t / w.length);
          return largestRemainder(w, t).every((p, i) => Math.abs(p - quota(w[i] ?? 0)) < 1 + 1e-9);
        }),
      );
    });

    it('does not depend on the order of the weights: a permutation permutes the parts, equal weights differ by at most 1', () => {
      fc.assert(
        fc.property(
          weights.chain((w) => fc.tuple(fc.constant(w), fc.shuffledSubarray(w.map((_, i) => i), { minLength: w.length, maxLength: w.length }))),
          total,
          ([w, order], t) => {
            const parts = largestRemainder(w, t);
            const permuted = largestRemainder(
              order.map((i) => w[i] ?? 0),
              t,
            );
            const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
            if (JSON.stringify(sorted(parts)) !== JSON.stringify(sorted(permuted))) return false;
            // Distinct weights keep their part wherever they stand.
            const distinct = order.every((i, k) => w.filter((x) => x === w[i]).length > 1 || permuted[k] === parts[i]);
            const equalClose = w.every((x, i) => w.every((y, j) => x !== y || Math.abs((parts[i] ?? 0) - (parts[j] ?? 0)) <= 1));
            return distinct && equalClose;
          },
        ),
      );
    });

    it('refuses a negative or fractional total and negative weights', () => {
      expect(() => largestRemainder([1], -1)).toThrow(RangeError);
      expect(() => largestRemainder([1], 1.5)).toThrow(RangeError);
      expect(() => largestRemainder([-1, 2], 3)).toThrow(RangeError);
    });
  });

  describe('#apportionTable', () => {
    it('rounds a table so that rows and columns keep their totals and every cell stays within 1 of its exact value', () => {
      const totals = fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 });
      fc.assert(
        fc.property(totals, fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 4 }), (rows, colWeights) => {
          const T = rows.reduce((a, b) => a + b, 0);
          const cols = largestRemainder(colWeights, T);
          const cells = apportionTable(rows, cols);
          const rowOk = cells.every((r, i) => r.reduce((a, b) => a + b, 0) === rows[i]);
          const colOk = cols.every((c, j) => cells.reduce((a, r) => a + (r[j] ?? 0), 0) === c);
          const close = T === 0 || cells.every((r, i) => r.every((v, j) => Math.abs(v - ((rows[i] ?? 0) * (cols[j] ?? 0)) / T) < 1));
          return rowOk && colOk && close;
        }),
      );
    });
  });

  describe('#coverage', () => {
    const sets = 3;
    const rows = coverage({ table, items, sets, paper: DEFAULT_PAPER });
    const byPath = new Map(rows.map((r) => [r.path, r]));
    const childrenOf = (row: CoverageRow) => rows.filter((r) => r.depth === row.depth + 1 && r.path.startsWith(`${row.path}-`));

    it('has one row per scope node of the 细目表, parents before children', () => {
      expect(rows.map((r) => r.path).slice(0, 4)).toEqual(['A', 'A-A', 'A-A-A', 'A-A-B']);
      expect(rows.filter((r) => r.isLeaf).reduce((a, r) => a + r.points.X + r.points.Y + r.points.Z, 0)).toBe(113);
    });

    it('needs paper size × sets items in all, per 题型 as the paper has them', () => {
      const top = rows.filter((r) => r.depth === 1);
      expect(top.reduce((a, r) => a + r.needed, 0)).toBe(170 * sets);
      for (const t of THEORY_ITEM_TYPES) expect(top.reduce((a, r) => a + r.neededByType[t], 0)).toBe(DEFAULT_PAPER[t] * sets);
      expect(byPath.get('A')?.neededPerSet).toBe(42);
      expect(byPath.get('B')?.neededPerSet).toBe(128);
    });

    it('makes children add up to their parent, in total and per 题型, and needed = per set × sets', () => {
      for (const row of rows.filter((r) => !r.isLeaf)) {
        const children = childrenOf(row);
        expect(children.reduce((a, c) => a + c.neededPerSet, 0)).toBe(row.neededPerSet);
        for (const t of THEORY_ITEM_TYPES) expect(children.reduce((a, c) => a + c.neededPerSetByType[t], 0)).toBe(row.neededPerSetByType[t]);
        expect(children.reduce((a, c) => a + c.available, 0)).toBe(row.available);
      }
      for (const row of rows) {
        expect(row.needed).toBe(row.neededPerSet * sets);
        expect(Math.abs(row.neededPerSet - (170 * row.weight) / 100)).toBeLessThan(2);
      }
    });

    it('counts every sample item once at the top level and flags only short rows', () => {
      const top = rows.filter((r) => r.depth === 1);
      expect(top.reduce((a, r) => a + r.available, 0)).toBe(656);
      for (const row of rows) expect(row.short).toBe(THEORY_ITEM_TYPES.some((t) => row.availableByType[t] < row.neededByType[t]));
      // The sample bank holds enough items for every scope in total; one small leaf lacks a 多选 item.
      expect(rows.every((r) => r.available >= r.needed)).toBe(true);
    });

    it('leaves out retired items', () => {
      const retired = items.map((i) => ({ element: i.element, type: i.type, state: '停用' }));
      expect(coverage({ table, items: retired, sets, paper: DEFAULT_PAPER }).every((r) => r.available === 0 && r.short)).toBe(true);
    });
  });

  describe('#lintBank', () => {
    const report = lintBank({ items, table });

    it('finds the sample bank balanced: key positions, √/×, longest keys and difficulty within limits', () => {
      const sc = report.keyBalance.singleChoice;
      expect(sc.items).toBe(489);
      for (const l of ['A', 'B', 'C', 'D'] as const) {
        expect(sc.shares[l]).toBeGreaterThanOrEqual(18);
        expect(sc.shares[l]).toBeLessThanOrEqual(32);
      }
      expect(sc.keyLongestShare).toBeLessThanOrEqual(35);
      expect(report.keyBalance.trueFalse).toEqual({ items: 102, correct: 51, wrong: 51, correctShare: 50 });
      expect(report.difficulty.reduce((a, b) => a + b, 0)).toBe(656);
      expect(report.difficultyTarget).toEqual([10, 20, 40, 20, 10]);
      const rulesFound = new Set(rules(report.findings));
      for (const r of ['single-key-balance', 'single-key-longest-share', 'true-false-balance', 'difficulty-distribution', 'difficulty-short', 'type-short'])
        expect(rulesFound.has(r)).toBe(false);
    });

    it('finds an item for every X point and counts the needed items per point', () => {
      expect(report.coverage.uncoveredX).toEqual([]);
      expect(report.coverage.X).toEqual({ points: 92, covered: 92, share: 100 });
      // The cap the blueprint uses: the smallest that fits every leaf (a leaf needs up to 3 items per 鉴定点
      // of a 170-item paper), so 3 disjoint sets can take 9 items of each point.
      expect(report.perElementCap).toBe(3);
      expect(report.perElement).toHaveLength(113);
      expect(report.perElement.every((e) => e.needed === 9)).toBe(true);
      expect(report.perElement.reduce((a, e) => a + e.items, 0)).toBe(656);
      // Some points hold fewer than 9 items, yet every leaf can still give its share of 3 sets: no finding
      // (a cap is a most, not a need).
      expect(report.perElement.some((e) => e.items < e.needed)).toBe(true);
      expect(report.findings.filter((f) => f.rule === 'element-short')).toEqual([]);
    });

    it('finds a leaf short when its items sit on too few of its points to be used under the cap', () => {
      // Move every item of leaf A-B-A (制图基本知识) onto its first point: the same number of items, but at most 9 usable.
      const leaf = listElements(table).filter((e) => e.scopeCodes.join('-') === 'A-B-A');
      const first = leaf[0]?.fullCode ?? '';
      const piled = items.map((i) => (leaf.some((e) => e.fullCode === i.element) ? { ...i, element: first } : i));
      const finding = lintBank({ items: piled, table }).findings.filter((f) => f.rule === 'element-short');
      expect(finding).toHaveLength(1);
      expect(finding[0]?.message).toMatch(/^1 个末级鉴定范围可用的试题不够组 3 套互不重复的试卷（每套每个鉴定点最多 3 题，多出的不能用）：A-B-A（可用 9，需要 \d+）$/);
    });

    it('compares 题型 totals with what 3 papers need', () => {
      expect(report.perType.map((t) => [t.type, t.available, t.needed, t.short])).toEqual([
        ['trueFalse', 102, 60, false],
        ['singleChoice', 489, 420, false],
        ['multipleChoice', 65, 30, false],
      ]);
      expect(report.scopes).toHaveLength(coverage({ table, items, sets: 3, paper: DEFAULT_PAPER }).length);
    });

    it('is plain JSON and printable', () => {
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
      const lines = bankReportLines(report);
      expect(lines[0]).toBe('题库质量报告');
      expect(lines).toContain('判断题答案 √ 51/102（50%）');
    });

    it('warns about skewed keys, longest keys, √/× imbalance, uncovered X points, missing 题型 and difficulty', () => {
      const skewed: BankItem[] = [
        ...Array.from({ length: 10 }, () => ({
          ...goodSingle,
          options: ['毫米', '厘米', '米', '以国家标准规定的毫米为单位'],
          key: 'D' as const,
          difficulty: 3,
        })),
        ...Array.from({ length: 10 }, () => ({ ...goodTrueFalse, key: true, difficulty: 3 })),
      ];
      const r = lintBank({ items: skewed, table, sets: 3 });
      const found = new Set(rules(r.findings));
      for (const rule of ['single-key-balance', 'single-key-longest-share', 'true-false-balance', 'element-uncovered-x', 'type-short', 'difficulty-distribution', 'difficulty-short', 'element-short', 'scope-short'])
        expect(found, rule).toContain(rule);
      expect(r.keyBalance.singleChoice.counts).toEqual({ A: 0, B: 0, C: 0, D: 10 });
      const used = new Set([goodSingle.element, goodTrueFalse.element]);
      expect(r.coverage.uncoveredX).toEqual(r.perElement.filter((e) => e.importance === 'X' && !used.has(e.code)).map((e) => e.code));
      expect(r.itemRules.map((x) => [x.rule, x.items])).toEqual([['key-longest', 10]]);
    });

    it('counts only 入库 items when asked, and never retired ones', () => {
      const mixed: BankItem[] = items.map((i, n) => ({ ...i, state: n % 2 === 0 ? '入库' : '草稿' }));
      expect(lintBank({ items: mixed, table, eligibleOnly: true }).items).toBe(328);
      expect(lintBank({ items: mixed, table }).items).toBe(656);
      expect(lintBank({ items: mixed.map((i) => ({ ...i, state: '停用' })), table }).items).toBe(0);
    });

    it('reports items bound to a 鉴定点 outside the table as an error', () => {
      const r = lintBank({ items: [...items, { ...goodSingle, element: 'Z-Z-Z-999' }], table });
      expect(r.unbound).toBe(1);
      expect(r.findings.find((f) => f.rule === 'element-unbound')?.severity).toBe('error');
    });
  });
});
