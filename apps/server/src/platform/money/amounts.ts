import { z } from 'zod';
import { AppError } from '../errors/app-error';

/**
 * The largest amount, in minor units, the platform accepts for one price, charge, order, deposit,
 * withdrawal or refund: Stripe's own limit for a charge in most currencies (99,999,999 = $999,999.99;
 * eight digits). Bounding every amount where it enters keeps every sum we compute from them (an
 * order's price × quantity, its fee, a balance) far inside PostgreSQL's bigint and JSON's 2^53.
 */
export const MAX_AMOUNT = 99_999_999;
const MAX_AMOUNT_BIGINT = BigInt(MAX_AMOUNT);

/** The example every amount in the OpenAPI document shows (2000 = €20.00 / $20.00). */
export const EXAMPLE_AMOUNT = 2000;

/** A positive amount in integer minor units, as accepted in a request body (JSON integer). */
export const AmountSchema = z
  .number()
  .int()
  .min(1)
  .max(MAX_AMOUNT)
  .meta({ description: 'Integer minor units (2000 = €20.00)', example: EXAMPLE_AMOUNT });

/**
 * `price × quantity`, refused when it exceeds MAX_AMOUNT. bigint arithmetic in JS is exact, so the
 * product itself cannot overflow here; the bound is what keeps it (and the fee and balances built
 * on it) from overflowing PostgreSQL's bigint and the provider's limit. Prices stored before the
 * bound existed may be far larger than MAX_AMOUNT, so the check is on the result, not the inputs.
 */
export function totalOf(price: bigint, quantity: number, param = 'quantity'): bigint {
  const total = price * BigInt(quantity);
  if (total > MAX_AMOUNT_BIGINT) {
    throw AppError.validation(
      `The total (price × quantity = ${total}) exceeds the maximum of ${MAX_AMOUNT} minor units`,
      param,
      'amount_too_large',
    );
  }
  return total;
}
