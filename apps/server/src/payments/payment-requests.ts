import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { payments, type PaymentRow } from './payments.schema';

type NewPayment = typeof payments.$inferInsert & { id: string };

/**
 * Records a payment for a request, once per request key. The key (the client's Idempotency-Key)
 * is stored on the payment under a unique index (user, key), so a replay at any time — after a
 * crash past the key store's lock, a day later — finds the first payment (`resumed`) instead of
 * charging again; the provider's keys derive from the payment id, so they agree too. A payer
 * without an account is matched by (payable, key) instead, under its own unique index. The same key
 * for a different amount, currency or payable is the client's mistake: 422, as the key store says.
 */
export async function claimPayment(
  database: Database,
  values: NewPayment,
  requestKey: string | undefined,
): Promise<{ payment: PaymentRow; resumed: boolean }> {
  const [row] = await database.db
    .insert(payments)
    .values({ ...values, requestKey: requestKey ?? null })
    .onConflictDoNothing()
    .returning();
  if (row) return { payment: row, resumed: false };
  if (requestKey === undefined) throw new Error('payment insert refused');
  const [first] = await database.db
    .select()
    .from(payments)
    .where(
      values.userId
        ? and(eq(payments.userId, values.userId), eq(payments.requestKey, requestKey))
        : and(
            isNull(payments.userId),
            eq(payments.payableType, values.payableType),
            eq(payments.payableId, values.payableId),
            eq(payments.requestKey, requestKey),
          ),
    );
  if (!first) throw new Error('payment insert refused');
  const same =
    first.payableType === values.payableType &&
    first.payableId === values.payableId &&
    first.amount === values.amount &&
    first.currency === values.currency &&
    first.method === values.method;
  if (!same) {
    throw AppError.idempotencyKeyReused(
      'This Idempotency-Key was used for a different payment',
      'Idempotency-Key',
    );
  }
  return { payment: first, resumed: true };
}
