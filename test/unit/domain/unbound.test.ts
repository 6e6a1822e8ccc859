import { describe, expect, it } from 'vitest';
import { eligibility, isAssemblable } from '../../../app/domain/assembly/eligibility.js';
import { decodeItem, itemColumns, itemGaps } from '../../../app/domain/item.js';
import { lintBank } from '../../../app/domain/lint/bank-lint.js';
import { lintTheoryItem } from '../../../app/domain/lint/item-lint.js';
import { theoryElementTableSchema } from '../../../app/domain/element-table.js';
import { sampleElementTable, sampleTheoryItems } from '../../../app/demo/sample-bank.js';
import { classificationGaps, isUnbound, theoryItemDraftSchema, theoryItemSchema, UNBOUND_ELEMENT, UNRATED_DIFFICULTY, type TheoryItem } from '../../../app/domain/theory-item.js';
import { formatProblem, validate } from '../../../app/domain/validation.js';
import { checkTransition, isEligibleForPapers } from '../../../app/domain/workflow.js';
import { testItem, testProblem } from '../../helpers/assembly.js';

const bound: TheoryItem = { type: 'trueFalse', stem: '图样中的尺寸以毫米为单位时不需标注单位。', key: true, element: 'A-B-A-001', difficulty: 2, explanation: '', images: [] };
const unbound: TheoryItem = { ...bound, element: UNBOUND_ELEMENT, difficulty: UNRATED_DIFFICULTY };

describe('待归类 theory items', () => {
  it('are accepted by the draft schema only, with the same messages for a code that is not one', () => {
    expect(validate(theoryItemDraftSchema, unbound).ok).toBe(true);
    expect(validate(theoryItemSchema, unbound).ok).toBe(false);
    const strict = validate(theoryItemSchema, { ...bound, element: 'A-B-01' });
    const draft = validate(theoryItemDraftSchema, { ...bound, element: 'A-B-01' });
    expect(strict.ok || draft.ok).toBe(false);
    const messages = (r: typeof strict) => (r.ok ? [] : r.problems.map((p) => formatProblem(p)));
    expect(messages(draft)).toEqual(messages(strict));
    expect(messages(validate(theoryItemDraftSchema, { ...bound, element: undefined }))).toEqual(['鉴定点代码: 不能为空']);
    expect(messages(validate(theoryItemDraftSchema, { ...bound, difficulty: 6 }))).toEqual(messages(validate(theoryItemSchema, { ...bound, difficulty: 6 })));
  });

  it('name what they lack, and are stored with binding "" and difficulty NULL, read back the same', () => {
    expect(classificationGaps(bound)).toEqual([]);
    expect(classificationGaps(unbound)).toEqual(['element', 'difficulty']);
    expect(classificationGaps({ ...bound, difficulty: 0 })).toEqual(['difficulty']);
    expect(isUnbound({ ...bound, element: '' })).toBe(true);
    const columns = itemColumns({ kind: 'theory', body: unbound });
    expect(columns).toMatchObject({ binding: '', difficulty: null });
    expect(itemGaps(columns)).toEqual(['element', 'difficulty']);
    expect(itemGaps({ kind: 'comprehensive', binding: '', difficulty: null })).toEqual([]);
    expect(decodeItem('theory', JSON.parse(JSON.stringify(unbound)))).toMatchObject({ ok: true, value: { body: unbound } });
  });

  it('cannot leave 草稿, whoever asks, and are never eligible for papers', () => {
    const gaps = classificationGaps(unbound);
    expect(checkTransition('草稿', '待审', { roles: ['author'], isAuthor: true }, '', gaps)).toEqual({
      ok: false,
      message: '试题待归类（未绑定鉴定点、未定难度），不能提交审核：请先绑定鉴定点并给出难度',
    });
    expect(checkTransition('草稿', '待审', { roles: ['manager'], isAuthor: false }, '', ['element'])).toEqual({ ok: false, message: '试题待归类（未绑定鉴定点），不能提交审核：请先绑定鉴定点' });
    expect(checkTransition('草稿', '待审', { roles: ['author'], isAuthor: true }, '', [])).toMatchObject({ ok: true });
    expect(isEligibleForPapers('入库', gaps)).toBe(false);
    expect(isEligibleForPapers('入库')).toBe(true);
  });

  it('are never assembled: no 鉴定点 or no difficulty band is not eligible', () => {
    expect(isAssemblable(testItem(1))).toBe(true);
    expect(isAssemblable(testItem(2, { point: '' }))).toBe(false);
    expect(isAssemblable(testItem(3, { band: 0 }))).toBe(false);
    const problem = testProblem({ items: [testItem(1), testItem(2, { point: '' }), testItem(3, { band: 0 })], cells: [{ node: 'A', type: 'singleChoice', counts: [1, 1] }] });
    expect(eligibility(problem).eligible.map((e) => e.item.id)).toEqual([1]);
  });

  it('are reported by the item lint as 待归类, one finding per missing value', () => {
    const findings = lintTheoryItem(unbound, { elementCodes: new Set(['A-B-A-001']) }).filter((f) => f.rule === 'unbound');
    expect(findings.map((f) => [f.field, f.message])).toEqual([
      ['鉴定点代码', '试题待归类：尚未绑定鉴定点，绑定后才能提交审核'],
      ['难度', '试题待归类：尚未给出难度（1～5），给出后才能提交审核'],
    ]);
    expect(lintTheoryItem(bound, { elementCodes: new Set(['A-B-A-001']) }).filter((f) => f.rule === 'unbound')).toEqual([]);
  });

  it('are left out of the bank lint (no 鉴定点 outside the 细目表, no difficulty 1 they do not have)', () => {
    const table = theoryElementTableSchema.parse(sampleElementTable());
    const items = sampleTheoryItems().map((i) => theoryItemSchema.parse(i));
    const plain = lintBank({ items, table });
    const withDrafts = lintBank({ items: [...items, { ...unbound, state: '草稿' }, { ...unbound, element: 'A-B-A-001', state: '草稿' }], table });
    expect(withDrafts.findings).toEqual(plain.findings);
    expect(withDrafts.difficulty).toEqual(plain.difficulty);
  });
});

