/** Integer division rounding half up; both operands non-negative, denominator positive. */
export function divHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** The platform's fee on an order amount: amount × bps / 10 000, rounded half up. */
export function feeFor(amount: bigint, bps: number): bigint {
  return divHalfUp(amount * BigInt(bps), 10_000n);
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
  const before = divHalfUp(order.fee * order.refundedAmount, order.amount);
  const after = divHalfUp(order.fee * (order.refundedAmount + x), order.amount);
  return { fee: after - before, merchant: x - (after - before) };
}

/** Ledger lines without zero postings (a 0 % fee, or a refund whose fee share rounds to 0). */
export function nonZero<T extends { amount: bigint }>(lines: T[]): T[] {
  return lines.filter((l) => l.amount !== 0n);
}
