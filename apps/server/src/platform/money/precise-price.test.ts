import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from './money';
import { PrecisePrice } from './precise-price';
import { ROUNDING_MODES, type RoundingMode } from './rounding';

const mode = fc.constantFrom(...ROUNDING_MODES);
const price = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.constantFrom(1n, 10n, 1000n, 10_000n))
  .map(([amount, scale]) => PrecisePrice.of(amount, 'eur', scale));
const quantity = fc.bigInt({ min: 0n, max: 10n ** 9n });
const quantityScale = fc.constantFrom(1n, 1000n, 3600n);

/** Does `cost` (minor units) round the exact value `num / den` (both positive) as `m` says? */
function roundsOnce(cost: bigint, num: bigint, den: bigint, m: RoundingMode): boolean {
  const low = cost * den <= num; // cost ≤ exact
  const high = num <= cost * den; // exact ≤ cost
  const within = num - den < cost * den && cost * den < num + den; // |cost − exact| < 1
  const twiceError = 2n * (cost * den - num); // 2 · (cost − exact) · den
  switch (m) {
    case 'down':
    case 'floor':
      return low && within;
    case 'up':
    case 'ceiling':
      return high && within;
    case 'half-up':
      // nearest; a tie (error exactly −½) goes up
      return -den < twiceError && twiceError <= den;
    case 'half-even':
      if (twiceError === den || twiceError === -den) return cost % 2n === 0n;
      return -den < twiceError && twiceError < den;
  }
}

describe('PrecisePrice', () => {
  it('prices metered energy with one rounding at the end', () => {
    // €0.3249/kWh = 32.49 ¢ = 32 490 thousandths of a cent; 12 345 Wh = 12.345 kWh → 401.08905 ¢.
    const tariff = PrecisePrice.of(32_490n, 'EUR');
    expect(tariff.costFor(12_345n, 1000n, 'half-up')).toEqual(Money.of(401n, 'eur'));
    expect(tariff.costFor(12_345n, 1000n, 'ceiling')).toEqual(Money.of(402n, 'eur'));
    // Rounding the price to whole cents first (32 ¢) would bill 395 ¢: the error times every kWh.
    expect(Money.of(32n, 'eur').times(12_345n).multiplyRatio(1n, 1000n, 'half-up').minor).toBe(
      395n,
    );
    expect(tariff.costFor(0n, 1000n, 'ceiling').isZero()).toBe(true);
    // A whole-cent price converted keeps its value: 35 ¢/kWh × 2 kWh = 70 ¢.
    const whole = PrecisePrice.fromMoney(Money.of(35n, 'eur'));
    expect(whole.amount).toBe(35_000n);
    expect(whole.costFor(2_000n, 1000n, 'half-even')).toEqual(Money.of(70n, 'eur'));
    // Yen have no decimals, but a tariff can: ¥31.5/kWh × 3 kWh = ¥94.5 → ¥94 (half-even).
    expect(PrecisePrice.of(31_500n, 'jpy').costFor(3n, 1n, 'half-even')).toEqual(
      Money.of(94n, 'jpy'),
    );
  });

  it('equals one rounding of the exact price × quantity', () => {
    fc.assert(
      fc.property(price, quantity, quantityScale, mode, (p, q, qs, m) => {
        const cost = p.costFor(q, qs, m);
        expect(cost.currency).toBe('eur');
        expect(roundsOnce(cost.minor, p.amount * q, p.scale * qs, m)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never costs less for more', () => {
    fc.assert(
      fc.property(price, quantity, quantity, quantityScale, mode, (p, a, b, qs, m) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(p.costFor(less, qs, m).compare(p.costFor(more, qs, m))).toBeLessThanOrEqual(0);
        expect(p.costFor(more + 1n, qs, m).compare(p.costFor(more, qs, m))).toBeGreaterThanOrEqual(
          0,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses negative quantities, non-positive scales and non-bigint prices', () => {
    const p = PrecisePrice.of(1_000n, 'usd');
    expect(() => p.costFor(-1n, 1n, 'half-up')).toThrow(RangeError);
    expect(() => p.costFor(1n, 0n, 'half-up')).toThrow(RangeError);
    expect(() => PrecisePrice.of(1n, 'usd', 0n)).toThrow(RangeError);
    expect(() => PrecisePrice.of(1.5 as unknown as bigint, 'usd')).toThrow(TypeError);
    expect(() => PrecisePrice.of(1n, 'dollars')).toThrow();
    expect(Object.isFrozen(p)).toBe(true);
  });
});
