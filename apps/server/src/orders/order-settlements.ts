import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import type { PaymentRow } from '../payments';
import { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/database';
import { OrderBooks } from './order-books';
import { OrderReceipts } from './order-receipts';
import { OrderRefundRecords } from './order-refund-records';
import { orders, type OrderRow } from './orders.schema';
import { UnfulfillableRefunds } from './unfulfillable-refunds';

/**
 * What a settled payment does to its order: money in completes it, books the sale and queues the
 * buyer's receipt (or, for an order that gave its units back meanwhile, goes back to the buyer),
 * money refunded is booked and
 * recorded on the order. Called by OrderPayments inside the payment's transaction, under the
 * order's row lock; every step is guarded, so a repeated event is a no-op.
 */
@Injectable()
export class OrderSettlements {
  constructor(
    private readonly clock: Clock,
    private readonly books: OrderBooks,
    private readonly refundRecords: OrderRefundRecords,
    private readonly unfulfillable: UnfulfillableRefunds,
    private readonly receipts: OrderReceipts,
  ) {}

  async complete(tx: Tx, order: OrderRow, p: PaymentRow): Promise<void> {
    const now = this.clock.now();
    const [completed] = await tx
      .update(orders)
      .set({ status: 'COMPLETED', completedAt: now, paymentId: p.id, updatedAt: now })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'PAYMENT_PROCESSING')))
      .returning();
    if (completed) {
      await this.books.payment(tx, completed);
      // In the same transaction: the receipt exists exactly when the order is paid.
      await this.receipts.paid(tx, completed);
      return;
    }
    if ((order.status === 'FAILED' || order.status === 'CANCELLED') && p.status === 'SUCCEEDED') {
      // Money arrived for an order that already gave its units back (e.g. the checkout call failed
      // after the provider had created the session). Never sell the units twice: give it back.
      await this.unfulfillable.request(tx, p.id, order);
    }
  }

  /** Books what the provider refunded beyond what the order has booked already. */
  bookRefund(tx: Tx, p: PaymentRow): Promise<void> {
    return this.refundRecords.bookProviderRefund(tx, p);
  }
}
