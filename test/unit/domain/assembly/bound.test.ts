import { describe, expect, it } from 'vitest';
import { RELATIVE_FLOAT_NOISE, sumMagnitude, withinTolerance } from '../../../../app/domain/assembly/bound.js';

describe('withinTolerance', () => {
  it('reads a deviation equal to the bound up to 1e-14 as within a tolerance of 0', () => {
    expect(withinTolerance(0.000045445 + 1e-14, 0.000045445, 0)).toBe(true);
    expect(withinTolerance(0.000045445 + 1e-14, 0.000045445, 0, 110.5)).toBe(true);
    expect(withinTolerance(0.000045445, 0.000045445 + 1e-14, 0)).toBe(true);
    // The float sums of a real set: Σp of 170 3-decimal values against a target off the grid.
    const ps = Array.from({ length: 170 }, (_, k) => (250 + ((k * 37) % 700)) / 1000);
    const sum = ps.reduce((a, p) => a + p, 0);
    const target = sum + 0.0003;
    const bound = 0.0003;
    expect(withinTolerance(Math.abs(sum - target), bound, 0, target)).toBe(true);
  });

  it('keeps a real miss a miss: one grid step, or anything above the tolerance', () => {
    expect(withinTolerance(0.0013, 0.0003, 0, 110)).toBe(false);
    expect(withinTolerance(0.0003 + 1e-6, 0.0003, 0, 110)).toBe(false);
    expect(withinTolerance(0.0008, 0.0003, 0.0005, 110)).toBe(true);
    expect(withinTolerance(0.0009, 0.0003, 0.0005, 110)).toBe(false);
    expect(withinTolerance(Number.NaN, 0, 0)).toBe(false);
  });

  it('scales the allowance with the magnitudes involved', () => {
    const noise = 5 * RELATIVE_FLOAT_NOISE;
    expect(withinTolerance(noise, 0, 0, 1)).toBe(false);
    expect(withinTolerance(noise, 0, 0, 10)).toBe(true);
    expect(sumMagnitude({ target: [12.5, -130, 7] })).toBe(130);
    expect(sumMagnitude({ target: [] })).toBe(0);
  });
});
