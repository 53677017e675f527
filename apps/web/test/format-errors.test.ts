import { describe, expect, it } from 'vitest';
import { ApiError, describeError, NetworkError, type ErrorBody } from '../src/api/errors';
import { currencyExponent, formatMoney, parseMoney } from '../src/lib/format';

/** The two helpers every page uses for what a person reads: amounts and failures. */
const err = (status: number, body?: Partial<ErrorBody>, retryAfter?: number) =>
  new ApiError(status, body && { type: 'api_error', code: 'x', message: '', ...body }, retryAfter);
const local = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);

describe('formatMoney', () => {
  it("uses the currency's minor-unit exponent", () => {
    expect([currencyExponent('JPY'), currencyExponent('eur'), currencyExponent('KWD')]).toEqual([
      0, 2, 3,
    ]);
    expect(formatMoney('1999', 'EUR')).toBe(local(19.99, 'EUR'));
    expect(formatMoney(1999n, 'JPY')).toBe(local(1999, 'JPY'));
    expect(formatMoney('1234', 'KWD')).toBe(local(1.234, 'KWD'));
    expect(formatMoney('5', 'USD')).toBe(local(0.05, 'USD'));
    expect(formatMoney('-250', 'USD')).toBe(local(-2.5, 'USD'));
  });

  it('is exact beyond a float (no division through a number)', () => {
    expect(formatMoney('900719925474099312', 'USD').replace(/\D/g, '')).toBe('900719925474099312');
  });

  it('parses what a person typed into minor units, refusing more decimals than the currency has', () => {
    expect(parseMoney('12.5', 'USD')).toBe(1250n);
    expect(parseMoney('12,50', 'EUR')).toBe(1250n);
    expect(parseMoney('500', 'JPY')).toBe(500n);
    expect(parseMoney('1.5', 'JPY')).toBeUndefined();
    expect(parseMoney('1.234', 'KWD')).toBe(1234n);
    expect(parseMoney('abc', 'USD')).toBeUndefined();
  });
});

describe('describeError', () => {
  it('words each common failure as a sentence, never JSON', () => {
    const cases: [unknown, RegExp][] = [
      [
        err(400, { param: 'items.0.quantity', message: 'must be at least 1' }),
        /^Items 0 quantity: must be at least 1\.$/,
      ],
      [err(404, { message: 'order not found' }), /not found/],
      [err(403, { message: 'forbidden' }), /not allowed/],
      [err(409, { message: 'the product is out of stock' }), /^The product is out of stock\.$/],
      [err(429, { message: 'slow down' }, 30), /try again in 30 seconds/i],
      [err(402, { decline_code: 'insufficient_funds' }), /insufficient funds/],
      [err(402, { message: 'your card was declined' }), /^Your card was declined\.$/],
      [err(503), /try again in a moment/i],
      [new NetworkError(new TypeError('fetch failed')), /cannot be reached/],
      [new Error('boom'), /reload/i],
    ];
    for (const [e, words] of cases) {
      const s = describeError(e);
      expect(s).toMatch(words);
      expect(s).not.toMatch(/[{}]/);
    }
  });
});
