import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { CatalogService } from '../catalog';
import type { UserRow } from '../identity';
import { PaymentsService, ReturnLinks } from '../payments';
import { Database, type Tx } from '../platform/database/database';
import { OrderDrafts, ORDER_PAYABLE, type CreatedOrder, type NewOrder } from './order-drafts';
import { isUnlinked, linkOrderPayment } from './order-links';
import { orders, type OrderRow } from './orders.schema';

/**
 * GATEWAY orders: units reserved with the order (PAYMENT_PROCESSING), then a hosted checkout asked
 * of the payments core outside any transaction; OrderPayments finishes the order when the
 * payment's outcome is known, and `release` ends one that was never paid.
 */
@Injectable()
export class GatewayOrders {
  constructor(
    private readonly database: Database,
    private readonly catalog: CatalogService,
    private readonly payments: PaymentsService,
    private readonly links: ReturnLinks,
    private readonly drafts: OrderDrafts,
  ) {}

  async place(buyer: UserRow, input: NewOrder): Promise<CreatedOrder> {
    const { order, product } = await this.database.db.transaction(async (tx) => {
      const product = await this.catalog.reserveUnits(tx, input.productId, input.quantity);
      const [order] = await tx
        .insert(orders)
        .values(this.drafts.draft(buyer, product, input, { status: 'PAYMENT_PROCESSING' }))
        .returning();
      return { order: order!, product };
    });
    // The units are held while the page is open; "cancel and return" gives them back at once.
    const expiresAt = this.drafts.checkoutExpiry();
    let payment;
    try {
      payment = await this.payments.payByLink({
        payable: { type: ORDER_PAYABLE, id: order.id },
        user: buyer,
        amount: order.amount,
        currency: order.currency,
        method: 'CARD_LINK',
        productName: input.quantity > 1 ? `${product.name} × ${input.quantity}` : product.name,
        successUrl: this.links.orderReturn('success', order.id),
        cancelUrl: this.links.orderReturn('cancel', order.id),
        expiresAt,
      });
    } catch (err) {
      await this.database.db.transaction((tx) =>
        this.release(tx, order, 'FAILED', 'The payment provider could not start the checkout'),
      );
      throw err;
    }
    const [stored] = await this.database.db
      .update(orders)
      .set({ paymentId: payment.id, updatedAt: this.drafts.now() })
      .where(eq(orders.id, order.id))
      .returning();
    return { order: stored!, checkoutUrl: payment.nextActionUrl };
  }

  async checkoutUrl(order: OrderRow): Promise<string | null> {
    // A request that died between payByLink and storing its id left the order unlinked: find its
    // payment now, or the buyer of a replay could never pay (the recovery job links it too).
    const payment = order.paymentId
      ? await this.payments.get(order.paymentId)
      : isUnlinked(order)
        ? await linkOrderPayment(
            this.database.db,
            this.payments,
            { type: ORDER_PAYABLE, id: order.id },
            this.drafts.now(),
          )
        : undefined;
    if (payment) order.paymentId = payment.id; // so the answer shows the link it just made
    return payment?.nextActionUrl ?? null;
  }

  /**
   * Ends an order that never got paid (FAILED or CANCELLED) and gives its units back, once: the
   * guard on PAYMENT_PROCESSING makes a second call (a duplicate event) a no-op.
   */
  async release(
    tx: Tx,
    order: Pick<OrderRow, 'id' | 'productId' | 'quantity'>,
    status: 'FAILED' | 'CANCELLED',
    reason: string,
  ): Promise<boolean> {
    const now = this.drafts.now();
    const [ended] = await tx
      .update(orders)
      .set({
        status,
        failedAt: now,
        failureReason: reason,
        unitsRestored: true,
        updatedAt: now,
      })
      .where(
        and(
          eq(orders.id, order.id),
          eq(orders.status, 'PAYMENT_PROCESSING'),
          eq(orders.unitsRestored, false),
        ),
      )
      .returning();
    if (!ended) return false;
    await this.catalog.releaseUnits(tx, order.productId, order.quantity);
    return true;
  }
}
