import { Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq, inArray } from 'drizzle-orm';
import { PayablesRegistry, type PaymentDomainEvent } from '../payments';
import { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/database';
import { Logger } from '../platform/logging/logger';
import { chargingSessions } from './charging.schema';
import { SessionBooks } from './session-books';
import { SessionReceipts } from './session-receipts';
import { isLinkPayment, linkKey } from './link-modes';
import { chargingSessionPayers } from './session-payers.schema';
import { SESSION_PAYABLE } from './session-queues';

/**
 * Charging sessions as a payable of the payments core: what each outcome of the session's hold
 * does, inside the transaction that changes the payment, under the session's row lock. Every
 * outcome is handled, after the revenue was posted too: a capture books the revenue and marks the
 * session CAPTURED; refunds and disputes (opened, won, lost) are reconciled by SessionBooks; a hold
 * released or expired marks it RELEASED — or flags it when there was something to bill. A paid
 * payment link (seed 000) is booked as a capture is; a link expired or failed flags the session
 * until a new one is paid.
 */
@Injectable()
export class SessionPayments implements OnModuleInit {
  constructor(
    private readonly registry: PayablesRegistry,
    private readonly clock: Clock,
    private readonly books: SessionBooks,
    private readonly receipts: SessionReceipts,
    private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.registry.register(SESSION_PAYABLE, (tx, event) => this.handle(tx, event));
  }

  private async handle(tx: Tx, event: PaymentDomainEvent): Promise<void> {
    const p = event.payment;
    const [s] = await tx
      .select()
      .from(chargingSessions)
      .where(eq(chargingSessions.id, p.payableId))
      .for('update');
    if (!s) return;
    const now = this.clock.now();
    if (isLinkPayment(p) && this.linkLapsed(event.type))
      return this.linkEnded(tx, s, p, event.type === 'payment.failed' ? 'failed' : 'expired');
    switch (event.type) {
      case 'payment.succeeded':
      case 'payment.refunded':
      case 'payment.disputed':
        if (p.amountCaptured <= 0n) return;
        await tx
          .update(chargingSessions)
          .set({
            captureStatus: 'CAPTURED',
            capturedAmount: p.amountCaptured,
            // An increment the guard saw through but never recorded still authorised this much.
            authorizedAmount:
              s.authorizedAmount !== null && s.authorizedAmount > p.amount
                ? s.authorizedAmount
                : p.amount,
            captureError: null,
            updatedAt: now,
          })
          .where(eq(chargingSessions.id, s.id));
        await this.books.reconcile(tx, s, p);
        if (s.captureStatus !== 'CAPTURED')
          await this.receipts.captured(tx, s, p.amountCaptured, isLinkPayment(p));
        return;
      case 'payment.canceled':
      case 'payment.expired': {
        if (s.captureStatus === 'CAPTURED') return;
        const owed = s.status === 'COMPLETED' && (s.cost ?? 0n) > 0n;
        if (owed)
          this.logger.warn(
            { sessionId: s.id, paymentId: p.id, cost: s.cost?.toString() },
            'the hold of a completed session was released before its capture',
          );
        await tx
          .update(chargingSessions)
          .set({
            captureStatus: owed ? 'FAILED' : 'RELEASED',
            captureError: owed ? `The hold was ${p.status} before the capture` : null,
            updatedAt: now,
          })
          .where(eq(chargingSessions.id, s.id));
        // A hold gone before the charger started: the session cannot start any more.
        await tx
          .update(chargingSessions)
          .set({ status: 'FAILED', failureCode: 'hold_released', endedAt: now, updatedAt: now })
          .where(
            and(
              eq(chargingSessions.id, s.id),
              inArray(chargingSessions.status, ['AUTHORIZING', 'STARTING']),
            ),
          );
        return;
      }
      case 'payment.failed':
        await tx
          .update(chargingSessions)
          .set({
            status: 'FAILED',
            failureCode: p.declineCode ?? p.failureCode ?? 'card_declined',
            failureMessage: p.failureMessage ?? 'The hold was not placed',
            endedAt: now,
            updatedAt: now,
          })
          .where(and(eq(chargingSessions.id, s.id), eq(chargingSessions.status, 'AUTHORIZING')));
        return;
      case 'payment.authorized':
      case 'payment.requires_action':
      case 'payment.refund_requested':
        // The start flow moves the session on; a refund is booked once the provider confirms it.
        return;
    }
  }

  private linkLapsed(type: PaymentDomainEvent['type']): boolean {
    return type === 'payment.expired' || type === 'payment.canceled' || type === 'payment.failed';
  }

  /**
   * A payment link that expired or failed: the session waits for a new link (FAILED, so the
   * operator sees it and the payer is offered a new one) — unless it was paid meanwhile, or this
   * is an older link than the latest (expired on purpose by recreate-link).
   */
  private async linkEnded(
    tx: Tx,
    s: typeof chargingSessions.$inferSelect,
    p: PaymentDomainEvent['payment'],
    how: 'failed' | 'expired',
  ): Promise<void> {
    if (s.captureStatus === 'CAPTURED') return;
    const [payer] = await tx
      .select()
      .from(chargingSessionPayers)
      .where(eq(chargingSessionPayers.sessionId, s.id));
    if (!payer || p.requestKey !== linkKey(s.id, payer.linkSeq)) return;
    await tx
      .update(chargingSessions)
      .set({
        captureStatus: 'FAILED',
        captureError: how === 'failed' ? 'The payment failed' : 'The payment link expired',
        updatedAt: this.clock.now(),
      })
      .where(eq(chargingSessions.id, s.id));
  }
}
