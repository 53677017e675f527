import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatUnitPrice,
  parseDecimal,
  parseTaxRate,
  parseUnitPrice,
  taxRateText,
  unitPriceText,
} from './prices';

describe('tariff numbers', () => {
  it('parses a unit price into 1/1000 of a minor unit, exactly', () => {
    expect(parseUnitPrice('0.3249', 'eur')).toBe(32_490n);
    expect(parseUnitPrice('0,3249', 'eur')).toBe(32_490n);
    expect(parseUnitPrice('0.00001', 'eur')).toBe(1n);
    // 0.1 + 0.2 in floats is 0.30000000000000004: none of that here.
    expect(parseUnitPrice('0.3', 'usd')).toBe(30_000n);
    expect(parseUnitPrice('12', 'jpy')).toBe(12_000n);
    expect(parseUnitPrice('999.99999', 'eur')).toBe(99_999_999n);
  });

  it('refuses what is not a unit price', () => {
    for (const bad of ['', 'abc', '-1', '0.000001', '1e3', '1.2.3', '1000'])
      expect(parseUnitPrice(bad, 'eur'), bad).toBeUndefined();
    expect(parseUnitPrice('0.0001', 'jpy')).toBeUndefined(); // JPY: three decimals at most
  });

  it('writes a unit price back as typed, and formatted', () => {
    expect(unitPriceText(32_490, 'eur')).toBe('0.3249');
    expect(unitPriceText(30_000, 'eur')).toBe('0.30');
    expect(unitPriceText(0, 'eur')).toBe('0.00');
    expect(unitPriceText(12_345, 'jpy')).toBe('12.345');
    expect(formatUnitPrice(32_490, 'eur')).toMatch(/0[.,]3249/);
    expect(formatUnitPrice(30_000, 'usd')).toMatch(/0[.,]30\b/);
  });

  it('round-trips every scale without a float', () => {
    for (const v of [0n, 1n, 9n, 10n, 99_999_999n, 12_345_678n])
      expect(parseDecimal(formatDecimal(v, 5), 5)).toBe(v);
  });

  it('takes a tax rate in percent, into basis points', () => {
    expect(parseTaxRate('19')).toBe(1900);
    expect(parseTaxRate('7,5')).toBe(750);
    expect(parseTaxRate('100')).toBe(10_000);
    expect(parseTaxRate('100.01')).toBeUndefined();
    expect(parseTaxRate('7.555')).toBeUndefined();
    expect(taxRateText(1900)).toBe('19');
    expect(taxRateText(750)).toBe('7.5');
  });
});
