import { z } from 'zod';
import { toJsonNumber } from '../platform/money';
import { ORDER_PAYMENT_METHODS, ORDER_STATUSES, type OrderRow } from './orders.schema';

export const OrderView = z.object({
  id: z.string(),
  userId: z.string(),
  productId: z.string(),
  merchantId: z.string(),
  quantity: z.number().int(),
  amount: z.number().int(),
  fee: z.number().int(),
  currency: z.string(),
  paymentMethod: z.enum(ORDER_PAYMENT_METHODS),
  status: z.enum(ORDER_STATUSES),
  paymentId: z.string().nullable(),
  refundedAmount: z.number().int(),
  unitsRestored: z.boolean(),
  completedAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  failureReason: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrderView = z.infer<typeof OrderView>;

/** A new order; gateway orders carry the hosted checkout page the buyer pays on. */
export const CreatedOrderView = OrderView.extend({ checkoutUrl: z.string().nullable() });

/** Internal bookkeeping keys (the buyer's ledger account) stay out of the API. */
function publicMetadata(m: Record<string, string>): Record<string, string> {
  const { buyer_account: _internal, ...rest } = m;
  return rest;
}

export function toOrderView(o: OrderRow): OrderView {
  return {
    id: o.id,
    userId: o.userId,
    productId: o.productId,
    merchantId: o.merchantId,
    quantity: o.quantity,
    amount: toJsonNumber(o.amount),
    fee: toJsonNumber(o.fee),
    currency: o.currency,
    paymentMethod: o.paymentMethod,
    status: o.status,
    paymentId: o.paymentId,
    refundedAmount: toJsonNumber(o.refundedAmount),
    unitsRestored: o.unitsRestored,
    completedAt: o.completedAt?.toISOString() ?? null,
    failedAt: o.failedAt?.toISOString() ?? null,
    failureReason: o.failureReason,
    metadata: publicMetadata(o.metadata),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
