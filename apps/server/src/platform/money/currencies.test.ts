import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CurrencySchema, minorUnitExponent } from './currencies';
import { formatMinor, toJsonNumber } from './format';

describe('currency exponents', () => {
  it('knows ISO 4217’s zero-, three- and four-decimal currencies; 2 for the rest', () => {
    for (const c of ['jpy', 'krw', 'vnd', 'clp', 'isk', 'ugx', 'xaf', 'xof', 'xpf', 'bif', 'pyg']) {
      expect(minorUnitExponent(c), c).toBe(0);
    }
    for (const c of ['bhd', 'jod', 'kwd', 'omr', 'tnd', 'iqd', 'lyd']) {
      expect(minorUnitExponent(c), c).toBe(3);
    }
    expect(minorUnitExponent('clf')).toBe(4);
    for (const c of ['usd', 'eur', 'gbp', 'chf', 'inr', 'mga', 'huf']) {
      expect(minorUnitExponent(c), c).toBe(2);
    }
    expect(minorUnitExponent('JPY')).toBe(0);
  });
});

describe('CurrencySchema', () => {
  it('takes three letters in any case and answers them lower-case', () => {
    expect(CurrencySchema.parse('EUR')).toBe('eur');
    expect(CurrencySchema.parse('usd')).toBe('usd');
    expect(CurrencySchema.parse('JpY')).toBe('jpy');
  });

  it('refuses anything else with the message clients already see', () => {
    for (const bad of ['us', 'usdd', 'u5d', ' usd', 'ümd', '']) {
      const r = CurrencySchema.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('must be an ISO 4217 code');
    }
    expect(CurrencySchema.safeParse(840).success).toBe(false);
  });
});

describe('formatMinor', () => {
  it('writes minor units in the currency’s precision', () => {
    expect(formatMinor(2_000n, 'usd')).toBe('20.00');
    expect(formatMinor(2_000n, 'jpy')).toBe('2000');
    expect(formatMinor(1_234n, 'kwd')).toBe('1.234');
    expect(formatMinor(5n, 'eur')).toBe('0.05');
    expect(formatMinor(-5n, 'eur')).toBe('-0.05');
    expect(formatMinor(0n, 'bhd')).toBe('0.000');
    expect(formatMinor(-7n, 'jpy')).toBe('-7');
    expect(formatMinor(123_456_789_012_345_678_901n, 'usd')).toBe('1234567890123456789.01');
  });

  it('round-trips: the digits are the amount, with exactly the exponent’s decimals', () => {
    const c = fc.constantFrom('usd', 'jpy', 'kwd', 'clf', 'xof');
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), c, (amount, cur) => {
        const s = formatMinor(amount, cur);
        expect(s).toMatch(/^-?\d+(\.\d+)?$/);
        expect(BigInt(s.replace('.', ''))).toBe(amount);
        const decimals = s.includes('.') ? s.split('.')[1]!.length : 0;
        expect(decimals).toBe(minorUnitExponent(cur));
        expect(s.split('.')[0]!.replace('-', '')).toMatch(/^(0|[1-9]\d*)$/);
      }),
    );
  });
});

describe('toJsonNumber', () => {
  it('passes every amount a double holds exactly and refuses the rest', () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    expect(toJsonNumber(2_000n)).toBe(2000);
    expect(toJsonNumber(-max)).toBe(-Number.MAX_SAFE_INTEGER);
    expect(toJsonNumber(max)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toJsonNumber(max + 1n)).toThrow(/JSON-safe/);
    expect(() => toJsonNumber(-max - 1n)).toThrow(/JSON-safe/);
  });
});
