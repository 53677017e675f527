import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from './money';
import { divide, ROUNDING_MODES } from './rounding';

const minor = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
const currency = fc.constantFrom('usd', 'eur', 'jpy', 'kwd');
const money = (c: string) => minor.map((m) => Money.of(m, c));
const two = currency.chain((c) => fc.tuple(money(c), money(c)));
const three = currency.chain((c) => fc.tuple(money(c), money(c), money(c)));

describe('Money', () => {
  it('adds commutatively and associatively, with zero as identity', () => {
    fc.assert(
      fc.property(three, ([a, b, c]) => {
        expect(a.plus(b).equals(b.plus(a))).toBe(true);
        expect(
          a
            .plus(b)
            .plus(c)
            .equals(a.plus(b.plus(c))),
        ).toBe(true);
        expect(a.plus(Money.zero(a.currency)).equals(a)).toBe(true);
      }),
    );
  });

  it('subtracts as adding the negation, and a − a is zero', () => {
    fc.assert(
      fc.property(two, ([a, b]) => {
        expect(a.minus(b).equals(a.plus(b.negate()))).toBe(true);
        expect(a.minus(a).isZero()).toBe(true);
        expect(a.negate().negate().equals(a)).toBe(true);
      }),
    );
  });

  it('multiplies by integers distributively', () => {
    fc.assert(
      fc.property(two, minor, ([a, b], k) => {
        expect(
          a
            .plus(b)
            .times(k)
            .equals(a.times(k).plus(b.times(k))),
        ).toBe(true);
        expect(a.times(k).minor).toBe(a.minor * k);
      }),
    );
  });

  it('compares as an order consistent with minus', () => {
    fc.assert(
      fc.property(two, ([a, b]) => {
        expect(a.compare(b)).toBe(-b.compare(a) || 0);
        const d = a.minus(b);
        expect(a.compare(b)).toBe(d.isZero() ? 0 : d.isNegative() ? -1 : 1);
        expect(d.isPositive()).toBe(a.compare(b) === 1);
      }),
    );
  });

  it('throws on any operation across currencies', () => {
    const pair = fc
      .tuple(currency, currency)
      .filter(([x, y]) => x !== y)
      .chain(([x, y]) => fc.tuple(money(x), money(y)));
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(() => a.plus(b)).toThrow(/currency mismatch/);
        expect(() => a.minus(b)).toThrow(/currency mismatch/);
        expect(() => a.compare(b)).toThrow(/currency mismatch/);
        expect(() => Money.sum(a.currency, [a, b])).toThrow(/currency mismatch/);
        expect(a.equals(Money.of(a.minor, b.currency))).toBe(false);
      }),
    );
  });

  it('rounds a ratio once, by the mode given', () => {
    fc.assert(
      fc.property(
        money('eur'),
        minor,
        minor.filter((d) => d !== 0n),
        fc.constantFrom(...ROUNDING_MODES),
        (a, n, d, m) => {
          const r = a.multiplyRatio(n, d, m);
          expect(r.currency).toBe('eur');
          expect(r.minor).toBe(divide(a.minor * n, d, m));
        },
      ),
    );
    expect(Money.of(1_999n, 'usd').multiplyRatio(250n, 10_000n, 'half-up').minor).toBe(50n);
    expect(Money.of(1_999n, 'usd').multiplyRatio(250n, 10_000n, 'floor').minor).toBe(49n);
  });

  it('allocates into parts of its currency that sum to it', () => {
    const parts = Money.of(1_000n, 'eur').allocate([1n, 1n, 1n]);
    expect(parts.map((p) => p.minor)).toEqual([334n, 333n, 333n]);
    expect(parts.every((p) => p.currency === 'eur')).toBe(true);
    expect(Money.sum('eur', parts).equals(Money.of(1_000n, 'eur'))).toBe(true);
  });

  it('normalises the currency, refuses bad codes and non-bigint amounts, and is immutable', () => {
    expect(Money.of(5n, 'USD').currency).toBe('usd');
    expect(Money.of(5n, 'USD').equals(Money.of(5n, 'usd'))).toBe(true);
    for (const bad of ['us', 'usdd', 'u$d', '', 'ümd']) expect(() => Money.of(1n, bad)).toThrow();
    expect(() => Money.of(20 as unknown as bigint, 'usd')).toThrow(TypeError);
    const m = Money.of(2_000n, 'usd');
    expect(Object.isFrozen(m)).toBe(true);
    expect(() => {
      (m as unknown as { minor: bigint }).minor = 1n;
    }).toThrow(TypeError);
    expect(m.minor).toBe(2_000n);
    expect(Money.sum('jpy', []).equals(Money.zero('jpy'))).toBe(true);
  });

  it('prints in the currency’s precision', () => {
    expect(Money.of(2_000n, 'usd').toString()).toBe('20.00 usd');
    expect(Money.of(2_000n, 'jpy').toString()).toBe('2000 jpy');
    expect(Money.of(-1_234n, 'kwd').toString()).toBe('-1.234 kwd');
  });
});
