// The sandbox's model of Stripe's pricing and settlement timing, as docs/stripe-sandbox.md
// documents it. Defaults are Stripe's standard US pricing; every number is configurable
// (SandboxOptions.balance, or the STRIPE_SANDBOX_* environment variables in config.ts).
import { ZERO_DECIMAL } from './protocol/currencies';

export interface BalanceConfig {
  /** Percentage part of the card fee, in basis points (290 = 2.9 %). */
  cardFeeBps: number;
  /** Fixed part of the card fee, in cents (two-decimal currencies; see `fixedFee`). */
  cardFeeFixed: number;
  /** Fee for each dispute opened against a charge, in cents. */
  disputeFee: number;
  /** Whether winning a dispute gives the dispute fee back (Stripe US keeps it). */
  disputeFeeReturnedOnWin: boolean;
  /** Days a card charge's funds stay pending before they become available. */
  availableAfterDays: number;
  /** Days from a standard payout's creation to its arrival at the bank. */
  payoutArrivalDays: number;
  /** The account's default currency: always listed in the balance, even at zero. */
  defaultCurrency: string;
}

export const DEFAULT_BALANCE_CONFIG: BalanceConfig = {
  cardFeeBps: 290,
  cardFeeFixed: 30,
  disputeFee: 1500,
  disputeFeeReturnedOnWin: false,
  availableAfterDays: 2,
  payoutArrivalDays: 2,
  defaultCurrency: 'usd',
};

/** `options` over the defaults, each number checked: a bad value fails at start, not mid-run. */
export function balanceConfig(options: Partial<BalanceConfig> = {}): BalanceConfig {
  const config = { ...DEFAULT_BALANCE_CONFIG, ...options };
  for (const key of [
    'cardFeeBps',
    'cardFeeFixed',
    'disputeFee',
    'availableAfterDays',
    'payoutArrivalDays',
  ] as const) {
    const v = config[key];
    if (!Number.isInteger(v) || v < 0) {
      throw new Error(`balance.${key} must be a non-negative integer, got ${String(v)}`);
    }
  }
  return config;
}

/**
 * A fixed fee given in cents, in `currency`'s minor units: as is for two-decimal currencies,
 * in whole units for zero-decimal ones (30 ¢ → 0 JPY, 15.00 → 15 JPY) — a simplification of
 * Stripe's per-country price lists, documented as such.
 */
export function fixedFee(cents: number, currency: string): number {
  return ZERO_DECIMAL.has(currency) ? Math.round(cents / 100) : cents;
}

/** Stripe's card processing fee on `amount`: percentage rounded half up, plus the fixed part. */
export function cardFee(config: BalanceConfig, amount: number, currency: string): number {
  const percent = Math.floor((amount * config.cardFeeBps + 5000) / 10000);
  return percent + fixedFee(config.cardFeeFixed, currency);
}
