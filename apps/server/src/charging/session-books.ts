import { Injectable } from '@nestjs/common';
import { type EntryKind, LedgerService } from '../ledger';
import type { PaymentRow } from '../payments';
import type { Tx } from '../platform/database/database';
import { multiplyRatio } from '../platform/money';
import type { ChargingSessionRow } from './charging.schema';
import { SESSION_PAYABLE } from './session-queues';

const BPS = 10_000n;

/** The platform's fee on a session's captured revenue: captured × bps / 10 000, half up. */
export function sessionFee(captured: bigint, feeBps: number): bigint {
  return multiplyRatio(captured, BigInt(feeBps), BPS, 'half-up');
}

/**
 * The ledger side of charging sessions (the `charging_session` payable), posted in the transaction
 * that changes the payment, under its row lock:
 *
 *   captured c:   provider clearing −c → company revenue +(c − fee), platform fees +fee   (PAYMENT)
 *   refunded r:   company −(r − share), fees −share → provider clearing +r                 (REFUND)
 *   disputed d:   company −(d − share), fees −share → provider clearing +d; won: back      (DISPUTE)
 *
 * fee = sessionFee(c), share(x) = fee × x / c (half up), always of the cumulative amount, so
 * partial steps never drift and a full refund returns exactly the fee. Each kind is reconciled,
 * not appended: provider clearing's net per kind for this session is brought to what the payment
 * now says, so a repeated, late or reordered event books nothing twice. Refunds and disputes are
 * forced — the provider already moved that money — so a company's revenue may go below zero.
 */
@Injectable()
export class SessionBooks {
  constructor(private readonly ledger: LedgerService) {}

  async reconcile(tx: Tx, s: ChargingSessionRow, p: PaymentRow): Promise<void> {
    const captured = p.amountCaptured;
    if (captured <= 0n) return;
    const ref = { type: SESSION_PAYABLE, id: s.id };
    const clearing = await this.ledger.platformId(tx, 'PROVIDER_CLEARING', p.currency);
    const company = await this.ledger.companyRevenueId(tx, s.companyId, p.currency);
    const feesAccount = await this.ledger.platformId(tx, 'PLATFORM_FEES', p.currency);
    const nets = await this.ledger.netsByKind(tx, clearing, ref);
    const fee = sessionFee(captured, s.feeBps);
    const share = (x: bigint) => multiplyRatio(fee, x, captured, 'half-up');

    const book = async (kind: EntryKind, target: bigint, description: string) => {
      // Clearing's net for the kind: −captured for the payment, +refunded, +disputed.
      const before = nets[kind] ?? 0n;
      const delta = target - before;
      if (delta === 0n) return;
      // The platform's part of this delta, as the difference of two cumulative fees: it gains its
      // fee with the payment and gives back its share of what is refunded or disputed.
      const platformPart =
        kind === 'PAYMENT'
          ? sessionFee(-target, s.feeBps) - sessionFee(-before, s.feeBps)
          : share(before) - share(target);
      const lines = [
        { accountId: clearing, amount: delta },
        { accountId: company, amount: -delta - platformPart },
        { accountId: feesAccount, amount: platformPart },
      ];
      await this.ledger.post(tx, {
        kind,
        reference: ref,
        description,
        metadata: { session_id: s.id, payment_id: p.id, fee: fee.toString() },
        forced: kind !== 'PAYMENT',
        ...(kind === 'PAYMENT' ? { idempotencyKey: `charging:capture:${p.id}:${-target}` } : {}),
        lines: lines.filter((l) => l.amount !== 0n),
      });
    };

    await book('PAYMENT', -captured, `Charging session ${s.id}`);
    await book('REFUND', p.amountRefunded, `Refund of charging session ${s.id}`);
    await book(
      'DISPUTE',
      p.amountDisputed,
      p.amountDisputed > (nets.DISPUTE ?? 0n)
        ? `Charging session ${s.id} disputed by the cardholder`
        : `Dispute of charging session ${s.id} won`,
    );
  }
}
