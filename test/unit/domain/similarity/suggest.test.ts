import { describe, expect, it } from 'vitest';
import { listElements, theoryElementTableSchema } from '../../../../app/domain/element-table.js';
import { sampleElementTable, sampleTheoryItems } from '../../../../app/demo/sample-bank.js';
import { createElementSuggester, MIN_SUGGESTION_SCORE, type ElementSuggestion } from '../../../../app/domain/similarity/suggest.js';
import type { TheoryItem } from '../../../../app/domain/theory-item.js';

const table = theoryElementTableSchema.parse(sampleElementTable());
const elements = listElements(table).map((e) => ({ code: e.fullCode, name: e.name, scopeNames: e.scopeNames }));
const items = sampleTheoryItems() as TheoryItem[];
const text = (i: TheoryItem) => [i.stem, ...(i.type === 'trueFalse' ? [] : i.options)].join(' ');

/** Share of the items whose 鉴定点 is the best suggestion, and the best or the runner-up. */
function accuracy(pairs: readonly [TheoryItem, ElementSuggestion | undefined][]): { top1: number; top2: number } {
  const top1 = pairs.filter(([i, s]) => s?.best.element === i.element).length;
  const top2 = pairs.filter(([i, s]) => s?.best.element === i.element || s?.runnerUp?.element === i.element).length;
  return { top1: top1 / pairs.length, top2: top2 / pairs.length };
}

describe('domain/similarity/suggest', () => {
  it('suggests the 鉴定点 whose name the item mentions, with a runner-up and scores in [0, 1]', () => {
    const suggester = createElementSuggester(
      [
        { code: 'A-A-001', name: '图纸幅面', scopeNames: ['制图基本知识'] },
        { code: 'A-A-002', name: '图纸格式', scopeNames: ['制图基本知识'] },
        { code: 'B-A-001', name: '正投影的基本性质', scopeNames: ['投影基础'] },
      ],
      [],
    );
    const s = suggester.suggest('A3 图纸幅面的尺寸是（ ）。 297×420 210×297 420×594 594×841');
    expect(s?.best).toMatchObject({ element: 'A-A-001', items: 0 });
    expect(s?.best.score).toBeGreaterThan(0.3);
    expect(s?.best.score).toBeLessThanOrEqual(1);
    expect(s?.runnerUp?.element).toBe('A-A-002'); // shares 图纸 with the best
    expect(s?.runnerUp?.score ?? 0).toBeLessThan(s?.best.score ?? 0);
    expect(suggester.suggest('')).toBeUndefined();
    expect(suggester.suggest('！！')).toBeUndefined();
  });

  it('learns from the items already bound: a text near a bound item suggests its 鉴定点', () => {
    const suggester = createElementSuggester(
      [
        { code: 'A-A-001', name: '职业道德的基本概念' },
        { code: 'A-A-002', name: '团结协作与文明生产' },
      ],
      [
        { element: 'A-A-002', text: '工作场地应保持整洁，工具摆放整齐，这属于文明生产的要求。' },
        { element: 'A-A-001', text: '职业道德是社会道德在职业活动中的具体体现。' },
        { element: 'Z-Z-999', text: '不在细目表中的鉴定点不算。' },
      ],
    );
    const s = suggester.suggest('工具应摆放整齐，工作场地保持整洁。');
    expect(s?.best.element).toBe('A-A-002');
    expect(s?.best.items).toBeGreaterThan(0.3);
    expect(suggester.suggest('不在细目表中的鉴定点不算。')?.best.element).not.toBe('Z-Z-999');
  });

  it('is deterministic and never suggests below the floor', () => {
    const a = createElementSuggester(elements, []).suggest(text(items[5] as TheoryItem));
    const b = createElementSuggester(elements, []).suggest(text(items[5] as TheoryItem));
    expect(a).toEqual(b);
    for (const i of items.slice(0, 50)) {
      const s = createElementSuggester(elements, []).suggest(text(i));
      if (s) expect(s.best.score).toBeGreaterThanOrEqual(MIN_SUGGESTION_SCORE);
    }
  });

  it('finds the right 鉴定点 of the sample items far above chance, from names only and with a bank', () => {
    const names = createElementSuggester(elements, []);
    const fromNames = accuracy(items.map((i) => [i, names.suggest(text(i))]));
    // 113 鉴定点: chance is below 1 %.
    expect(fromNames.top1).toBeGreaterThan(0.4);
    expect(fromNames.top2).toBeGreaterThan(0.5);
    const folds = 10;
    const pairs: [TheoryItem, ElementSuggestion | undefined][] = [];
    for (let f = 0; f < folds; f++) {
      const bound = items.filter((_, k) => k % folds !== f).map((i) => ({ element: i.element, text: text(i) }));
      const suggester = createElementSuggester(elements, bound);
      items.forEach((i, k) => {
        if (k % folds === f) pairs.push([i, suggester.suggest(text(i))]);
      });
    }
    const withBank = accuracy(pairs);
    expect(withBank.top1).toBeGreaterThan(0.6);
    expect(withBank.top2).toBeGreaterThan(0.72);
  });
});
