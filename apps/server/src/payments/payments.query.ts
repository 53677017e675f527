import { Injectable } from '@nestjs/common';
import { eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import { Database } from '../platform/database/database';
import { CurrencySchema } from '../platform/money';
import { PageQuery, selectPage, type Page } from '../platform/http/pagination';
import { PAYMENT_METHODS, PAYMENT_STATUSES, payments } from './payments.schema';
import { toPaymentView, type PaymentView } from './payments.view';

export const PaymentListQuery = PageQuery.extend({
  status: z.enum(PAYMENT_STATUSES).optional(),
  method: z.enum(PAYMENT_METHODS).optional(),
  payableType: z.string().min(1).max(64).optional(),
  payableId: z.string().min(1).max(64).optional(),
  userId: z.string().min(1).max(64).optional(),
  currency: CurrencySchema.optional(),
  createdFrom: z.iso.datetime({ offset: true }).optional(),
  createdTo: z.iso.datetime({ offset: true }).optional(),
});
export type PaymentListQuery = z.infer<typeof PaymentListQuery>;

/** The admin's view over all payments: filtered, newest first, cursor-paginated. */
@Injectable()
export class PaymentsQuery {
  constructor(private readonly database: Database) {}

  async list(q: PaymentListQuery): Promise<Page<PaymentView>> {
    return selectPage(
      this.database.db.select().from(payments).$dynamic(),
      payments.id,
      q,
      [
        q.status ? eq(payments.status, q.status) : undefined,
        q.method ? eq(payments.method, q.method) : undefined,
        q.payableType ? eq(payments.payableType, q.payableType) : undefined,
        q.payableId ? eq(payments.payableId, q.payableId) : undefined,
        q.userId ? eq(payments.userId, q.userId) : undefined,
        q.currency ? eq(payments.currency, q.currency) : undefined,
        q.createdFrom ? gte(payments.createdAt, new Date(q.createdFrom)) : undefined,
        q.createdTo ? lt(payments.createdAt, new Date(q.createdTo)) : undefined,
      ],
      toPaymentView,
    );
  }
}
