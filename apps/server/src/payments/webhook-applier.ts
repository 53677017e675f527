import { Inject, Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { BillingEvents } from './billing-events';
import { EventFactsWriter } from './event-facts-writer';
import { PaymentMetrics } from './payment-metrics';
import { webhookEvents } from './payments.schema';
import { BILLING_PROVIDER, type BillingProvider } from './provider/billing-port';
import { PaymentProvider } from './provider/payment-provider';

/**
 * Applies a stored webhook event (the job's work): the event row locked, its facts written and the
 * event marked processed in one transaction, so it is applied exactly once even across a crash.
 */
@Injectable()
export class WebhookApplier {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly metrics: PaymentMetrics,
    private readonly facts: EventFactsWriter,
    @Inject(BILLING_PROVIDER) private readonly billing: BillingProvider,
    private readonly billingEvents: BillingEvents,
  ) {}

  /** Applies one stored event, at most once. */
  async apply(eventId: string): Promise<void> {
    try {
      await this.database.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(webhookEvents)
          .where(eq(webhookEvents.id, eventId))
          .for('update');
        if (!row || row.processedAt) return;
        const payload = row.payload as Parameters<PaymentProvider['interpretEvent']>[0];
        const facts = this.provider.interpretEvent(payload);
        if (facts) await this.facts.applyInTx(tx, facts, `webhook:${eventId}`);
        // Subscription and invoice events are about no one payment: their listeners book them.
        const billing = this.billing.interpretEvent(payload);
        if (billing) await this.billingEvents.dispatch(tx, billing, eventId);
        await tx
          .update(webhookEvents)
          .set({
            processedAt: this.clock.now(),
            attempts: sql`${webhookEvents.attempts} + 1`,
            lastError: null,
          })
          .where(eq(webhookEvents.id, eventId));
        this.metrics.webhook('applied', row.type);
      });
    } catch (err) {
      this.metrics.webhook('failed');
      await this.database.db
        .update(webhookEvents)
        .set({
          attempts: sql`${webhookEvents.attempts} + 1`,
          lastError: String(err).slice(0, 1000),
        })
        .where(eq(webhookEvents.id, eventId));
      throw err;
    }
  }
}
