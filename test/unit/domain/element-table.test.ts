import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  elementTableRules,
  elementTableStats,
  formatImportanceRatio,
  listElements,
  theoryElementTableSchema,
  type ScopeNode,
} from '../../../app/domain/element-table.js';
import { formatProblem, validate } from '../../../app/domain/validation.js';

const leaf = (code: string, name: string, weight: number, imps: string): ScopeNode => ({
  code,
  name,
  weight,
  elements: [...imps].map((importance, i) => ({ code: String(i + 1).padStart(3, '0'), name: `${name}要点${i + 1}`, importance: importance as 'X' })),
});

function table(scopes: ScopeNode[]) {
  return { occupationCode: '3-01-02-07', level: 4, track: '机械', scopes };
}

const good = table([
  { code: 'A', name: '基本要求', weight: 25, children: [leaf('A', '职业道德', 5, 'XXY'), leaf('B', '基础知识', 20, 'XXXXXXXXXZ')] },
  { code: 'B', name: '相关知识', weight: 75, children: [{ code: 'A', name: '绘制二维图', weight: 75, children: [leaf('A', '零件图', 75, 'XXXXXXXXXX')] }] },
]);

function check(input: unknown) {
  return validate(theoryElementTableSchema, input, elementTableRules);
}

describe('element-table', () => {
  describe('#elementTableRules', () => {
    it('accepts a table whose weights add up', () => {
      const r = check(good);
      expect(r.ok).toBe(true);
    });

    it('rejects children whose weights do not add up to the parent, naming the scope', () => {
      const bad = structuredClone(good);
      (bad.scopes[0]?.children?.[1] as ScopeNode).weight = 18;
      const r = check(bad);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems.map((p) => formatProblem(p))).toContain('鉴定范围 A（基本要求）: 下级鉴定比重之和为 23，应等于本级鉴定比重 25');
    });

    it('rejects a top level that does not add up to 100', () => {
      const bad = structuredClone(good);
      (bad.scopes[1] as ScopeNode).weight = 70;
      const r = check(bad);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems.map((p) => formatProblem(p))).toContain('一级鉴定范围: 鉴定比重之和为 95，应等于 100');
    });

    it('rejects duplicate codes, empty leaves and nodes with both children and points', () => {
      const bad = table([
        { code: 'A', name: '甲', weight: 50, children: [leaf('A', '子一', 25, 'X'), leaf('A', '子二', 25, 'X')] },
        { code: 'B', name: '乙', weight: 50 },
      ]);
      const r = check(bad);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const lines = r.problems.map((p) => formatProblem(p));
      expect(lines).toContain('鉴定范围 A（甲）: 鉴定范围代码 A 重复');
      expect(lines).toContain('鉴定范围 B（乙）: 必须含有下级鉴定范围或鉴定点');
    });

    it('rejects more than four scope levels', () => {
      const deep = (depth: number): ScopeNode =>
        depth === 5 ? leaf('A', '末级', 100, 'X') : { code: 'A', name: `第${depth}级`, weight: 100, children: [deep(depth + 1)] };
      const r = check(table([deep(1)]));
      expect(r.ok).toBe(false);
    });

    it('warns, without rejecting, when X is under 80 % or Y over 15 % or Z over 5 %', () => {
      const r = check(table([leaf('A', '全部', 100, 'XXXYYZ')]));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.warnings.map((w) => w.message)).toEqual([
        'X 类鉴定点占 50%，一般应不低于 80%',
        'Y 类鉴定点占 33.3%，一般应不超过 15%',
        'Z 类鉴定点占 16.7%，一般应不超过 5%',
      ]);
    });

    it('rejects a malformed point code and importance with Chinese messages', () => {
      const bad = { ...table([]), scopes: [{ code: 'A', name: '甲', weight: 100, elements: [{ code: '1', name: '点', importance: 'W' }] }] };
      const r = check(bad);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems.map((p) => p.message)).toEqual(['鉴定点代码应为三位数字，如 001', '重要程度必须是 X、Y 或 Z']);
    });
  });

  describe('#elementTableStats', () => {
    it('counts X/Y/Z per scope in the (X:Y:Z) notation', () => {
      const stats = elementTableStats(good);
      expect(stats.elements).toBe(23);
      expect(formatImportanceRatio(stats.counts)).toBe('(21:1:1)');
      expect(stats.scopes.find((s) => s.path === 'A')?.counts).toEqual({ X: 11, Y: 1, Z: 1 });
    });
  });

  describe('#listElements', () => {
    it('gives every point its full code A-B-C-001', () => {
      const codes = listElements(good).map((e) => e.fullCode);
      expect(codes).toContain('B-A-A-010');
      expect(codes).toContain('A-A-001');
      expect(new Set(codes).size).toBe(codes.length);
    });
  });

  describe('property: weights', () => {
    /** Builds a random table whose weights add up, from a stream of random numbers. */
    function build(rand: number[]): ScopeNode[] {
      let i = 0;
      const next = (n: number) => (rand[i++ % rand.length] ?? 0) % n;
      const split = (total: number, parts: number) => {
        const cuts = Array.from({ length: parts - 1 }, () => 1 + next(Math.max(total - 1, 1))).sort((a, b) => a - b);
        const edges = [0, ...cuts, total];
        return edges.slice(1).map((e, k) => e - (edges[k] ?? 0));
      };
      const node = (code: string, weight: number, depth: number): ScopeNode => {
        if (depth >= 3 || next(3) === 0 || weight < 2) return leaf(code, `节点${code}${depth}`, weight, 'XXXXY'.slice(0, 1 + next(5)));
        const weights = split(weight, 1 + next(Math.min(3, weight)));
        return { code, name: `节点${code}${depth}`, weight, children: weights.map((w, k) => node(String.fromCharCode(65 + k), w, depth + 1)) };
      };
      return split(100, 1 + next(4)).map((w, k) => node(String.fromCharCode(65 + k), w, 1));
    }

    it('accepts any table whose weights add up and rejects it once one leaf weight changes', () => {
      fc.assert(
        fc.property(fc.array(fc.nat(10_000), { minLength: 50, maxLength: 50 }), fc.integer({ min: 1, max: 9 }), (rand, delta) => {
          const scopes = build(rand);
          expect(check(table(scopes)).ok).toBe(true);
          const flat = scopes.flatMap(function all(n): ScopeNode[] {
            return [n, ...(n.children ?? []).flatMap(all)];
          });
          const victim = flat.find((n) => n.elements) as ScopeNode;
          victim.weight += delta;
          expect(check(table(scopes)).ok).toBe(false);
        }),
        { numRuns: 200 },
      );
    });
  });
});
