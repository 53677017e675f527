import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { CatalogService } from '../catalog';
import { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/database';
import { orders, type OrderRow } from './orders.schema';

/** What a refund writes on the order row: the refunded total and status, and its units given back. */
@Injectable()
export class OrderRefundRecords {
  constructor(
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
  ) {}

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
