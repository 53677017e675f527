import { allocate } from './allocation';
import { normaliseCurrency } from './currencies';
import { formatMinor } from './format';
import { multiplyRatio, type RoundingMode } from './rounding';

/**
 * An amount of one currency: integer minor units (bigint, so exact at any size) and a lower-case
 * ISO 4217 code. Immutable; every operation returns a new value.
 *
 * Arithmetic between two values requires the same currency: adding cents to yen is a bug in the
 * caller, never something a client can cause (requests are validated long before), so a mismatch
 * throws a plain Error rather than an AppError — it surfaces as a 500 and in the logs.
 *
 * Multiplying by anything but an integer needs a rounding mode, stated by the caller
 * (`multiplyRatio`); splitting an amount uses `allocate`, whose parts sum back exactly.
 */
export class Money {
  private constructor(
    readonly minor: bigint,
    readonly currency: string,
  ) {
    Object.freeze(this);
  }

  static of(minor: bigint, currency: string): Money {
    // A number here (say from JSON) would bring float arithmetic with it: refused, not converted.
    if (typeof minor !== 'bigint')
      throw new TypeError(`minor units must be a bigint, got ${typeof minor}`);
    return new Money(minor, normaliseCurrency(currency));
  }

  static zero(currency: string): Money {
    return Money.of(0n, currency);
  }

  /** The sum of `items`, all in `currency` (which an empty list needs to have a currency at all). */
  static sum(currency: string, items: readonly Money[]): Money {
    return items.reduce((acc, m) => acc.plus(m), Money.zero(currency));
  }

  plus(other: Money): Money {
    return new Money(this.minor + this.same(other).minor, this.currency);
  }

  minus(other: Money): Money {
    return new Money(this.minor - this.same(other).minor, this.currency);
  }

  negate(): Money {
    return new Money(-this.minor, this.currency);
  }

  /** −1, 0 or 1, as a sort comparator expects. */
  compare(other: Money): -1 | 0 | 1 {
    const o = this.same(other).minor;
    return this.minor < o ? -1 : this.minor > o ? 1 : 0;
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.minor === other.minor;
  }

  isZero(): boolean {
    return this.minor === 0n;
  }

  isNegative(): boolean {
    return this.minor < 0n;
  }

  isPositive(): boolean {
    return this.minor > 0n;
  }

  /** Times an integer (a quantity): exact. */
  times(factor: bigint): Money {
    return new Money(this.minor * factor, this.currency);
  }

  /** `this × num / den`, rounded once by `mode` (a fee of 250/10 000, a pro-rata share). */
  multiplyRatio(num: bigint, den: bigint, mode: RoundingMode): Money {
    return new Money(multiplyRatio(this.minor, num, den, mode), this.currency);
  }

  /** Parts proportional to `weights` that sum exactly to this amount (see allocation.ts). */
  allocate(weights: readonly bigint[]): Money[] {
    return allocate(this.minor, weights).map((p) => new Money(p, this.currency));
  }

  /** "20.00 usd": for logs and messages (the API carries minor units, never this). */
  toString(): string {
    return `${formatMinor(this.minor, this.currency)} ${this.currency}`;
  }

  private same(other: Money): Money {
    if (other.currency !== this.currency) {
      throw new Error(`currency mismatch: ${this.currency} and ${other.currency}`);
    }
    return other;
  }
}
