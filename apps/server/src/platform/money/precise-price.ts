import { normaliseCurrency } from './currencies';
import { Money } from './money';
import { divide, type RoundingMode } from './rounding';

/** The default extra precision: a price in 1/1000 of a minor unit (0.1 m¢ for euros). */
export const DEFAULT_PRICE_SCALE = 1000n;

/**
 * A unit price finer than the currency: a charging tariff of €0.3249/kWh is 32.49 cents, which no
 * Money can hold. It is kept as an integer of 1/`scale` minor units per unit of quantity (32 490 at
 * the default scale 1000), and becomes Money only when multiplied by a quantity, rounding once at
 * that point — rounding the price first and multiplying after would multiply the rounding error by
 * every kWh delivered.
 *
 * Quantities are integers too, in a unit `quantityScale` times smaller than the priced one (energy
 * metered in Wh for a price per kWh: quantityScale 1000), so no float enters anywhere.
 */
export class PrecisePrice {
  private constructor(
    /** 1/`scale` minor units per unit of quantity. */
    readonly amount: bigint,
    readonly currency: string,
    readonly scale: bigint,
  ) {
    Object.freeze(this);
  }

  static of(amount: bigint, currency: string, scale: bigint = DEFAULT_PRICE_SCALE): PrecisePrice {
    if (typeof amount !== 'bigint')
      throw new TypeError(`price must be a bigint, got ${typeof amount}`);
    if (scale <= 0n) throw new RangeError(`price scale must be positive, got ${scale}`);
    return new PrecisePrice(amount, normaliseCurrency(currency), scale);
  }

  /** A whole-minor-unit price at the given scale (the tariff 35 ¢/kWh = 35 000 at scale 1000). */
  static fromMoney(price: Money, scale: bigint = DEFAULT_PRICE_SCALE): PrecisePrice {
    return PrecisePrice.of(price.minor * scale, price.currency, scale);
  }

  /**
   * The cost of `quantity` units of 1/`quantityScale` of the priced unit (12 345 Wh at a price per
   * kWh: quantity 12345n, quantityScale 1000n), as Money rounded once by `mode`. Quantities are
   * never negative: a metered reading that went backwards is the caller's to refuse.
   */
  costFor(quantity: bigint, quantityScale: bigint, mode: RoundingMode): Money {
    if (quantity < 0n) throw new RangeError(`quantity must be non-negative, got ${quantity}`);
    if (quantityScale <= 0n) {
      throw new RangeError(`quantity scale must be positive, got ${quantityScale}`);
    }
    return Money.of(
      divide(this.amount * quantity, this.scale * quantityScale, mode),
      this.currency,
    );
  }
}
