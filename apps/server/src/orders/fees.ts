import { multiplyRatio } from '../platform/money';

/**
 * The orders' fee policy. The arithmetic is platform/money's (exact bigint, one rounding); what is
 * decided here is which ratio and which mode: basis points of the amount, rounded half up.
 */
const BPS = 10_000n;

/** The platform's fee on an order amount: amount × bps / 10 000, rounded half up. */
export function feeFor(amount: bigint, bps: number): bigint {
  return multiplyRatio(amount, BigInt(bps), BPS, 'half-up');
}

/**
 * The part of the order's fee that goes with `x` of its amount (refunded, disputed): fee × x /
 * amount, rounded half up. Callers take the difference of two cumulative shares, never the share
 * of a delta, so rounding cannot drift over several steps.
 */
export function feeShare(order: { amount: bigint; fee: bigint }, x: bigint): bigint {
  return multiplyRatio(order.fee, x, order.amount, 'half-up');
}

/**
 * How a refund of `x` splits between the merchant and the platform's fee, proportionally to the
 * order's fee. Computed on the cumulative refunded total (not on `x` alone) so that rounding never
 * drifts over several partial refunds: once the whole amount is refunded, exactly the whole fee is.
 */
export function refundSplit(
  order: { amount: bigint; fee: bigint; refundedAmount: bigint },
  x: bigint,
): { fee: bigint; merchant: bigint } {
  const fee = feeShare(order, order.refundedAmount + x) - feeShare(order, order.refundedAmount);
  return { fee, merchant: x - fee };
}

/** Ledger lines without zero postings (a 0 % fee, or a refund whose fee share rounds to 0). */
export function nonZero<T extends { amount: bigint }>(lines: T[]): T[] {
  return lines.filter((l) => l.amount !== 0n);
}
