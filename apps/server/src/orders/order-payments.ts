import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { PayablesRegistry, type PaymentDomainEvent, type PaymentRow } from '../payments';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/database';
import type { Logger } from '../platform/logging/logger';
import { CLOCK, LOGGER } from '../platform/platform.module';
import { OrderBooks } from './order-books';
import { OrderRefundRecords } from './order-refund-records';
import { OrdersQuery } from './orders.query';
import { orders, type OrderRow } from './orders.schema';
import { ORDER_PAYABLE, OrdersService } from './orders.service';
import { UnfulfillableRefunds } from './unfulfillable-refunds';

/**
 * Gateway orders as a payable of the payments core. Runs inside the transaction that changes the
 * payment, under the order's row lock, so the order's status, its units and its ledger entries
 * commit with the payment's new status. Every step is guarded, so a repeated event is a no-op.
 */
@Injectable()
export class OrderPayments implements OnModuleInit {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly registry: PayablesRegistry,
    private readonly query: OrdersQuery,
    private readonly books: OrderBooks,
    private readonly orders: OrdersService,
    private readonly refundRecords: OrderRefundRecords,
    private readonly unfulfillable: UnfulfillableRefunds,
  ) {}

  onModuleInit(): void {
    this.registry.register(ORDER_PAYABLE, (tx, event) => this.handle(tx, event));
  }

  private async handle(tx: Tx, event: PaymentDomainEvent): Promise<void> {
    const p = event.payment;
    const order = await this.query.find(tx, p.payableId, true);
    if (!order) return;
    switch (event.type) {
      case 'payment.succeeded':
        await this.complete(tx, order, p);
        return;
      case 'payment.refunded':
        // Provider events may skip `SUCCEEDED` (a refund seen first): complete, then refund.
        await this.complete(tx, order, p);
        await this.bookRefund(tx, p);
        return;
      case 'payment.expired':
      case 'payment.canceled':
        await this.orders.release(tx, order, 'CANCELLED', `Payment ${p.status}`);
        return;
      case 'payment.failed':
        await this.orders.release(tx, order, 'FAILED', p.failureMessage ?? 'The payment failed');
        return;
      case 'payment.disputed':
        // Only a completed order was booked; one that gave its units back booked nothing.
        if (order.status === 'COMPLETED' || order.status === 'REFUNDED')
          await this.books.dispute(tx, order, p.id, p.amountDisputed);
        return;
      case 'payment.refund_requested':
        // Booked when the provider confirms the refund (payment.refunded), not before.
        return;
      case 'payment.requires_action':
      case 'payment.authorized':
        // Still waiting for the buyer or the capture: the order stays PAYMENT_PROCESSING.
        return;
    }
  }

  private async complete(tx: Tx, order: OrderRow, p: PaymentRow): Promise<void> {
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
      this.logger.warn(
        { orderId: order.id, paymentId: p.id, status: order.status },
        'payment succeeded for an order that is no longer awaiting payment; refunding it',
      );
      await this.unfulfillable.request(tx, p.id);
    }
  }

  /** Books what the provider refunded beyond what the order has booked already. */
  private async bookRefund(tx: Tx, p: PaymentRow): Promise<void> {
    const order = (await this.query.find(tx, p.payableId))!;
    if (order.status !== 'COMPLETED' && order.status !== 'REFUNDED') return;
    const delta = p.amountRefunded - order.refundedAmount;
    if (delta <= 0n) return;
    await this.books.refund(tx, order, delta);
    await this.refundRecords.recordRefunded(tx, order, p.amountRefunded);
  }
}
