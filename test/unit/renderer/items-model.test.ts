/** The 试题 list's pure side: the filters a link asks for, the element prefix match and page offsets. */
import { describe, expect, it } from 'vitest';
import { filtersFromQuery, matchesElement, pagesOf } from '../../../app/renderer/src/pages/items/model.js';

const q = (s: string) => new URLSearchParams(s);

describe('filtersFromQuery', () => {
  it('takes the 鉴定点 of an assembly cause and the module of a practical one', () => {
    expect(filtersFromQuery(q('point=B-A-C'))).toEqual({ element: 'B-A-C' });
    expect(filtersFromQuery(q('kind=practical&module=a'))).toEqual({ type: 'practical', element: 'A' });
  });

  it('takes 题型, 状态 and 难度, and ignores what it does not know', () => {
    expect(filtersFromQuery(q('type=singleChoice&state=待审&difficulty=3'))).toEqual({ type: 'singleChoice', state: '待审', difficulty: 3 });
    expect(filtersFromQuery(q('type=essay&state=gone&difficulty=9&point=B--A&module=<x>'))).toEqual({});
    expect(filtersFromQuery(q(''))).toEqual({});
  });
});

describe('matchesElement', () => {
  it('matches whole segments only', () => {
    expect(matchesElement('B-A-C-001', 'B-A')).toBe(true);
    expect(matchesElement('B-A', 'b-a-')).toBe(true);
    expect(matchesElement('B-AC-001', 'B-A')).toBe(false);
  });
});

describe('pagesOf', () => {
  it('gives the page offsets of the positions, once each, ignoring unknown (-1) ones', () => {
    expect(pagesOf([0, 5, 199, 200, 401, -1])).toEqual([0, 200, 400]);
  });
});
