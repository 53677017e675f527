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

/**
 * A unit price in 1/1000 of a minor unit (tariffs: 39000 = €0.39 a kWh), exact like formatMoney:
 * at least the currency's digits, up to three more when the price has them (€0.3950).
 */
export function formatUnitPrice(milli: number | bigint | string, currency: string): string {
  const cur = currency.toUpperCase();
  const exp = currencyExponent(cur) + 3;
  const n = BigInt(milli);
  const abs = (n < 0n ? -n : n).toString().padStart(exp + 1, '0');
  const decimal = `${abs.slice(0, -exp)}.${abs.slice(-exp)}`;
  const format = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: cur,
    minimumFractionDigits: exp - 3,
    maximumFractionDigits: exp,
  });
  return format.format(`${n < 0n ? '-' : ''}${decimal}` as unknown as number);
}

const kwh = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Energy in Wh as kWh with two decimals (not money: display only). */
export const formatKwh = (wh: number) => `${kwh.format(wh / 1000)} kWh`;

const km = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const wholeKm = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A distance in metres: metres below 1 km, one decimal below 100 km, whole km beyond. */
export const formatDistance = (m: number) =>
  m < 1000 ? `${Math.round(m)} m` : `${(m < 100_000 ? km : wholeKm).format(m / 1000)} km`;

/** A duration in whole seconds as "1 h 05 min", "12 min 09 s" or "42 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (v: number) => String(v).padStart(2, '0');
  if (h > 0) return `${h} h ${pad(m)} min`;
  if (m > 0) return `${m} min ${pad(s % 60)} s`;
  return `${s} s`;
}
