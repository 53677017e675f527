import { Injectable } from '@nestjs/common';
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import { PaymentsService } from '../payments';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { isUnlinked, linkOrderPayment } from './order-links';
import { OrdersQuery } from './orders.query';
import { orders, type OrderRow } from './orders.schema';
import { ORDER_PAYABLE, OrdersService } from './orders.service';

export const CHECKOUT_NEVER_STARTED = 'The checkout never started';

/**
 * GATEWAY orders whose payment id was never stored (`isUnlinked`: the request died between
 * reserving the units and storing the checkout's payment id): linking them to their payment for
 * reads and replays, and what the recovery job does with one old enough that its request is over.
 */
@Injectable()
export class UnlinkedOrders {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly payments: PaymentsService,
    private readonly query: OrdersQuery,
    private readonly orders: OrdersService,
  ) {}

  /** The order with its payment id, linked first if a crash left it without (for reads). */
  async linked(order: OrderRow): Promise<OrderRow> {
    if (!isUnlinked(order)) return order;
    const payment = await linkOrderPayment(
      this.database.db,
      this.payments,
      this.payable(order),
      this.clock.now(),
    );
    return payment ? { ...order, paymentId: payment.id } : order;
  }

  /** The oldest unlinked orders created before `before`, at most `limit`. */
  createdBefore(before: Date, limit: number): Promise<OrderRow[]> {
    return this.database.db
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.status, 'PAYMENT_PROCESSING'),
          isNull(orders.paymentId),
          eq(orders.paymentMethod, 'GATEWAY'),
          lt(orders.createdAt, before),
        ),
      )
      .orderBy(asc(orders.createdAt))
      .limit(limit);
  }

  /**
   * Links the order to its payment if one exists; with none at all, releases it FAILED and gives
   * its units back, once (OrdersService.release is guarded). Undefined when another node (or the
   * payment's own paths) got there first.
   */
  async recover(order: OrderRow, now: Date): Promise<'linked' | 'released' | undefined> {
    const payable = this.payable(order);
    if (await linkOrderPayment(this.database.db, this.payments, payable, now)) return 'linked';
    return this.database.db.transaction(async (tx) => {
      // Under the order's row lock (which the payment handlers and other nodes' runs take too),
      // look again: another node may have ended or linked it, or its payment appeared since.
      const locked = await this.query.find(tx, order.id, true);
      if (!locked || !isUnlinked(locked)) return undefined;
      if ((await this.payments.forPayable(payable)).length > 0) return undefined; // next run links
      const released = await this.orders.release(tx, locked, 'FAILED', CHECKOUT_NEVER_STARTED);
      return released ? 'released' : undefined;
    });
  }

  private payable(order: Pick<OrderRow, 'id'>) {
    return { type: ORDER_PAYABLE, id: order.id };
  }
}
