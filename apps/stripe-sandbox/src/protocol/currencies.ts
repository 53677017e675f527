// Stripe's per-currency rules for a charge: which codes exist, the least it accepts (about 50 US
// cents, per currency: https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts) and
// the most (eight digits of minor units). Amounts here are minor units.
import { invalidRequest } from './errors';

/** Currencies whose minor unit is the major unit (Stripe's zero-decimal list). */
export const ZERO_DECIMAL = new Set(
  'bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf'.split(' '),
);

/** Stripe's published minimums where they differ from 50 minor units. */
const MINIMUMS: Record<string, number> = {
  aed: 200,
  bgn: 100,
  czk: 1500,
  dkk: 250,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  mxn: 1000,
  myr: 200,
  nok: 300,
  pln: 200,
  ron: 200,
  sek: 300,
  thb: 1000,
};

/** Stripe's maximum charge: 8 digits of minor units (USD 999,999.99). */
export const MAX_AMOUNT = 99_999_999;

/** ISO 4217 codes, lower case, as Stripe spells them. */
const KNOWN = new Set(Intl.supportedValuesOf('currency').map((c) => c.toLowerCase()));

export function isCurrency(code: string): boolean {
  return KNOWN.has(code);
}

/** An amount as Stripe words it in errors: `£0.30 gbp`, `¥50 jpy`. */
function worded(amount: number, currency: string): string {
  const digits = ZERO_DECIMAL.has(currency) ? 0 : 2;
  const major = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
  return `${major} ${currency}`;
}

/** Refuses a charge amount Stripe refuses: below the currency's minimum or above the maximum. */
export function checkChargeAmount(amount: number, currency: string, param: string): void {
  const min = MINIMUMS[currency] ?? 50;
  if (amount < min) {
    throw invalidRequest(
      `Amount must be at least ${worded(min, currency)}`,
      param,
      'amount_too_small',
    );
  }
  if (amount > MAX_AMOUNT) {
    throw invalidRequest(
      `Amount must be no more than ${worded(MAX_AMOUNT, currency)}`,
      param,
      'amount_too_large',
    );
  }
}
