import { randomBytes } from 'node:crypto';

export interface PayoutResult {
  id: string;
  status: 'paid' | 'failed';
  failureReason?: string;
}

/** Sends money to a user's payout destination (a bank account, a card, a connected account). */
export interface PayoutProvider {
  send(
    payout: { id: string; amount: bigint; currency: string; destination: string },
    idempotencyKey: string,
  ): Promise<PayoutResult>;
}

export const PAYOUT_PROVIDER = Symbol('PAYOUT_PROVIDER');

/**
 * The sandbox payout rail: records the payout and answers at once. A destination containing
 * `fail` is refused (`account_closed`), so the reversal path can be exercised. Real payouts need
 * Stripe Connect accounts for users, which Tender does not onboard yet.
 */
export class SandboxPayoutProvider implements PayoutProvider {
  private readonly sent = new Map<string, PayoutResult>();

  send(payout: { destination: string }, idempotencyKey: string): Promise<PayoutResult> {
    const previous = this.sent.get(idempotencyKey);
    if (previous) return Promise.resolve(previous);
    const result: PayoutResult = payout.destination.includes('fail')
      ? {
          id: `po_${randomBytes(12).toString('hex')}`,
          status: 'failed',
          failureReason: 'account_closed',
        }
      : { id: `po_${randomBytes(12).toString('hex')}`, status: 'paid' };
    this.sent.set(idempotencyKey, result);
    return Promise.resolve(result);
  }
}
