import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import type { PaymentRow } from '../payments';
import { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/database';
import { OrderBooks } from './order-books';
import { OrderRefundRecords } from './order-refund-records';
import { OrdersQuery } from './orders.query';
import { orders, type OrderRow } from './orders.schema';
import { UnfulfillableRefunds } from './unfulfillable-refunds';

/**
 * What a settled payment does to its order: money in completes it and books the sale (or, for an
 * order that gave its units back meanwhile, goes back to the buyer), money refunded is booked and
 * recorded on the order. Called by OrderPayments inside the payment's transaction, under the
 * order's row lock; every step is guarded, so a repeated event is a no-op.
 */
@Injectable()
export class OrderSettlements {
  constructor(
    private readonly clock: Clock,
    private readonly query: OrdersQuery,
    private readonly books: OrderBooks,
    private readonly refundRecords: OrderRefundRecords,
    private readonly unfulfillable: UnfulfillableRefunds,
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
      return;
    }
    if ((order.status === 'FAILED' || order.status === 'CANCELLED') && p.status === 'SUCCEEDED') {
      // Money arrived for an order that already gave its units back (e.g. the checkout call failed
      // after the provider had created the session). Never sell the units twice: give it back.
      await this.unfulfillable.request(tx, p.id, order);
    }
  }

  /** Books what the provider refunded beyond what the order has booked already. */
  async bookRefund(tx: Tx, p: PaymentRow): Promise<void> {
    const order = (await this.query.find(tx, p.payableId))!;
    if (order.status !== 'COMPLETED' && order.status !== 'REFUNDED') return;
    const delta = p.amountRefunded - order.refundedAmount;
    if (delta <= 0n) return;
    await this.books.refund(tx, order, delta);
    await this.refundRecords.recordRefunded(tx, order, p.amountRefunded);
  }
}
