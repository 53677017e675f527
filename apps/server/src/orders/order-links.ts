import { and, eq, isNull } from 'drizzle-orm';
import type { PaymentRow, PayableRef, PaymentsService } from '../payments';
import type { Db } from '../platform/database/database';
import { orders, type OrderRow } from './orders.schema';

/**
 * A GATEWAY order still awaiting payment that has no payment id: the request that created it died
 * (or is still running) between reserving its units and storing the checkout's payment id.
 */
export const isUnlinked = (o: OrderRow): boolean =>
  o.paymentMethod === 'GATEWAY' && o.status === 'PAYMENT_PROCESSING' && !o.paymentId;

/**
 * Finds the payment the payments core holds for an unlinked order and stores its id on the order,
 * so replays and reads show its checkout again. `payable` is the order as the payments core knows
 * it (`{ type: ORDER_PAYABLE, id: order.id }`; passed in because that constant lives in
 * orders.service, which calls this). The update only fills an empty `payment_id`, so concurrent
 * linkers (a replay, a read, the recovery job on another node, the original request's own late
 * update) all store the same id and none overwrites another. Undefined when no payment exists.
 */
export async function linkOrderPayment(
  db: Db,
  payments: Pick<PaymentsService, 'forPayable'>,
  payable: PayableRef,
  now: Date,
): Promise<PaymentRow | undefined> {
  // An order starts one checkout; should there ever be more, the newest (ids sort by time) wins,
  // the same one on every node.
  const payment = (await payments.forPayable(payable)).at(-1);
  if (!payment) return undefined;
  await db
    .update(orders)
    .set({ paymentId: payment.id, updatedAt: now })
    .where(and(eq(orders.id, payable.id), isNull(orders.paymentId)));
  return payment;
}
