/**
 * The conformance map (app/domain/conformance/clauses.ts) against the repository: every test file it names
 * exists, and every test name is made of titles written literally in that file (describe titles and the
 * test's own, joined by spaces as vitest's JSON reporter joins them) — so a renamed or deleted test fails
 * here, not silently as 未运行 in the security officer's report. And it covers the rows of the design notes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CLAUSES } from '../../../../app/domain/conformance/clauses.js';
import { clauseMapSchema, FAULT_SUITES, isFaultSuiteRef, type VitestTestRef } from '../../../../app/domain/conformance/model.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/** Every string literal of a source file ('…', "…", `…` without substitutions), unescaped. */
function literals(source: string): Set<string> {
  const out = new Set<string>();
  for (const m of source.matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/gu)) {
    const body = m[2] ?? '';
    if (m[1] === '`' && body.includes('${')) continue;
    out.add(body.replace(/\\(.)/gu, '$1'));
  }
  return out;
}

/** Whether `name` splits at spaces into pieces that are all literals of the file. */
function composedOf(name: string, titles: Set<string>): boolean {
  const memo = new Map<number, boolean>();
  const from = (i: number): boolean => {
    const known = memo.get(i);
    if (known !== undefined) return known;
    let ok = false;
    for (let j = i + 1; j <= name.length && !ok; j++) {
      if (j < name.length && name[j] !== ' ') continue;
      if (titles.has(name.slice(i, j))) ok = j === name.length || from(j + 1);
    }
    memo.set(i, ok);
    return ok;
  };
  return from(0);
}

const vitestRefs = CONFORMANCE_CLAUSES.flatMap((c) => c.tests.filter((t): t is VitestTestRef => !isFaultSuiteRef(t)).map((t) => ({ clause: `${c.source}${c.article}`, ...t })));

describe('conformance clause map', () => {
  it('names only test files that exist, by their path from the top of the checkout', () => {
    const missing = [...new Set(vitestRefs.map((r) => r.file))].filter((f) => !existsSync(join(ROOT, f)));
    expect(missing).toEqual([]);
  });

  it('names only tests whose describe and test titles are written literally in their file', () => {
    const titles = new Map<string, Set<string>>();
    const unknown = vitestRefs.filter((r) => {
      if (!titles.has(r.file)) titles.set(r.file, literals(readFileSync(join(ROOT, r.file), 'utf8')));
      return !composedOf(r.name, titles.get(r.file) ?? new Set());
    });
    expect(unknown.map((r) => `${r.clause}: ${r.file} › ${r.name}`)).toEqual([]);
  });

  it('covers 规程 第四、七、九至十五条 and every requirement of 附件6 the design notes list', () => {
    const articles = (source: string) => CONFORMANCE_CLAUSES.filter((c) => c.source === source).map((c) => c.article);
    expect(articles('规程')).toEqual(['第四条', '第七条', '第九条', '第十条', '第十一条', '第十二条', '第十三条', '第十四条', '第十五条']);
    expect(articles('附件6')).toEqual(['一', '二', '三（一）', '三（二）', '三（三）', '三（三）', '三（三）', '三（四）', '三（五）', '四（一）', '四（二）']);
    for (const c of CONFORMANCE_CLAUSES) {
      expect(c.tests.length, c.id).toBeGreaterThan(0);
      expect(c.feature, c.id).toMatch(/[\u4e00-\u9fff]/u);
    }
  });

  it('refers to every fault suite through its records', () => {
    const suites = new Set(CONFORMANCE_CLAUSES.flatMap((c) => c.tests.filter(isFaultSuiteRef).map((t) => t.faultSuite)));
    expect([...suites].sort()).toEqual([...FAULT_SUITES].sort());
  });

  it('refuses a map with a clause twice, a test twice, a path outside test/ or a suite it does not know', () => {
    const row = CONFORMANCE_CLAUSES[0]!;
    const refused = (rows: unknown[]) => clauseMapSchema.safeParse(rows).success;
    expect(refused([row, row])).toBe(false);
    expect(refused([{ ...row, tests: [row.tests[0], row.tests[0]] }])).toBe(false);
    expect(refused([{ ...row, tests: [{ file: 'app/x.ts', name: 'x' }] }])).toBe(false);
    expect(refused([{ ...row, tests: [{ faultSuite: 'flood' }] }])).toBe(false);
    expect(refused([row])).toBe(true);
  });

  it('finds a made-up test name not composed of the file’s titles', () => {
    const titles = literals("describe('a b', () => { it('c', () => {}); it(\"d’s e\", () => {}); });");
    expect(composedOf('a b c', titles)).toBe(true);
    expect(composedOf('a b d’s e', titles)).toBe(true);
    expect(composedOf('a b c d', titles)).toBe(false);
    expect(composedOf('a c', titles)).toBe(false);
  });
});
