import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PayablesRegistry, type PaymentDomainEvent } from '../payments';
import type { Tx } from '../platform/database/database';
import { OrderBooks } from './order-books';
import { OrderSettlements } from './order-settlements';
import { OrdersQuery } from './orders.query';
import { ORDER_PAYABLE, OrdersService } from './orders.service';

/**
 * Gateway orders as a payable of the payments core: which payment event does what to the order.
 * Runs inside the transaction that changes the payment, under the order's row lock, so the order's
 * status, its units and its ledger entries commit with the payment's new status. Every step is
 * guarded, so a repeated event is a no-op. What money in or refunded does is OrderSettlements'.
 */
@Injectable()
export class OrderPayments implements OnModuleInit {
  constructor(
    private readonly registry: PayablesRegistry,
    private readonly query: OrdersQuery,
    private readonly books: OrderBooks,
    private readonly orders: OrdersService,
    private readonly settlements: OrderSettlements,
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
        await this.settlements.complete(tx, order, p);
        return;
      case 'payment.refunded':
        // Provider events may skip `SUCCEEDED` (a refund seen first): complete, then refund.
        await this.settlements.complete(tx, order, p);
        await this.settlements.bookRefund(tx, p);
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
}
