import { describe, expect, it } from 'vitest';
import { dayNames } from '../src/charging/driver/price';
import { formatDistance, formatDuration, formatKwh, formatUnitPrice } from '../src/lib/format';

/** What a driver reads: unit prices in 1/1000 of a minor unit, energy, distance, time, days. */
const local = (amount: number, currency: string, digits: [number, number]) =>
  new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits[0],
    maximumFractionDigits: digits[1],
  }).format(amount);

describe('formatUnitPrice', () => {
  it('shows the currency digits, and up to three more when the price has them', () => {
    expect(formatUnitPrice(39_000, 'eur')).toBe(local(0.39, 'EUR', [2, 5]));
    expect(formatUnitPrice(39_500, 'EUR')).toBe(local(0.395, 'EUR', [2, 5]));
    expect(formatUnitPrice(32_490, 'EUR')).toBe(local(0.3249, 'EUR', [2, 5]));
    expect(formatUnitPrice(1, 'EUR')).toBe(local(0.00001, 'EUR', [2, 5]));
    expect(formatUnitPrice(2_500n, 'JPY')).toBe(local(2.5, 'JPY', [0, 3]));
    expect(formatUnitPrice('0', 'USD')).toBe(local(0, 'USD', [2, 5]));
  });

  it('is exact beyond a float', () => {
    expect(formatUnitPrice('900719925474099312345', 'USD').replace(/\D/g, '')).toBe(
      '900719925474099312345',
    );
  });
});

describe('energy, distance, duration, days', () => {
  it('words them for a driver', () => {
    expect(formatKwh(12_345)).toMatch(/^12[.,]35 kWh$/);
    expect(formatKwh(0)).toMatch(/^0[.,]00 kWh$/);
    expect(formatDistance(420.4)).toBe('420 m');
    expect(formatDistance(2_718)).toMatch(/^2[.,]7 km$/);
    expect(formatDistance(255_700)).toBe('256 km');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(729)).toBe('12 min 09 s');
    expect(formatDuration(3_900)).toBe('1 h 05 min');
    expect(dayNames([1, 2, 3, 4, 5])).toBe('Mon–Fri');
    expect(dayNames([7, 6])).toBe('Sat, Sun');
    expect(dayNames([1, 2, 3, 4, 5, 6, 7])).toBe('Every day');
    expect(dayNames([1, 3])).toBe('Mon, Wed');
  });
});
