import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divide, multiplyRatio, ROUNDING_MODES, type RoundingMode } from './rounding';

/**
 * A reference written from the definitions, not from divide's sign tricks: find the floor k with
 * k·d ≤ n < (k+1)·d by search, then pick k or k+1 by what each mode means.
 */
function reference(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d < 0n) return reference(-n, -d, mode);
  let k = n / d;
  while (k * d > n) k -= 1n;
  while ((k + 1n) * d <= n) k += 1n;
  if (k * d === n) return k;
  const floor = k;
  const ceiling = k + 1n;
  const towardZero = n > 0n ? floor : ceiling;
  const awayFromZero = n > 0n ? ceiling : floor;
  // Compare n/d with the midpoint (2k+1)/2 without dividing.
  const twice = 2n * n;
  const mid = (2n * k + 1n) * d;
  switch (mode) {
    case 'floor':
      return floor;
    case 'ceiling':
      return ceiling;
    case 'down':
      return towardZero;
    case 'up':
      return awayFromZero;
    case 'half-up':
      if (twice !== mid) return twice < mid ? floor : ceiling;
      return awayFromZero;
    case 'half-even':
      if (twice !== mid) return twice < mid ? floor : ceiling;
      return floor % 2n === 0n ? floor : ceiling;
  }
}

const mode = fc.constantFrom(...ROUNDING_MODES);
const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const divisor = fc
  .oneof(
    fc.bigInt({ min: -20n, max: 20n }), // small divisors hit ties and exact quotients often
    big,
  )
  .filter((d) => d !== 0n);

describe('divide', () => {
  it('rounds known values in every mode, negatives included', () => {
    // value: [half-up, half-even, down, up, floor, ceiling]
    const table: [bigint, bigint, bigint[]][] = [
      [5n, 2n, [3n, 2n, 2n, 3n, 2n, 3n]], // 2.5
      [7n, 2n, [4n, 4n, 3n, 4n, 3n, 4n]], // 3.5
      [-5n, 2n, [-3n, -2n, -2n, -3n, -3n, -2n]], // −2.5
      [5n, -2n, [-3n, -2n, -2n, -3n, -3n, -2n]], // −2.5, sign on the divisor
      [-7n, -2n, [4n, 4n, 3n, 4n, 3n, 4n]], // 3.5
      [11n, 10n, [1n, 1n, 1n, 2n, 1n, 2n]], // 1.1
      [-19n, 10n, [-2n, -2n, -1n, -2n, -2n, -1n]], // −1.9
      [1n, 3n, [0n, 0n, 0n, 1n, 0n, 1n]], // 0.333…
      [-1n, 3n, [0n, 0n, 0n, -1n, -1n, 0n]], // −0.333…
      [6n, 3n, [2n, 2n, 2n, 2n, 2n, 2n]], // exact
      [0n, 7n, [0n, 0n, 0n, 0n, 0n, 0n]],
    ];
    for (const [n, d, expected] of table) {
      expect(ROUNDING_MODES.map((m) => divide(n, d, m))).toEqual(expected);
    }
  });

  it('agrees with the reference on random n/d of any sign', () => {
    fc.assert(
      fc.property(big, divisor, mode, (n, d, m) => {
        expect(divide(n, d, m)).toBe(reference(n, d, m));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the reference on ties (odd multiples of half a divisor)', () => {
    const tie = fc
      .tuple(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
      )
      .map(([k, h]) => [(2n * k + 1n) * h, 2n * h] as const); // n/d = k + 1/2
    fc.assert(
      fc.property(tie, mode, ([n, d], m) => {
        expect(divide(n, d, m)).toBe(reference(n, d, m));
      }),
    );
  });

  it('stays within one of the exact quotient, between floor and ceiling', () => {
    fc.assert(
      fc.property(big, divisor, mode, (n, d, m) => {
        const q = divide(n, d, m);
        const error = q * d - n; // |q − n/d| · |d|
        expect(error < 0n ? -error : error).toBeLessThan(d < 0n ? -d : d);
        expect(q).toBeGreaterThanOrEqual(divide(n, d, 'floor'));
        expect(q).toBeLessThanOrEqual(divide(n, d, 'ceiling'));
      }),
    );
  });

  it('refuses a zero divisor', () => {
    expect(() => divide(1n, 0n, 'half-up')).toThrow(RangeError);
  });

  it('multiplyRatio rounds the exact product once', () => {
    // 1999 × 250 / 10 000 = 49.975: rounding 1999 × 0.025 as a double first would be the same here,
    // but beyond 2^53 only the exact product is right.
    expect(multiplyRatio(1_999n, 250n, 10_000n, 'half-up')).toBe(50n);
    expect(multiplyRatio(1_999n, 250n, 10_000n, 'down')).toBe(49n);
    expect(multiplyRatio(9_007_199_254_740_993n, 500n, 10_000n, 'half-up')).toBe(
      450_359_962_737_050n,
    );
    fc.assert(
      fc.property(big, big, divisor, mode, (v, num, den, m) => {
        expect(multiplyRatio(v, num, den, m)).toBe(reference(v * num, den, m));
      }),
    );
  });
});
