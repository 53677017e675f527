import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { PaymentAttempts } from './payment-attempts';
import type { TransitionCause } from './payment-state';
import { PaymentWriter } from './payment-writer';
import { payments, type PaymentRow } from './payments.schema';
import { PaymentProvider } from './provider/payment-provider';

export interface PayableRef {
  type: string;
  id: string;
}

/** Payments as recorded, and as the provider has them now (read and applied through the writer). */
@Injectable()
export class PaymentSync {
  constructor(
    private readonly database: Database,
    private readonly provider: PaymentProvider,
    private readonly writer: PaymentWriter,
    private readonly attempts: PaymentAttempts,
  ) {}

  async get(id: string): Promise<PaymentRow> {
    const [row] = await this.database.db.select().from(payments).where(eq(payments.id, id));
    if (!row) throw AppError.notFound('payment', id);
    return row;
  }

  async forPayable(payable: PayableRef): Promise<PaymentRow[]> {
    return this.database.db
      .select()
      .from(payments)
      .where(and(eq(payments.payableType, payable.type), eq(payments.payableId, payable.id)))
      .orderBy(payments.id);
  }

  /** Reads the provider's truth for this payment and applies it (browser return, reconciliation). */
  async sync(paymentId: string, cause: TransitionCause): Promise<PaymentRow> {
    const p = await this.get(paymentId);
    if (p.providerSessionId) {
      const session = await this.provider.retrieveCheckout(p.providerSessionId);
      await this.writer.apply(
        p.id,
        session.observation,
        cause,
        { providerIntentId: session.intentId },
        'session',
      );
    }
    const current = await this.get(paymentId);
    if (!current.providerIntentId) return current;
    return this.attempts.applyIntent(
      p.id,
      await this.provider.retrieveIntent(current.providerIntentId),
      cause,
    );
  }
}
