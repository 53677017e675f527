import { Injectable } from '@nestjs/common';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database, type Tx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { Logger } from '../platform/logging/logger';
import { PayablesRegistry } from './payables-registry';
import {
  EVENT_FOR_STATUS,
  reduce,
  type Observation,
  type PaymentState,
  type TransitionCause,
} from './payment-state';
import { PaymentMetrics } from './payment-metrics';
import { payments, paymentTransitions, refunds, type PaymentRow } from './payments.schema';

/**
 * What Tender's own refunds of a payment add up to, pending or succeeded (not failed or canceled):
 * the money a payable must already treat as gone, before the provider confirms it.
 */
export async function refundsRequested(tx: Tx, paymentId: string): Promise<bigint> {
  const [row] = await tx
    .select({ total: sql<bigint>`coalesce(sum(${refunds.amount}), 0)::bigint`.mapWith(BigInt) })
    .from(refunds)
    .where(
      and(
        eq(refunds.paymentId, paymentId),
        inArray(refunds.status, ['PENDING', 'REQUIRES_ACTION', 'SUCCEEDED']),
      ),
    );
  return row?.total ?? 0n;
}

/** Locks a payment's row for the rest of the transaction: every writer of a payment queues here. */
export async function lockPayment(tx: Tx, paymentId: string): Promise<PaymentRow> {
  const [row] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for('update');
  if (!row) throw AppError.notFound('payment', paymentId);
  return row;
}

/** Where an observation came from: on hosted pages a failed *intent* attempt is not the end. */
export type ObservationSource = 'intent' | 'session' | 'charge' | 'refund' | 'dispute' | 'internal';

export interface ProviderRefs {
  providerIntentId?: string | null;
  providerSessionId?: string | null;
  providerChargeId?: string | null;
  providerPaymentMethodId?: string | null;
}

const stateOf = (p: PaymentRow): PaymentState => ({
  status: p.status,
  amount: p.amount,
  amountCapturable: p.amountCapturable,
  amountCaptured: p.amountCaptured,
  amountRefunded: p.amountRefunded,
  nextActionUrl: p.nextActionUrl,
  failureCode: p.failureCode,
  failureMessage: p.failureMessage,
  declineCode: p.declineCode,
  incrementalAuthorization: p.incrementalAuthorization,
  captureBefore: p.captureBefore,
});

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
const sameState = (a: PaymentState, b: PaymentState) =>
  (Object.keys(a) as (keyof PaymentState)[]).every((k) => same(a[k], b[k]));

/**
 * The one writer of payment state. Everything that learns something about a payment — the API call
 * that confirmed it, the browser coming back from 3-D Secure, a webhook, reconciliation — hands an
 * Observation to `apply`. It locks the row (SELECT … FOR UPDATE), so writers for one payment queue up
 * instead of racing; merges with `reduce` (the transition table); records the transition; and tells
 * the payable in the same transaction.
 */
@Injectable()
export class PaymentWriter {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly registry: PayablesRegistry,
    private readonly metrics: PaymentMetrics,
  ) {}

  apply(
    paymentId: string,
    obs: Observation,
    cause: TransitionCause,
    refs: ProviderRefs = {},
    source: ObservationSource = 'internal',
  ): Promise<PaymentRow> {
    return this.database.db.transaction((tx) =>
      this.applyInTx(tx, paymentId, obs, cause, refs, source),
    );
  }

  async applyInTx(
    tx: Tx,
    paymentId: string,
    obs: Observation,
    cause: TransitionCause,
    refs: ProviderRefs = {},
    source: ObservationSource = 'internal',
  ): Promise<PaymentRow> {
    const current = await lockPayment(tx, paymentId);
    // The payer of a hosted page may retry after a decline; only the page's expiry ends it.
    const hosted = current.method === 'CARD_LINK' || current.method === 'CRYPTO_LINK';
    const effective =
      hosted && source === 'intent' && obs.status === 'FAILED'
        ? { ...obs, status: undefined }
        : obs;
    const before = stateOf(current);
    const after = reduce(before, effective);
    // Intent and session ids are set once; the latest charge and payment method may change.
    const newRefs = Object.fromEntries(
      Object.entries(refs).filter(([k, v]) => {
        const existing = current[k as keyof ProviderRefs];
        return (
          v &&
          existing !== v &&
          (existing === null || k === 'providerChargeId' || k === 'providerPaymentMethodId')
        );
      }),
    ) as ProviderRefs;
    if (sameState(before, after) && Object.keys(newRefs).length === 0) return current;

    const now = this.clock.now();
    const [updated] = await tx
      .update(payments)
      .set({ ...after, ...newRefs, updatedAt: now })
      .where(eq(payments.id, paymentId))
      .returning();
    const payment = updated!;
    const refundGrew = after.amountRefunded > before.amountRefunded;
    const amountMoved = after.amount !== before.amount;
    if (after.status !== before.status || amountMoved) {
      // A raised hold is no status change, but it is recorded beside them, with both amounts.
      await tx.insert(paymentTransitions).values({
        id: newId('paymentTransition', now.getTime()),
        paymentId,
        fromStatus: before.status,
        toStatus: after.status,
        ...(amountMoved ? { fromAmount: before.amount, toAmount: after.amount } : {}),
        cause,
        createdAt: now,
      });
      this.logger.info(
        {
          paymentId,
          from: before.status,
          to: after.status,
          ...(amountMoved
            ? { fromAmount: String(before.amount), toAmount: String(after.amount) }
            : {}),
          cause,
        },
        amountMoved ? 'payment amount changed' : 'payment transition',
      );
    }
    if (after.status !== before.status) this.metrics.transition(payment, after.status);
    const type = EVENT_FOR_STATUS[after.status];
    // A further partial refund changes no status but is still news to the payable.
    if (type && (after.status !== before.status || (refundGrew && type === 'payment.refunded'))) {
      await this.registry.dispatch(tx, {
        type,
        payment,
        previousStatus: before.status,
        ...(type === 'payment.refunded'
          ? { refundsRequested: await refundsRequested(tx, paymentId) }
          : {}),
      });
    }
    return payment;
  }

  /**
   * Tells the payable that Tender's own refunds of the payment changed (one was recorded, or one
   * failed) with no change the provider reported yet. The caller holds the payment's row lock; a
   * payable may refuse (throw), which rolls the refund's record back with it.
   */
  async refundRequested(tx: Tx, payment: PaymentRow, force = false): Promise<void> {
    await this.registry.dispatch(tx, {
      type: 'payment.refund_requested',
      payment,
      previousStatus: payment.status,
      refundsRequested: await refundsRequested(tx, payment.id),
      force,
    });
  }
}
