import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocation';

const total = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
const weights = fc
  .array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 12 })
  .filter((ws) => ws.some((w) => w > 0n));
const sumOf = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe('allocate', () => {
  it('splits known totals by largest remainder, ties to the earlier part', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(1n, [1n, 1n])).toEqual([1n, 0n]);
    expect(allocate(5n, [3n, 7n])).toEqual([2n, 3n]); // 1.5 and 3.5: a tie, the first wins
    expect(allocate(5n, [7n, 3n])).toEqual([4n, 1n]);
    expect(allocate(10n, [1n, 2n, 3n])).toEqual([2n, 3n, 5n]); // 1.67, 3.33, 5
    expect(allocate(7n, [0n, 1n, 0n])).toEqual([0n, 7n, 0n]);
    expect(allocate(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(allocate(0n, [2n, 3n])).toEqual([0n, 0n]);
  });

  it('parts always sum to the total and each is within one unit of its exact share', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = allocate(t, ws);
        const w = sumOf(ws);
        expect(parts).toHaveLength(ws.length);
        expect(sumOf(parts)).toBe(t);
        parts.forEach((p, i) => {
          const error = p * w - t * ws[i]!; // (part − exact share) · Σw
          expect(error < 0n ? -error : error).toBeLessThan(w);
          if (ws[i] === 0n) expect(p).toBe(0n);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('gives the extra units to the largest fractions', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), weights, (t, ws) => {
        const w = sumOf(ws);
        const parts = allocate(t, ws);
        const fraction = (i: number) => (t * ws[i]!) % w;
        const rounded = ws.map((wi, i) => parts[i]! > (t * wi) / w);
        ws.forEach((_, i) => {
          ws.forEach((_, j) => {
            if (rounded[i] && !rounded[j]) expect(fraction(i)).toBeGreaterThanOrEqual(fraction(j));
          });
        });
      }),
    );
  });

  it('is deterministic and mirrors a negative total', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        expect(allocate(t, ws)).toEqual(allocate(t, [...ws]));
        expect(allocate(-t, ws)).toEqual(allocate(t, ws).map((p) => -p));
      }),
    );
  });

  it('refuses weights that cannot share anything', () => {
    expect(() => allocate(10n, [])).toThrow(RangeError);
    expect(() => allocate(10n, [0n, 0n])).toThrow(RangeError);
    expect(() => allocate(10n, [3n, -1n])).toThrow(RangeError);
  });
});
