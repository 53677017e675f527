/**
 * Exact integer division with an explicit rounding mode. Every place that turns a ratio of money
 * into minor units (a fee in basis points, a refund's share of a fee, a tariff times a metered
 * quantity) rounds exactly once, here, and says how — so two modules cannot round the same ratio
 * differently, and nothing ever passes through a float.
 *
 * - `half-up`: to the nearest, ties away from zero (Java's HALF_UP; what "round half up" means for
 *   the non-negative amounts fees are taken on: 0.5 → 1, −0.5 → −1).
 * - `half-even`: to the nearest, ties to the even neighbour (banker's rounding; no bias over many
 *   roundings).
 * - `down`: toward zero (truncation). `up`: away from zero.
 * - `floor`: toward −∞. `ceiling`: toward +∞.
 */
export const ROUNDING_MODES = ['half-up', 'half-even', 'down', 'up', 'floor', 'ceiling'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** `n / d` rounded by `mode`. Any signs; `d` must not be zero (a programming error: throws). */
export function divide(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  // bigint `/` truncates toward zero and `%` takes the sign of n, so the exact quotient lies
  // between q and q ± 1 (away from zero); the mode decides whether to take that step.
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const negative = n < 0n;
  const twiceRemainder = 2n * (negative ? -r : r); // compared with d: below, at or past the half
  let away: boolean;
  switch (mode) {
    case 'down':
      away = false;
      break;
    case 'up':
      away = true;
      break;
    case 'floor':
      away = negative;
      break;
    case 'ceiling':
      away = !negative;
      break;
    case 'half-up':
      away = twiceRemainder >= d;
      break;
    case 'half-even':
      away = twiceRemainder > d || (twiceRemainder === d && q % 2n !== 0n);
      break;
  }
  return away ? q + (negative ? -1n : 1n) : q;
}

/**
 * `value × num / den` with one rounding (the product is exact in bigint, so a ratio applied to an
 * amount never loses precision before the final step).
 */
export function multiplyRatio(value: bigint, num: bigint, den: bigint, mode: RoundingMode): bigint {
  return divide(value * num, den, mode);
}
