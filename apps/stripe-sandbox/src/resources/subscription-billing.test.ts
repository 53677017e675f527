import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInterval, prorate } from './subscription-billing';

const at = (iso: string): number => Date.parse(iso) / 1000;

describe('addInterval', () => {
  it('clamps to the end of shorter months', () => {
    expect(addInterval(at('2026-01-31T10:00:00Z'), 'month', 1)).toBe(at('2026-02-28T10:00:00Z'));
    expect(addInterval(at('2028-01-31T10:00:00Z'), 'month', 1)).toBe(at('2028-02-29T10:00:00Z'));
    expect(addInterval(at('2026-03-15T00:00:00Z'), 'year', 1)).toBe(at('2027-03-15T00:00:00Z'));
    expect(addInterval(at('2026-03-15T00:00:00Z'), 'week', 2)).toBe(at('2026-03-29T00:00:00Z'));
  });
});

describe('prorate', () => {
  it('rounds half up to the minor unit', () => {
    expect(prorate(1000, 1, 2)).toBe(500);
    expect(prorate(1001, 1, 2)).toBe(501);
    expect(prorate(-1001, 1, 2)).toBe(-501);
    expect(prorate(1000, 0, 30)).toBe(0);
  });

  it('never exceeds the full amount and is monotone in time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 31 * 86400 }),
        fc.integer({ min: 0, max: 31 * 86400 }),
        (amount, period, remaining) => {
          const share = prorate(amount, remaining, period);
          expect(Number.isInteger(share)).toBe(true);
          expect(share).toBeLessThanOrEqual(amount);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(prorate(amount, Math.min(remaining + 1, period), period)).toBeGreaterThanOrEqual(
            share,
          );
        },
      ),
    );
  });
});
