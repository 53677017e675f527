import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { CatalogService } from '../catalog';
import type { PaymentRow } from '../payments';
import { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/database';
import { OrderBooks } from './order-books';
import { OrdersQuery } from './orders.query';
import { orders, type OrderRow } from './orders.schema';

/**
 * What a refund writes on the order row: the refunded total and status, and its units given back;
 * and, for a refund the provider made, its booking.
 */
@Injectable()
export class OrderRefundRecords {
  constructor(
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    private readonly query: OrdersQuery,
    private readonly books: OrderBooks,
  ) {}

  /** Books what the provider refunded beyond what the order has booked already. */
  async bookProviderRefund(tx: Tx, p: PaymentRow): Promise<void> {
    const order = (await this.query.find(tx, p.payableId))!;
    if (order.status !== 'COMPLETED' && order.status !== 'REFUNDED') return;
    const delta = p.amountRefunded - order.refundedAmount;
    if (delta <= 0n) return;
    await this.books.refund(tx, order, delta);
    await this.recordRefunded(tx, order, p.amountRefunded);
  }

  /** Sets the refunded total; REFUNDED once it reaches the amount. Caller holds the order's lock. */
  async recordRefunded(tx: Tx, order: OrderRow, total: bigint): Promise<void> {
    await tx
      .update(orders)
      .set({
        refundedAmount: total,
        status: total === order.amount ? 'REFUNDED' : order.status,
        updatedAt: this.clock.now(),
      })
      .where(eq(orders.id, order.id));
  }

  /** Gives a refunded order's units back to the product, at most once. */
  async restock(tx: Tx, id: string): Promise<void> {
    const [claimed] = await tx
      .update(orders)
      .set({ unitsRestored: true, updatedAt: this.clock.now() })
      .where(and(eq(orders.id, id), eq(orders.unitsRestored, false)))
      .returning();
    if (claimed) await this.catalog.releaseUnits(tx, claimed.productId, claimed.quantity);
  }
}
