/** The packed item catalogue: what is packed unpacks unchanged, by ascending id, and is much smaller. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_STATES } from '../../../app/domain/bank.js';
import { ITEM_TYPES } from '../../../app/domain/item.js';
import { kindOfType, packCatalogue, unpackCatalogue } from '../../../app/domain/item-catalogue.js';

const row = fc.record({
  id: fc.integer({ min: 1, max: 2 ** 40 }),
  type: fc.constantFrom(...ITEM_TYPES),
  binding: fc.oneof(fc.constantFrom('', 'A', 'B-A-C-001'), fc.string({ maxLength: 20 })),
  state: fc.constantFrom(...ITEM_STATES),
  version: fc.integer({ min: 1, max: 100_000 }),
  difficulty: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});

describe('packed item catalogue', () => {
  it('unpacks to the rows packed, by ascending id, with the kind of each 题型', () => {
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 200 }), (rows) => {
        const back = unpackCatalogue(packCatalogue(rows));
        const expected = [...rows].sort((a, b) => a.id - b.id).map((r) => ({ ...r, kind: kindOfType(r.type) }));
        expect(back).toEqual(expected);
      }),
    );
  });

  it('is about a tenth of the JSON of the rows for a realistic bank', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      id: i + 1,
      kind: 'theory' as const,
      type: ITEM_TYPES[i % 3]!,
      binding: `A-${String.fromCharCode(65 + (i % 7))}-C-${String(i % 40).padStart(3, '0')}`,
      state: '入库' as const,
      version: 1,
      difficulty: (i % 5) + 1,
    }));
    const packed = JSON.stringify(packCatalogue(rows)).length;
    expect(packed * 8).toBeLessThan(JSON.stringify(rows).length);
  });

  it('refuses a malformed catalogue', () => {
    const good = packCatalogue([{ id: 3, type: 'singleChoice', binding: 'A', state: '草稿', version: 1, difficulty: null }]);
    expect(unpackCatalogue(good)).toHaveLength(1);
    expect(() => unpackCatalogue({ ...good, count: 2 })).toThrow(/2 expected/);
    expect(() => unpackCatalogue({ ...good, rows: '3,1,9,0,0,0' })).toThrow(/row 1/);
    expect(() => unpackCatalogue({ ...good, bindings: [] })).toThrow(/row 1/);
    expect(unpackCatalogue({ count: 0, bindings: [], rows: '' })).toEqual([]);
  });
});
