import { z } from 'zod';

/**
 * ISO 4217 minor-unit exponents that are not 2: how many decimal places one major unit has, so
 * 2000 minor units are ¥2000, $20.00 or 2.000 KWD. Every other currency has 2. Codes are lower-case,
 * as stored everywhere (the tables' CHECK `~ '^[a-z]{3}$'`) and as Stripe writes them.
 *
 * This is ISO's table, not a payment provider's: Stripe also treats MGA (ISO: 2) as zero-decimal and
 * special-cases ISK, HUF and TWD; an adapter that sends amounts to a provider converts there.
 */
const EXPONENTS: Readonly<Record<string, number>> = Object.freeze({
  // Zero-decimal.
  bif: 0, // Burundi franc
  clp: 0, // Chilean peso
  djf: 0, // Djibouti franc
  gnf: 0, // Guinean franc
  isk: 0, // Icelandic króna
  jpy: 0, // Japanese yen
  kmf: 0, // Comorian franc
  krw: 0, // South Korean won
  pyg: 0, // Paraguayan guaraní
  rwf: 0, // Rwandan franc
  ugx: 0, // Ugandan shilling
  uyi: 0, // Uruguayan peso en unidades indexadas
  vnd: 0, // Vietnamese đồng
  vuv: 0, // Vanuatu vatu
  xaf: 0, // Central African CFA franc
  xof: 0, // West African CFA franc
  xpf: 0, // CFP franc
  // Three-decimal.
  bhd: 3, // Bahraini dinar
  iqd: 3, // Iraqi dinar
  jod: 3, // Jordanian dinar
  kwd: 3, // Kuwaiti dinar
  lyd: 3, // Libyan dinar
  omr: 3, // Omani rial
  tnd: 3, // Tunisian dinar
  // Four-decimal units of account.
  clf: 4, // Unidad de Fomento
  uyw: 4, // Unidad previsional
});

export const DEFAULT_EXPONENT = 2;

const CODE = /^[a-z]{3}$/;

/** Decimal places of `currency` (any case); 2 unless the table says otherwise. */
export function minorUnitExponent(currency: string): number {
  return EXPONENTS[currency.toLowerCase()] ?? DEFAULT_EXPONENT;
}

/**
 * A currency code normalised as stored (lower-case), or an Error for anything else: used where a
 * value is built in code, so a bad code is a programming error, not a client's.
 */
export function normaliseCurrency(currency: string): string {
  const c = currency.toLowerCase();
  if (!CODE.test(c)) throw new Error(`not an ISO 4217 currency code: ${JSON.stringify(currency)}`);
  return c;
}

/**
 * Every currency a request carries: three ASCII letters in any case, answered lower-case. The shape
 * only, not membership of ISO's list, as before: the provider refuses a currency it does not take.
 */
export const CurrencySchema = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, 'must be an ISO 4217 code')
  .transform((c) => c.toLowerCase());
