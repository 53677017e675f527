/** Digits after the decimal point for a currency (ISO 4217 via Intl: JPY 0, EUR 2, KWD 3). */
export function currencyExponent(currency: string): number {
  return (
    new Intl.NumberFormat('en', {
      style: 'currency',
      currency: currency.toUpperCase(),
    }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/**
 * An amount in minor units as the user's locale writes it. Exact for any size: the decimal string
 * is built from the integer, never through a float division.
 */
export function formatMoney(minor: number | bigint | string, currency: string): string {
  const cur = currency.toUpperCase();
  const exp = currencyExponent(cur);
  const n = BigInt(minor);
  const abs = (n < 0n ? -n : n).toString().padStart(exp + 1, '0');
  const decimal = exp ? `${abs.slice(0, -exp)}.${abs.slice(-exp)}` : abs;
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency: cur });
  // Intl formats decimal strings exactly (ES2023); the cast is for older lib typings.
  return format.format(`${n < 0n ? '-' : ''}${decimal}` as unknown as number);
}

/** Parses what a person typed ("12.5", "12,50") into minor units; undefined if it is not money. */
export function parseMoney(text: string, currency: string): bigint | undefined {
  const exp = currencyExponent(currency);
  const m = /^\s*(\d{1,12})(?:[.,](\d*))?\s*$/.exec(text);
  if (!m) return undefined;
  const frac = m[2] ?? '';
  if (frac.length > exp) return undefined;
  return BigInt(m[1]! + frac.padEnd(exp, '0'));
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A timestamp in the user's own time zone. */
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTime.format(new Date(iso)) : '—';
