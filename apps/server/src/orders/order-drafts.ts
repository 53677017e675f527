import { Injectable } from '@nestjs/common';
import type { ProductRow } from '../catalog';
import type { UserRow } from '../identity';
import { Clock } from '../platform/clock';
import { Config } from '../platform/config/config';
import { newId } from '../platform/ids/ids';
import { totalOf } from '../platform/money';
import { feeFor } from './fees';
import { orders, type OrderPaymentMethod, type OrderRow } from './orders.schema';

export const ORDER_PAYABLE = 'order';

export interface NewOrder {
  productId: string;
  quantity: number;
  paymentMethod: OrderPaymentMethod;
  /** The request's Idempotency-Key, kept on the order (unique per buyer) beyond the 24 h store. */
  idempotencyKey?: string;
}

export interface CreatedOrder {
  order: OrderRow;
  checkoutUrl: string | null;
}

/**
 * Added to a checkout's expiry so a provider clock a little ahead of ours never sees less than
 * its 30-minute minimum.
 */
const EXPIRY_CLOCK_MARGIN_MS = 60_000;

/**
 * What every new order is made of, whichever way it is paid: its row as priced from the product
 * read (id, amount, platform fee) and the times it is stamped with.
 */
@Injectable()
export class OrderDrafts {
  constructor(
    private readonly clock: Clock,
    private readonly config: Config,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /**
   * When a checkout's page stops taking payment. The units are held while the page is open: a
   * short expiry (ORDER_CHECKOUT_EXPIRY_SECONDS) gives them back soon if the buyer just leaves.
   */
  checkoutExpiry(): Date {
    return new Date(
      this.clock.now().getTime() +
        this.config.orders.checkoutExpirySeconds * 1000 +
        EXPIRY_CLOCK_MARGIN_MS,
    );
  }

  /** The order row for `product` as it was read; `extra` sets its status and the like. */
  draft(
    buyer: UserRow,
    product: ProductRow,
    input: NewOrder,
    extra: Partial<typeof orders.$inferInsert>,
  ): typeof orders.$inferInsert {
    const now = this.clock.now();
    // Checked against MAX_AMOUNT before any statement sees it (a stored price may predate the bound).
    const amount = totalOf(product.price, input.quantity);
    return {
      id: newId('order', now.getTime()),
      userId: buyer.id,
      productId: product.id,
      merchantId: product.merchantId,
      quantity: input.quantity,
      amount,
      fee: feeFor(amount, this.config.orders.platformFeeBps),
      currency: product.currency,
      paymentMethod: input.paymentMethod,
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: now,
      updatedAt: now,
      ...extra,
    };
  }
}
