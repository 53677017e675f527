import { Injectable } from '@nestjs/common';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { Logger } from '../platform/logging/logger';
import { PaymentAttempts } from './payment-attempts';
import { PaymentSync, type PayableRef } from './payment-sync';
import { PaymentWriter } from './payment-writer';
import { payments, type PaymentRow } from './payments.schema';
import { PaymentProvider } from './provider/payment-provider';
import { SavedCards } from './saved-cards';

/** Marks a payment whose intent the payer's browser confirms (metadata.confirmation). */
export const CLIENT_CONFIRMATION = 'client';

export interface ClientIntentInput {
  payable: PayableRef;
  user: Pick<UserRow, 'id' | 'email'>;
  /** What the payable says is owed now: the server's amount, never the browser's. */
  amount: bigint;
  currency: string;
  description?: string;
}

export interface ClientIntent {
  payment: PaymentRow;
  /** For the provider's client library (Stripe.js confirmCardPayment); never stored by us. */
  clientSecret: string;
}

/** Statuses in which a client-confirmed intent still waits for its payer. */
const OPEN = ['CREATED', 'REQUIRES_ACTION'] as const;

/**
 * Payment intents confirmed by the payer's browser (automatic capture, card typed on the provider's
 * origin): one open intent per payable. Asking again returns the open one; if the payable's amount
 * changed, a new one is made and the old one cancelled at the provider, so it can never take money.
 * The decision is taken under a per-payable advisory lock in a short transaction; the provider is
 * called after it, with keys derived from the payment id, so concurrent or replayed calls (and a
 * crash between our row and the provider's intent) end with one intent. Whether it was paid is only
 * ever learnt from the provider (webhook or a read), never from the browser.
 */
@Injectable()
export class ClientIntents {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly savedCards: SavedCards,
    private readonly attempts: PaymentAttempts,
    private readonly payments: PaymentSync,
    private readonly writer: PaymentWriter,
    private readonly logger: Logger,
  ) {}

  async open(input: ClientIntentInput): Promise<ClientIntent> {
    const currency = input.currency.toLowerCase();
    const customerId = await this.savedCards.ensure(input.user);
    const { payment, stale } = await this.database.db.transaction(async (tx) => {
      const lockKey = `client-intent:${input.payable.type}:${input.payable.id}`;
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`);
      const open = await tx
        .select()
        .from(payments)
        .where(
          and(
            eq(payments.payableType, input.payable.type),
            eq(payments.payableId, input.payable.id),
            inArray(payments.status, [...OPEN]),
            sql`${payments.metadata}->>'confirmation' = ${CLIENT_CONFIRMATION}`,
          ),
        )
        .orderBy(payments.id);
      const same = open.find(
        (p) => p.amount === input.amount && p.currency === currency && p.userId === input.user.id,
      );
      const others = open.filter((p) => p !== same);
      if (same) return { payment: same, stale: others };
      const now = this.clock.now();
      const [row] = await tx
        .insert(payments)
        .values({
          id: newId('payment', now.getTime()),
          payableType: input.payable.type,
          payableId: input.payable.id,
          userId: input.user.id,
          method: 'CARD',
          currency,
          amount: input.amount,
          captureMethod: 'AUTOMATIC',
          providerCustomerId: customerId,
          provider: this.provider.name,
          metadata: { confirmation: CLIENT_CONFIRMATION },
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return { payment: row!, stale: others };
    });
    for (const old of stale) await this.supersede(old);

    if (payment.providerIntentId) {
      // The open one: read it (its secret, and anything the provider knows that we missed).
      const intent = await this.provider.retrieveIntent(payment.providerIntentId);
      const current = await this.attempts.applyIntent(payment.id, intent, 'api');
      return this.answer(current, intent.clientSecret);
    }
    const intent = await this.attempts.call(payment, 'intents.create', () =>
      this.provider.createIntent(
        {
          amount: payment.amount,
          currency,
          customerId,
          captureMethod: 'AUTOMATIC',
          confirmation: 'client',
          description: input.description,
          metadata: {
            payment_id: payment.id,
            payable_type: payment.payableType,
            payable_id: payment.payableId,
          },
        },
        `${payment.id}:create`,
      ),
    );
    const linked = await this.attempts.linkIntent(payment.id, intent.id);
    return this.answer(linked, intent.clientSecret);
  }

  /** The payment of a provider intent id, for its payer (or an admin); 404 for anyone else. */
  async forIntent(intentId: string, actor: Pick<UserRow, 'id' | 'role'>): Promise<PaymentRow> {
    const [row] = await this.database.db
      .select()
      .from(payments)
      .where(eq(payments.providerIntentId, intentId));
    if (!row || (row.userId !== actor.id && actor.role !== 'ADMIN'))
      throw AppError.notFound('payment_intent', intentId);
    return row;
  }

  private answer(payment: PaymentRow, secret: string | null): ClientIntent {
    if (!secret) throw new AppError('internal', 'client_secret_missing', 'No client secret');
    if (!OPEN.includes(payment.status as (typeof OPEN)[number])) {
      throw new AppError(
        'conflict',
        'payment_not_open',
        `The payment is ${payment.status}; ask for a new intent`,
        { paymentId: payment.id },
      );
    }
    return { payment, clientSecret: secret };
  }

  /**
   * An open intent for an amount no longer owed: cancelled at the provider (so the old secret can
   * take nothing). One the payer completed meanwhile is read instead: its payable hears the truth.
   */
  private async supersede(old: PaymentRow): Promise<void> {
    if (!old.providerIntentId) {
      await this.writer.apply(old.id, { status: 'CANCELLED' }, 'api');
      return;
    }
    try {
      const intent = await this.provider.cancelIntent(old.providerIntentId, `${old.id}:supersede`);
      await this.attempts.applyIntent(old.id, intent, 'api');
    } catch (err) {
      this.logger.warn({ err, paymentId: old.id }, 'a superseded intent could not be cancelled');
      await this.payments.sync(old.id, 'api');
    }
  }
}
