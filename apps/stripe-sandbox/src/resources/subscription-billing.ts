// Calendar and money arithmetic for subscriptions: billing periods and prorations, in integers.
import type Stripe from 'stripe';

/** Adds `count` intervals to a unix time, clamping month ends (Jan 31 + 1 month = Feb 28/29). */
export function addInterval(
  ts: number,
  interval: Stripe.Price.Recurring.Interval,
  count: number,
): number {
  const d = new Date(ts * 1000);
  switch (interval) {
    case 'day':
      return ts + count * 86_400;
    case 'week':
      return ts + count * 7 * 86_400;
    case 'month':
    case 'year': {
      const months = interval === 'month' ? count : count * 12;
      const day = d.getUTCDate();
      const target = new Date(d.getTime());
      target.setUTCDate(1);
      target.setUTCMonth(target.getUTCMonth() + months);
      const lastDay = new Date(
        Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
      ).getUTCDate();
      target.setUTCDate(Math.min(day, lastDay));
      return Math.floor(target.getTime() / 1000);
    }
    default:
      throw new Error(`unknown interval ${String(interval)}`);
  }
}

/**
 * The share of `amount` for `remaining` out of `period` seconds, rounded half-up to a minor unit.
 * Integer arithmetic only: amount × remaining stays far below 2^53 for real prices.
 */
export function prorate(amount: number, remaining: number, period: number): number {
  if (period <= 0 || remaining <= 0) return 0;
  const sign = amount < 0 ? -1 : 1;
  const abs = Math.abs(amount) * Math.min(remaining, period);
  return sign * Math.floor((2 * abs + period) / (2 * period));
}
