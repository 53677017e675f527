import { minorUnitExponent } from './currencies';

/**
 * Minor units as a plain decimal string in the currency's own precision: 2000 usd → "20.00",
 * 2000 jpy → "2000", 1234 kwd → "1.234", −5 eur → "-0.05". No symbol, no grouping, no locale: for
 * logs, descriptions and documents that must show the exact amount, not for display formatting.
 */
export function formatMinor(amount: bigint, currency: string): string {
  const exponent = minorUnitExponent(currency);
  const sign = amount < 0n ? '-' : '';
  const digits = (amount < 0n ? -amount : amount).toString();
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Amounts leave the API as JSON integers in minor units (as Stripe does); they are bigint inside.
 * A value a double cannot hold exactly would be answered as a different amount, so it throws
 * instead (an internal error: inputs are bounded by MAX_AMOUNT long before this).
 */
export function toJsonNumber(v: bigint): number {
  if (v > SAFE || v < -SAFE) {
    throw new Error(`amount ${v} exceeds the JSON-safe range`);
  }
  return Number(v);
}
