/**
 * Splits `total` minor units into parts proportional to `weights` that sum to `total` exactly
 * (a payment split between merchant, platform and tax; a fee spread over lines). Rounding each share
 * separately would lose or invent a minor unit; the largest-remainder method instead floors every
 * share and gives the units left over, one each, to the shares whose dropped fraction was largest.
 * So every part is within one minor unit of its exact share, and a zero weight gets exactly 0.
 *
 * Ties (equal fractions) go to the earlier weight, so the same input always gives the same parts —
 * a split recomputed on a retry or another node books the same amounts. A negative total is split
 * as its opposite and negated, so a refund's parts mirror the payment's.
 *
 * Weights must be non-negative and not all zero; anything else is a programming error (throws).
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  let sum = 0n;
  for (const w of weights) {
    if (w < 0n) throw new RangeError(`allocation weights must be non-negative, got ${w}`);
    sum += w;
  }
  if (sum === 0n) throw new RangeError('allocation weights must not all be zero');
  if (total < 0n) return allocate(-total, weights).map((p) => -p);

  const parts = weights.map((w) => (total * w) / sum);
  // What each part lacks of its exact share, scaled by `sum` (so it stays an integer, in [0, sum)).
  const remainders = weights.map((w) => (total * w) % sum);
  let left = total - parts.reduce((a, b) => a + b, 0n); // < weights.length: each floor lost < 1
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      if (ra !== rb) return ra > rb ? -1 : 1;
      return a - b;
    });
  for (const i of order) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts;
}
