import { Injectable } from '@nestjs/common';
import { type JournalEntryRow, LedgerService, type EntryInput } from '../ledger';
import type { UserRow } from '../identity';
import type { DbOrTx, Tx } from '../platform/database/database';
import { feeShare, nonZero, refundSplit } from './fees';
import type { OrderRow } from './orders.schema';

/** What a PAYMENT entry needs of an order (a row, or one about to be inserted). */
type PaidOrder = Pick<
  OrderRow,
  'id' | 'quantity' | 'productId' | 'amount' | 'fee' | 'merchantId' | 'currency'
> & { paymentId?: string | null };

/**
 * The ledger side of orders: every entry references the order, and is posted inside the caller's
 * transaction — the one that changes the order — so money and order state commit together.
 *
 *   wallet payment:   buyer wallet −amount  → merchant +(amount − fee), platform fees +fee
 *   gateway payment:  provider clearing −amount → merchant +(amount − fee), platform fees +fee
 *   refund of x:      merchant −(x − share), fees −share → buyer wallet / provider clearing +x
 *   dispute of x:     merchant −(x − share), fees −share → provider clearing +x   (won: back)
 */
@Injectable()
export class OrderBooks {
  constructor(private readonly ledger: LedgerService) {}

  private async payees(tx: DbOrTx, order: Pick<OrderRow, 'merchantId' | 'currency'>) {
    return {
      merchant: await this.ledger.walletId(tx, order.merchantId, 'MERCHANT_WALLET', order.currency),
      fees: await this.ledger.platformId(tx, 'PLATFORM_FEES', order.currency),
    };
  }

  private clearing(tx: DbOrTx, order: Pick<OrderRow, 'currency'>) {
    return this.ledger.platformId(tx, 'PROVIDER_CLEARING', order.currency);
  }

  /** The buyer's wallet a WALLET order is paid from (created if missing: harmless if unused). */
  buyerWallet(db: DbOrTx, buyer: Pick<UserRow, 'id' | 'role'>, currency: string): Promise<string> {
    const type = buyer.role === 'MERCHANT' ? 'MERCHANT_WALLET' : 'USER_WALLET';
    return this.ledger.walletId(db, buyer.id, type, currency);
  }

  /** The PAYMENT entry of a WALLET order as the slot values of a composed statement (postCall). */
  async paymentValues(db: DbOrTx, order: PaidOrder, wallet: string) {
    return this.ledger.entryValues(await this.paymentEntry(db, order, wallet)).values;
  }

  /** Books a paid order; `fromAccountId` is the buyer's wallet, or provider clearing if absent. */
  async payment(tx: Tx, order: OrderRow, fromAccountId?: string): Promise<JournalEntryRow> {
    return this.ledger.post(tx, await this.paymentEntry(tx, order, fromAccountId));
  }

  /**
   * The PAYMENT entry of `payment`, to post later or compose into a statement. Looking up the
   * accounts (through `db` when outside a transaction) creates any that do not exist yet.
   */
  async paymentEntry(db: DbOrTx, order: PaidOrder, fromAccountId?: string): Promise<EntryInput> {
    const { merchant, fees } = await this.payees(db, order);
    const from = fromAccountId ?? (await this.clearing(db, order));
    return {
      kind: 'PAYMENT',
      reference: { type: 'order', id: order.id },
      description: `Order ${order.id}: ${order.quantity} × ${order.productId}`,
      metadata: {
        order_id: order.id,
        product_id: order.productId,
        ...(order.paymentId ? { payment_id: order.paymentId } : {}),
      },
      lines: nonZero([
        { accountId: from, amount: -order.amount },
        { accountId: merchant, amount: order.amount - order.fee },
        { accountId: fees, amount: order.fee },
      ]),
    };
  }

  /**
   * Books a refund of `x` on top of what the order already has refunded (`order.refundedAmount`
   * must be the value before this refund); `toAccountId` is the buyer's wallet, or provider
   * clearing if absent (the provider returns the money to the card).
   */
  async refund(tx: Tx, order: OrderRow, x: bigint, toAccountId?: string): Promise<void> {
    const { merchant, fees } = await this.payees(tx, order);
    const to = toAccountId ?? (await this.clearing(tx, order));
    const split = refundSplit(order, x);
    await this.ledger.post(tx, {
      kind: 'REFUND',
      reference: { type: 'order', id: order.id },
      description: `Refund of order ${order.id}`,
      metadata: {
        order_id: order.id,
        fee_returned: split.fee.toString(),
        ...(order.paymentId && !toAccountId ? { payment_id: order.paymentId } : {}),
      },
      lines: nonZero([
        { accountId: merchant, amount: -split.merchant },
        { accountId: fees, amount: -split.fee },
        { accountId: to, amount: x },
      ]),
    });
  }

  /**
   * Brings the order's DISPUTE entries to what the provider holds back now (`disputed`, the
   * payment's amountDisputed): an opened dispute takes the money from the merchant and the fee
   * share from the platform, a won one gives it back. Forced: the provider already took it, so a
   * merchant wallet may go into debt.
   */
  async dispute(tx: Tx, order: OrderRow, paymentId: string, disputed: bigint): Promise<void> {
    const clearing = await this.clearing(tx, order);
    const ref = { type: 'order', id: order.id };
    // Provider clearing gains what a dispute took back: its net is the amount booked as disputed.
    const before = (await this.ledger.netsByKind(tx, clearing, ref)).DISPUTE ?? 0n;
    const delta = disputed - before;
    if (delta === 0n) return;
    const fee = feeShare(order, disputed) - feeShare(order, before);
    const { merchant, fees } = await this.payees(tx, order);
    await this.ledger.post(tx, {
      kind: 'DISPUTE',
      reference: ref,
      description:
        delta > 0n
          ? `Order ${order.id} disputed by the cardholder`
          : `Dispute of order ${order.id} won`,
      metadata: { order_id: order.id, payment_id: paymentId, fee_returned: fee.toString() },
      forced: true,
      lines: nonZero([
        { accountId: merchant, amount: -(delta - fee) },
        { accountId: fees, amount: -fee },
        { accountId: clearing, amount: delta },
      ]),
    });
  }
}
