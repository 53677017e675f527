import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { Roles } from '../identity';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { Doc } from '../platform/http/doc';
import { toJsonNumber } from '../platform/money';
import { PAYMENT_STATUSES, paymentTransitions, payments } from './payments.schema';

const TransitionView = z.object({
  id: z.string(),
  fromStatus: z.enum(PAYMENT_STATUSES),
  toStatus: z.enum(PAYMENT_STATUSES),
  /** Both set when the row records a change of the amount (a hold raised). */
  fromAmount: z.number().int().nullable(),
  toAmount: z.number().int().nullable(),
  cause: z.string(),
  createdAt: z.string(),
});

/**
 * The audit rows the one writer stores, for the admin's payment page. Not paginated: the state
 * machine bounds how many transitions one payment can have.
 */
@ApiTags('payments')
@Controller('api/v1/admin/payments')
export class PaymentTransitionsController {
  constructor(private readonly database: Database) {}

  @Get(':id/transitions')
  @Roles('ADMIN')
  @Doc({
    summary: "A payment's status and amount changes, oldest first, with their cause (admin)",
    response: z.object({ data: z.array(TransitionView) }),
  })
  async list(@Param('id', { schema: z.string().min(1).max(64) }) id: string) {
    const db = this.database.db;
    const [found] = await db.select({ id: payments.id }).from(payments).where(eq(payments.id, id));
    if (!found) throw AppError.notFound('payment', id);
    const rows = await db
      .select()
      .from(paymentTransitions)
      .where(eq(paymentTransitions.paymentId, id))
      .orderBy(asc(paymentTransitions.createdAt), asc(paymentTransitions.id));
    return {
      data: rows.map((r) => ({
        id: r.id,
        fromStatus: r.fromStatus,
        toStatus: r.toStatus,
        fromAmount: r.fromAmount === null ? null : toJsonNumber(r.fromAmount),
        toAmount: r.toAmount === null ? null : toJsonNumber(r.toAmount),
        cause: r.cause,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }
}
