import { currencyExponent } from '../../lib/format';

/**
 * The tariff's numbers as a person types and reads them, and as the API takes them — never through
 * a float. Unit prices (per kWh, per minute) are in 1/1000 of a minor unit (€0.3249/kWh = 32490),
 * fees and the hold in minor units, the tax rate in basis points (19 % = 1900).
 */

/** The API's bound on every price and amount (platform/money's MAX_AMOUNT). */
export const MAX_PRICE = 99_999_999n;

/** Digits after the point of a unit price: the currency's own plus three (EUR: 5). */
export const unitPricePlaces = (currency: string) => currencyExponent(currency) + 3;

/**
 * "0.3249" or "0,3249" with at most `places` decimals → the integer it means at that scale
 * (places 5: 32490n); undefined if it is not such a number.
 */
export function parseDecimal(text: string, places: number): bigint | undefined {
  const m = /^\s*(\d{1,12})(?:[.,](\d*))?\s*$/.exec(text);
  if (!m) return undefined;
  const frac = m[2] ?? '';
  if (frac.length > places) return undefined;
  return BigInt(m[1]! + frac.padEnd(places, '0'));
}

/**
 * The integer at that scale as a decimal string, exactly, without trailing zeros past `keep`
 * decimals (32490n, places 5, keep 2 → "0.3249"; 1000n, 5, 2 → "0.01").
 */
export function formatDecimal(value: number | bigint, places: number, keep = 0): string {
  const n = BigInt(value);
  const digits = (n < 0n ? -n : n).toString().padStart(places + 1, '0');
  const whole = places ? digits.slice(0, -places) : digits;
  let frac = places ? digits.slice(-places) : '';
  while (frac.length > keep && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${n < 0n ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** A unit price the operator typed → the API's integer, or undefined (not a price, or too big). */
export function parseUnitPrice(text: string, currency: string): bigint | undefined {
  const v = parseDecimal(text, unitPricePlaces(currency));
  return v !== undefined && v <= MAX_PRICE ? v : undefined;
}

/** The API's unit price as the operator would type it back ("0.3249"). */
export const unitPriceText = (value: number, currency: string) =>
  formatDecimal(value, unitPricePlaces(currency), currencyExponent(currency));

/** A unit price in the user's locale with its currency: "€0.3249". Exact (Intl takes strings). */
export function formatUnitPrice(value: number, currency: string): string {
  const exp = currencyExponent(currency);
  const places = unitPricePlaces(currency);
  const format = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: exp,
    maximumFractionDigits: places,
  });
  // Intl formats decimal strings exactly (ES2023); the cast is for older lib typings.
  return format.format(formatDecimal(value, places, exp) as unknown as number);
}

/** "19" or "7.5" (percent, two decimals at most, 0–100) → basis points (1900, 750). */
export function parseTaxRate(text: string): number | undefined {
  const v = parseDecimal(text, 2);
  return v !== undefined && v <= 10_000n ? Number(v) : undefined;
}

/** Basis points as a percentage the operator would type back: 1900 → "19", 750 → "7.5". */
export const taxRateText = (basisPoints: number) => formatDecimal(basisPoints, 2);
