import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { products } from '../catalog/catalog.schema';
import { users } from '../identity/identity.schema';
import {
  currencyCheck,
  currencyCode,
  money,
  moneyFromZero,
  positiveCheck,
  primaryId,
  ref,
  timestamps,
  ts,
} from '../platform/database/columns';

export const ORDER_PAYMENT_METHODS = ['WALLET', 'GATEWAY'] as const;
export type OrderPaymentMethod = (typeof ORDER_PAYMENT_METHODS)[number];
export const orderPaymentMethod = pgEnum('order_payment_method', ORDER_PAYMENT_METHODS);

export const ORDER_STATUSES = [
  'PENDING',
  'PAYMENT_PROCESSING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const orderStatus = pgEnum('order_status', ORDER_STATUSES);

/**
 * A purchase of `quantity` units of one product. Units are reserved from the product in the same
 * transaction the order is inserted; they go back (once: `unitsRestored`) when the order fails, is
 * cancelled, or is refunded with restock. Money moves only through the ledger (journal entries
 * referencing the order or, for gateway orders, its payment).
 */
export const orders = pgTable(
  'orders',
  {
    id: primaryId(),
    /** The buyer. */
    userId: ref('user_id', () => users.id),
    productId: ref('product_id', () => products.id),
    /** Copied from the product at purchase: who is paid, and who may see and refund the order. */
    merchantId: ref('merchant_id', () => users.id),
    quantity: integer('quantity').notNull(),
    /** price × quantity, in minor units. */
    amount: money('amount').notNull(),
    /** The platform's cut of `amount` (PLATFORM_FEE_BPS at purchase time). */
    fee: money('fee').notNull(),
    currency: currencyCode(),
    paymentMethod: orderPaymentMethod('payment_method').notNull(),
    status: orderStatus('status').notNull().default('PENDING'),
    /** The gateway payment (payments core) for GATEWAY orders. */
    paymentId: text('payment_id'),
    refundedAmount: moneyFromZero('refunded_amount'),
    /** True once the reserved units went back to the product; they can go back only once. */
    unitsRestored: boolean('units_restored').notNull().default(false),
    idempotencyKey: text('idempotency_key'),
    completedAt: ts('completed_at'),
    failedAt: ts('failed_at'),
    failureReason: text('failure_reason'),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    // Defence in depth beside the Idempotency-Key store, whose rows expire after 24 h.
    uniqueIndex('orders_user_idempotency_key').on(t.userId, t.idempotencyKey),
    index('orders_user_idx').on(t.userId, t.id),
    index('orders_merchant_idx').on(t.merchantId, t.id),
    index('orders_product_idx').on(t.productId),
    index('orders_payment_idx').on(t.paymentId),
    // The recovery job's per-minute search (order-recovery.ts): only gateway orders in flight or
    // left behind by a crash match, so it stays tiny and the job never scans every order.
    index('orders_unlinked_checkout_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'PAYMENT_PROCESSING' AND ${t.paymentId} IS NULL`),
    positiveCheck('orders', t.quantity, 'quantity'),
    positiveCheck('orders', t.amount),
    check('orders_fee_range', sql`${t.fee} >= 0 AND ${t.fee} <= ${t.amount}`),
    check(
      'orders_refunded_range',
      sql`${t.refundedAmount} >= 0 AND ${t.refundedAmount} <= ${t.amount}`,
    ),
    currencyCheck('orders', t.currency),
  ],
);

export type OrderRow = typeof orders.$inferSelect;
