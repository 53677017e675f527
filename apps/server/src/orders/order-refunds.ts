import { Injectable } from '@nestjs/common';
import type { UserRow } from '../identity';
import { PaymentsService } from '../payments';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { OrderBooks } from './order-books';
import { OrderRefundRecords } from './order-refund-records';
import { canRefund, canSee, OrdersQuery } from './orders.query';
import type { OrderRow } from './orders.schema';

export interface RefundInput {
  /** Minor units; absent = everything not yet refunded. */
  amount?: bigint;
  /** Give the order's units back to the product (once per order). */
  restock?: boolean;
}

/**
 * Refunds by the merchant (or an admin). Wallet orders are refunded through the ledger in one
 * transaction under the order's row lock, so concurrent refunds cannot together exceed the amount.
 * Gateway orders are refunded by the provider through the payments core; the ledger side is booked
 * by OrderPayments when the payment's `payment.refunded` is applied.
 */
@Injectable()
export class OrderRefunds {
  constructor(
    private readonly database: Database,
    private readonly query: OrdersQuery,
    private readonly books: OrderBooks,
    private readonly payments: PaymentsService,
    private readonly records: OrderRefundRecords,
  ) {}

  async refund(actor: UserRow, id: string, input: RefundInput): Promise<OrderRow> {
    const order = await this.query.find(this.database.db, id);
    if (!order || !canSee(actor, order)) throw AppError.notFound('order', id);
    if (!canRefund(actor, order)) {
      throw AppError.forbidden('Only the merchant of the product or an admin can refund');
    }
    if (order.paymentMethod === 'WALLET') return this.refundWallet(id, input);
    return this.refundGateway(order, input);
  }

  private refundWallet(id: string, input: RefundInput): Promise<OrderRow> {
    return this.database.db.transaction(async (tx) => {
      const order = (await this.query.find(tx, id, true))!;
      const x = this.checkAmount(order, input.amount);
      const buyerAccount = order.metadata.buyer_account;
      if (!buyerAccount) throw new Error(`wallet order ${id} does not name the buyer's account`);
      await this.books.refund(tx, order, x, buyerAccount);
      await this.records.recordRefunded(tx, order, order.refundedAmount + x);
      if (input.restock) await this.records.restock(tx, order.id);
      return (await this.query.find(tx, id))!;
    });
  }

  private async refundGateway(order: OrderRow, input: RefundInput): Promise<OrderRow> {
    const x = this.checkAmount(order, input.amount);
    // The core records the refund under the payment's row lock and refuses more than was captured.
    await this.payments.refund(order.paymentId!, x, `order ${order.id}`);
    if (input.restock)
      await this.database.db.transaction((tx) => this.records.restock(tx, order.id));
    return (await this.query.find(this.database.db, order.id))!;
  }

  private checkAmount(order: OrderRow, amount: bigint | undefined): bigint {
    if (order.status !== 'COMPLETED' && order.status !== 'REFUNDED') {
      throw new AppError(
        'conflict',
        'order_not_refundable',
        `Order is ${order.status}; only completed orders can be refunded`,
      );
    }
    const remaining = order.amount - order.refundedAmount;
    const x = amount ?? remaining;
    if (x <= 0n || x > remaining) {
      throw AppError.validation(
        `At most ${remaining} of this order can still be refunded`,
        'amount',
        'refund_exceeds_paid',
      );
    }
    return x;
  }
}
