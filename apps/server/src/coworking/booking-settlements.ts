import { Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq, inArray, lte } from 'drizzle-orm';
import { PayablesRegistry, PaymentsService, type PaymentDomainEvent } from '../payments';
import type { PaymentRow } from '../payments';
import { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/database';
import { Database } from '../platform/database/database';
import { isUniqueViolation } from '../platform/database/pg-errors';
import { eachAlone } from '../platform/jobs/each-alone';
import { JobQueue } from '../platform/jobs/jobs';
import { Logger } from '../platform/logging/logger';
import { BookingBooks } from './booking-books';
import { bookings, type BookingRow } from './coworking.schema';
import {
  BOOKING_PAYABLE,
  CLOSE_INTENTS_QUEUE,
  HOLD_SWEEP_QUEUE,
  REFUND_QUEUE,
} from './coworking.queues';

/** Payments that still wait for their payer, and so could still take money. */
const OPEN_STATUSES: PaymentRow['status'][] = ['CREATED', 'REQUIRES_ACTION'];

/**
 * Bookings as a payable of the payments core, and the jobs that finish what a booking's state
 * change starts at the provider. Every outcome is handled inside the payment's transaction, under
 * the booking's row lock:
 *
 *   succeeded   PENDING_PAYMENT → CONFIRMED, revenue booked. Money for a booking no longer held
 *               (expired, cancelled unpaid, failed) is booked too and refunded in full by a job.
 *   failed      PENDING_PAYMENT → FAILED with the decline reason; the intent cancelled by a job,
 *               so the same client secret can take nothing later.
 *   refunded    refunds booked; a confirmed booking refunded in full is REFUNDED (seat freed).
 *   disputed    the dispute booked (and given back when won); the booking's amounts follow.
 *   canceled, expired, authorized, requires_action, refund_requested: nothing — the booking's own
 *               state (hold window, cancellation) decides, and refunds are booked once confirmed.
 */
@Injectable()
export class BookingSettlements implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly registry: PayablesRegistry,
    private readonly payments: PaymentsService,
    private readonly books: BookingBooks,
    private readonly jobs: JobQueue,
    private readonly log: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    this.registry.register(BOOKING_PAYABLE, (tx, event) => this.handle(tx, event));
    await this.jobs.define<{ bookingId: string }>(
      REFUND_QUEUE,
      async (job) => void (await this.sendRefund(job.data.bookingId)),
      { retryLimit: 10, retryDelaySeconds: 5 },
    );
    await this.jobs.define<{ bookingId: string }>(
      CLOSE_INTENTS_QUEUE,
      async (job) => this.closeOpenIntents(job.data.bookingId),
      { retryLimit: 10, retryDelaySeconds: 5 },
    );
    await this.jobs.recurring(HOLD_SWEEP_QUEUE, '* * * * *', () => this.releaseExpiredHolds());
  }

  private async handle(tx: Tx, event: PaymentDomainEvent): Promise<void> {
    const p = event.payment;
    const [b] = await tx.select().from(bookings).where(eq(bookings.id, p.payableId)).for('update');
    if (!b) return;
    const now = this.clock.now();
    switch (event.type) {
      case 'payment.succeeded':
      case 'payment.refunded':
      case 'payment.disputed': {
        if (p.amountCaptured <= 0n) return;
        await this.books.reconcile(tx, b, p);
        const held = b.status === 'PENDING_PAYMENT' || b.status === 'CONFIRMED';
        // Money for a booking that had left its seat unpaid (expired, cancelled or failed before
        // any capture) goes back, all of it. A paid booking cancelled keeps its policy's refund.
        const unheld = !held && b.amountPaid === 0n;
        const refundedAll = p.amountRefunded >= p.amountCaptured;
        await tx
          .update(bookings)
          .set({
            amountPaid: p.amountCaptured,
            amountRefunded: p.amountRefunded,
            amountDisputed: p.amountDisputed,
            ...(b.status === 'PENDING_PAYMENT' ? { status: 'CONFIRMED' as const } : {}),
            ...(b.status === 'CONFIRMED' && refundedAll ? { status: 'REFUNDED' as const } : {}),
            ...(unheld && !refundedAll ? { refundDue: p.amountCaptured - p.amountRefunded } : {}),
            updatedAt: now,
          })
          .where(eq(bookings.id, b.id));
        if (unheld && !refundedAll) {
          this.log.warn(
            { bookingId: b.id, paymentId: p.id, status: b.status },
            'a booking no longer held was paid; refunding it',
          );
          await this.jobs.send(REFUND_QUEUE, { bookingId: b.id }, { tx, singletonKey: b.id });
        }
        return;
      }
      case 'payment.failed':
        if (b.status !== 'PENDING_PAYMENT') return;
        await tx
          .update(bookings)
          .set({
            status: 'FAILED',
            failureCode: p.declineCode ?? p.failureCode ?? 'card_declined',
            failureMessage: p.failureMessage ?? 'The payment failed',
            updatedAt: now,
          })
          .where(eq(bookings.id, b.id));
        if (p.providerIntentId)
          await this.jobs.send(
            CLOSE_INTENTS_QUEUE,
            { bookingId: b.id },
            { tx, singletonKey: `close:${b.id}` },
          );
        return;
      case 'payment.canceled':
      case 'payment.expired':
      case 'payment.authorized':
      case 'payment.requires_action':
      case 'payment.refund_requested':
        return;
    }
  }

  /**
   * Cancels every intent of the booking that still waits for its payer (a released or failed
   * booking), each with its own provider key. One the payer completed meanwhile is read instead,
   * and the handler above refunds it.
   */
  async closeOpenIntents(bookingId: string): Promise<void> {
    const all = await this.payments.forPayable({ type: BOOKING_PAYABLE, id: bookingId });
    // A FAILED client intent stays open at the provider (requires_payment_method): close it too.
    const open = all.filter(
      (p) => p.providerIntentId && (OPEN_STATUSES.includes(p.status) || p.status === 'FAILED'),
    );
    for (const p of open) {
      if (p.status === 'FAILED') await this.payments.abandonIntent(p).catch(() => undefined);
      else
        await this.payments.cancel(p.id).catch(async (err: unknown) => {
          this.log.warn({ err, paymentId: p.id }, 'an open booking intent could not be cancelled');
          await this.payments.sync(p.id, 'reconcile');
        });
    }
  }

  /**
   * Sends the refund a booking is due (`refundDue`), once: its request key names the booking, so a
   * retried job or the cancel's own try make one refund.
   */
  async sendRefund(bookingId: string): Promise<'sent' | 'nothing to do'> {
    const [b] = await this.database.db.select().from(bookings).where(eq(bookings.id, bookingId));
    if (!b || !b.refundDue || b.refundDue <= 0n) return 'nothing to do';
    const paid = (await this.payments.forPayable({ type: BOOKING_PAYABLE, id: b.id })).filter(
      (p) => p.amountCaptured > p.amountRefunded,
    );
    let left = b.refundDue;
    for (const p of paid) {
      if (left <= 0n) break;
      const room = p.amountCaptured - p.amountRefunded;
      const amount = left < room ? left : room;
      try {
        await this.payments.refund(p.id, amount, 'requested_by_customer', {
          requestKey: `booking-refund:${b.id}`,
        });
      } catch (err) {
        // The same refund recorded concurrently (the job and the cancel at once): it stands.
        if (!isUniqueViolation(err)) throw err;
      }
      left -= amount;
    }
    return 'sent';
  }

  /**
   * Releases bookings still unpaid after their hold window: their open intents are cancelled at
   * the provider first (so none can pay later), then the booking is EXPIRED if still unpaid. A
   * payment that completed meanwhile confirms it instead (the cancel fails and the read applies it).
   */
  async releaseExpiredHolds(): Promise<number> {
    const now = this.clock.now();
    const due = await this.database.db
      .select()
      .from(bookings)
      .where(and(eq(bookings.status, 'PENDING_PAYMENT'), lte(bookings.holdExpiresAt, now)))
      .limit(200);
    let released = 0;
    await eachAlone(
      due,
      async (b: BookingRow) => {
        await this.closeOpenIntents(b.id);
        const rows = await this.database.db
          .update(bookings)
          .set({ status: 'EXPIRED', updatedAt: this.clock.now() })
          .where(and(eq(bookings.id, b.id), inArray(bookings.status, ['PENDING_PAYMENT'])))
          .returning({ id: bookings.id });
        released += rows.length;
      },
      (err, b) => this.log.warn({ err, bookingId: b.id }, 'releasing a booking failed; will retry'),
    );
    return released;
  }
}
