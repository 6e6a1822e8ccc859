/** The pure rules of the review: the panel, what verdicts mean for the sets, the incubation, the manifest check. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryCounts, panelProblems, type PanelCandidate } from '../../../../app/domain/review/panel.js';
import { addDays, checkSubmission } from '../../../../app/domain/review/submissions.js';
import { itemVerdicts, panelVerdict, setBlockers, unjudged, VERDICTS, type RecordedVerdict } from '../../../../app/domain/review/verdicts.js';
import { checkFiles } from '../../../../app/domain/submission/manifest.js';

const PERIOD = { startsOn: '2026-11-20', endsOn: '2026-11-30' };
const member = (personId: number, category: PanelCandidate['category'], over: Partial<PanelCandidate> = {}): PanelCandidate => ({
  personId,
  name: `专家${String(personId)}`,
  unit: '单位',
  title: '高级工程师',
  category,
  leader: personId === 1,
  teamReasons: [],
  trainer: false,
  pledges: [{ signedOn: '2026-01-01', expiresOn: '2027-12-31' }],
  account: `e${String(personId)}`,
  ...over,
});
const FIVE = [member(1, '方法专家'), member(2, '内容专家'), member(3, '内容专家'), member(4, '实际工作专家'), member(5, '实际工作专家')];

describe('panelProblems', () => {
  it('accepts five independent experts covering the three categories with one leader', () => {
    expect(panelProblems(FIVE, PERIOD)).toEqual([]);
    expect(categoryCounts(FIVE)).toEqual({ 方法: 1, 内容: 2, 实际工作: 2 });
  });

  it('names each violation', () => {
    const rules = (ms: PanelCandidate[]) => panelProblems(ms, PERIOD).map((p) => p.rule);
    expect(rules(FIVE.slice(0, 4))).toEqual(['size']);
    expect(rules(FIVE.map((m) => (m.category === '方法专家' ? { ...m, category: '内容专家' as const } : m)))).toEqual(['category']);
    expect(rules(FIVE.map((m) => ({ ...m, leader: false })))).toEqual(['leader']);
    expect(rules(FIVE.map((m) => ({ ...m, leader: true })))).toEqual(['leader']);
    expect(rules([...FIVE.slice(0, 4), { ...FIVE[4]!, teamReasons: ['命题人员'] }])).toEqual(['team']);
    expect(rules([...FIVE.slice(0, 4), { ...FIVE[4]!, trainer: true }])).toEqual(['trainer']);
    expect(rules([...FIVE.slice(0, 4), { ...FIVE[4]!, pledges: [] }])).toEqual(['pledge']);
    // a pledge that expires during the review does not cover it
    expect(rules([...FIVE.slice(0, 4), { ...FIVE[4]!, pledges: [{ signedOn: '2026-01-01', expiresOn: '2026-11-25' }] }])).toEqual(['pledge']);
    expect(rules([...FIVE.slice(0, 4), { ...FIVE[4]!, account: null }])).toEqual(['account']);
    expect(rules([...FIVE.slice(0, 4), { ...FIVE[4]!, lacksAccess: true }])).toEqual(['account']);
    expect(rules([...FIVE, FIVE[4]!])).toEqual(['duplicate']);
  });

  it('is valid exactly when the size, the three categories, the single leader and every member hold (property)', () => {
    const cat = fc.constantFrom('方法专家' as const, '内容专家' as const, '实际工作专家' as const);
    fc.assert(
      fc.property(fc.array(fc.record({ category: cat, leader: fc.boolean(), team: fc.boolean() }), { minLength: 0, maxLength: 8 }), (rows) => {
        const ms = rows.map((r, i) => member(i + 1, r.category, { leader: r.leader, teamReasons: r.team ? ['命题人员'] : [] }));
        const valid =
          ms.length >= 5 && new Set(ms.map((m) => m.category)).size === 3 && ms.filter((m) => m.leader).length === 1 && ms.every((m) => m.teamReasons.length === 0);
        expect(panelProblems(ms, PERIOD).length === 0).toBe(valid);
      }),
    );
  });
});

describe('verdicts and sets', () => {
  const v = (itemId: number, version: number, personId: number, verdict: RecordedVerdict['verdict']): RecordedVerdict => ({ itemId, version, personId, verdict });
  const inSet = (itemId: number, version: number) => ({ paperId: 1, setLabel: '甲', kindName: '理论知识', itemId, version, code: `#${String(itemId)}` });

  it('takes the strictest verdict of the newest reviewed version', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VERDICTS)), (vs) => {
        expect(panelVerdict(vs)).toBe(vs.includes('不通过') ? '不通过' : vs.includes('修改后通过') ? '修改后通过' : vs.length > 0 ? '通过' : undefined);
      }),
    );
    const all = [v(1, 1, 1, '通过'), v(1, 1, 2, '不通过'), v(1, 2, 1, '通过'), v(1, 2, 2, '通过')];
    expect(itemVerdicts(all).get(1)).toEqual({ version: 2, verdict: '通过' });
  });

  it('keeps a rejected item and an unrevised one out of the sets, not the revised or replaced ones', () => {
    const all = [v(1, 1, 1, '不通过'), v(2, 1, 1, '修改后通过'), v(3, 1, 1, '通过')];
    expect(setBlockers([inSet(1, 1), inSet(2, 1), inSet(3, 1)], all).map((b) => [b.itemId, b.kind])).toEqual([
      [1, 'rejected'],
      [2, 'unrevised'],
    ]);
    expect(setBlockers([inSet(2, 2), inSet(3, 1), inSet(4, 1)], all)).toEqual([]);
  });

  it('counts a revised version after 修改后通过 as judged, a replacement item not', () => {
    const all = [v(1, 1, 1, '修改后通过'), v(1, 1, 2, '通过')];
    const mine = all.filter((x) => x.personId === 2);
    expect(unjudged([{ itemId: 1, version: 2 }, { itemId: 9, version: 1 }], mine, all)).toEqual([{ itemId: 9, version: 1 }]);
  });
});

describe('checkSubmission', () => {
  const inc = { startsOn: '', days: 180 };
  it('allows the first, warns before the second, refuses a third within the period, and allows again after it', () => {
    expect(checkSubmission([], '2026-12-01', inc, 4)).toMatchObject({ allowed: true, ordinal: 1, message: '', provincialReview: false });
    expect(checkSubmission(['2026-12-01'], '2026-12-20', inc, 4)).toMatchObject({ allowed: true, ordinal: 2, periodEnd: '2027-05-29' });
    expect(checkSubmission(['2026-12-01'], '2026-12-20', inc, 4).message).toContain('也是最后一次');
    expect(checkSubmission(['2026-12-01', '2026-12-20'], '2027-05-29', inc, 2)).toMatchObject({ allowed: false, provincialReview: true });
    expect(checkSubmission(['2026-12-01', '2026-12-20'], '2027-05-30', inc, 2)).toMatchObject({ allowed: true, message: '' });
    expect(checkSubmission(['2026-12-01'], '2026-12-05', { startsOn: '2026-06-01', days: 30 }, 3).allowed).toBe(true);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('checkFiles', () => {
  it('names changed, missing and extra files', () => {
    const files = [
      { path: 'a.docx', part: '01', bytes: 1, sha256: 'a'.repeat(64) },
      { path: 'b.docx', part: '02', bytes: 1, sha256: 'b'.repeat(64) },
    ];
    const found = new Map([
      ['a.docx', { bytes: 1, sha256: 'a'.repeat(64) }],
      ['c.docx', { bytes: 1, sha256: 'c'.repeat(64) }],
      ['manifest.json', { bytes: 1, sha256: 'd'.repeat(64) }],
    ]);
    expect(checkFiles(files, found, (p) => p === 'manifest.json').map((f) => [f.path, f.status])).toEqual([
      ['a.docx', 'ok'],
      ['b.docx', '缺失'],
      ['c.docx', '多余'],
    ]);
    found.set('b.docx', { bytes: 1, sha256: 'e'.repeat(64) });
    expect(checkFiles(files, found, () => true).find((f) => f.path === 'b.docx')?.status).toBe('已改动');
  });
});
