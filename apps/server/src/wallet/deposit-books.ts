import { Injectable } from '@nestjs/common';
import { type EntryKind, LedgerService } from '../ledger';
import type { PaymentDomainEvent, PaymentRow } from '../payments';
import type { Tx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';

/**
 * The ledger side of wallet top-ups (the `wallet_deposit` payable). Every outcome of the deposit's
 * payment is booked against the wallet, inside the transaction that records it, under the
 * payment's row lock — even after the money was spent:
 *
 *   captured x:             provider clearing −x → wallet +x                  (DEPOSIT, once)
 *   refunded / requested y: wallet −y → provider clearing +y                  (REFUND)
 *   disputed z:             wallet −z → provider clearing +z; won: back again (DISPUTE)
 *
 * Each kind is reconciled, not appended: the wallet's net per kind for this payment is brought to
 * what the payment now says, so a repeated, late or reordered event books nothing twice. A refund
 * Tender asks for is taken from the wallet when it is requested (the provider returns it to the
 * card at once); if the wallet no longer holds it the request is refused unless an admin forces it.
 * What the provider already did (a dispute, a refund made outside Tender) is booked whatever the
 * wallet holds — forced, so a wallet may go below zero: a debt, which blocks withdrawals.
 */
@Injectable()
export class DepositBooks {
  constructor(private readonly ledger: LedgerService) {}

  async onPayment(tx: Tx, event: PaymentDomainEvent): Promise<void> {
    const p = event.payment;
    if (p.amountCaptured <= 0n) return; // nothing arrived yet (pending, failed, expired, …)
    const ref = { type: 'payment', id: p.id };
    const nets = await this.ledger.netsByKind(tx, p.payableId, ref);
    const clearing = await this.ledger.platformId(tx, 'PROVIDER_CLEARING', p.currency);
    const book = (kind: EntryKind, target: bigint, description: string, forced: boolean) => {
      const delta = target - (nets[kind] ?? 0n);
      if (delta === 0n) return Promise.resolve();
      return this.ledger.post(tx, {
        kind,
        reference: ref,
        description,
        metadata: { payment_id: p.id },
        // The money moved at the provider already (or, for a refund, is about to): the books follow.
        forced,
        ...(kind === 'DEPOSIT' ? { idempotencyKey: `deposit:${p.id}` } : {}),
        lines: [
          { accountId: clearing, amount: -delta },
          { accountId: p.payableId, amount: delta },
        ],
      });
    };

    await book('DEPOSIT', p.amountCaptured, 'Card deposit', true);
    const refunded = maxBig(p.amountRefunded, event.refundsRequested ?? 0n);
    const requested = event.type === 'payment.refund_requested';
    try {
      await book(
        'REFUND',
        -refunded,
        refundDescription(p, refunded, nets.REFUND ?? 0n),
        !requested || event.force === true,
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'insufficient_funds') {
        throw new AppError(
          'payment_required',
          'wallet_cannot_cover_refund',
          'The wallet no longer holds this deposit (it was spent or withdrawn); refund with force: true to take it anyway, leaving the wallet in debt',
          { declineCode: 'insufficient_funds' },
        );
      }
      throw err;
    }
    await book(
      'DISPUTE',
      -p.amountDisputed,
      p.amountDisputed > -(nets.DISPUTE ?? 0n)
        ? 'Deposit disputed by the cardholder'
        : 'Dispute won: deposit reinstated',
      true,
    );
  }
}

const maxBig = (a: bigint, b: bigint) => (a > b ? a : b);

function refundDescription(p: PaymentRow, target: bigint, net: bigint): string {
  if (target < -net) return 'Refund failed: money returned to the wallet';
  return target >= p.amountCaptured
    ? 'Deposit refunded to the card'
    : 'Deposit partly refunded to the card';
}
