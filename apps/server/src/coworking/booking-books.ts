import { Injectable } from '@nestjs/common';
import { type EntryKind, LedgerService } from '../ledger';
import type { PaymentRow } from '../payments';
import type { Tx } from '../platform/database/database';
import type { BookingRow } from './coworking.schema';

/**
 * The ledger side of bookings, posted in the transaction that changes the payment. The platform
 * runs the spaces, so a booking's money is platform revenue:
 *
 *   captured c:   provider clearing −c → platform revenue +c         (PAYMENT)
 *   refunded r:   platform revenue −r → provider clearing +r         (REFUND)
 *   disputed d:   platform revenue −d → provider clearing +d; won: back   (DISPUTE)
 *
 * Each kind is reconciled per payment, not appended: clearing's net for the kind is brought to what
 * the payment says now, so a repeated, late or reordered event books nothing twice. Refunds and
 * disputes are forced: the provider already moved that money.
 */
@Injectable()
export class BookingBooks {
  constructor(private readonly ledger: LedgerService) {}

  async reconcile(tx: Tx, b: BookingRow, p: PaymentRow): Promise<void> {
    if (p.amountCaptured <= 0n) return;
    const ref = { type: 'payment', id: p.id };
    const clearing = await this.ledger.platformId(tx, 'PROVIDER_CLEARING', p.currency);
    const revenue = await this.ledger.platformId(tx, 'PLATFORM_REVENUE', p.currency);
    const nets = await this.ledger.netsByKind(tx, clearing, ref);
    const book = async (kind: EntryKind, target: bigint, description: string) => {
      const delta = target - (nets[kind] ?? 0n);
      if (delta === 0n) return;
      await this.ledger.post(tx, {
        kind,
        reference: ref,
        description,
        metadata: { booking_id: b.id, payment_id: p.id },
        forced: kind !== 'PAYMENT',
        ...(kind === 'PAYMENT' ? { idempotencyKey: `booking:capture:${p.id}:${-target}` } : {}),
        lines: [
          { accountId: clearing, amount: delta },
          { accountId: revenue, amount: -delta },
        ],
      });
    };
    await book('PAYMENT', -p.amountCaptured, `Booking ${b.id}`);
    await book('REFUND', p.amountRefunded, `Refund of booking ${b.id}`);
    await book(
      'DISPUTE',
      p.amountDisputed,
      p.amountDisputed > (nets.DISPUTE ?? 0n)
        ? `Booking ${b.id} disputed by the cardholder`
        : `Dispute of booking ${b.id} won`,
    );
  }
}
