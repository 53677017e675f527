import { Injectable } from '@nestjs/common';
import { PaymentsService } from '../payments';
import { AppError } from '../platform/errors/app-error';
import type { ChargingSessionRow } from './charging.schema';

/** Refusals of an increment that leave the hold as it was: the session must stop instead. */
const REFUSED = new Set([
  'increment_declined',
  'increment_unavailable',
  'authorization_expired',
  'payment_not_capturable',
  'amount_out_of_range',
]);

/**
 * Raising a session's hold when its cost nears it (`increment_authorization`, asked for at the
 * start): the payments core's `incrementAuthorization`, which keys the provider call by payment
 * and amount, so a retried guard job raises once. A card that declines, or was not granted
 * increments, answers undefined and the hold guard stops the session instead.
 */
@Injectable()
export class HoldIncrements {
  constructor(private readonly payments: PaymentsService) {}

  /** The new authorised amount, or undefined when the card refused or cannot be incremented. */
  async raise(session: ChargingSessionRow, amount: bigint): Promise<bigint | undefined> {
    if (!session.paymentId) return undefined;
    try {
      const p = await this.payments.incrementAuthorization(session.paymentId, amount);
      return p.amountCapturable;
    } catch (err) {
      if (err instanceof AppError && REFUSED.has(err.code)) return undefined;
      throw err;
    }
  }
}
