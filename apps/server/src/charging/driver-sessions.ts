import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { PaymentsService, requireCollected, type PaymentRow } from '../payments';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { isUniqueViolation } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { chargingSessions, type ChargingSessionRow } from './charging.schema';
import { SessionControl } from './session-control';
import { SessionNews } from './session-news';
import { SESSION_PAYABLE } from './session-queues';
import { StartPlanner, type StartPlan } from './start-planner';

/**
 * A driver's start and stop (seed 001). Start: checks (StartPlanner), the session row with the
 * request's Idempotency-Key under a unique constraint, the hold on the saved card (payments core,
 * manual capture, outside any transaction, keyed by the session), then the remote start. A card
 * declined ends the session FAILED and answers 402 before anything reaches the charger. Replays of
 * the key — also after a crash half-way — find the session and go on from where it got to.
 */
@Injectable()
export class DriverSessions {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly payments: PaymentsService,
    private readonly planner: StartPlanner,
    private readonly control: SessionControl,
    private readonly news: SessionNews,
  ) {}

  async start(
    driver: UserRow,
    input: { connectorId: string; paymentMethodId?: string },
    requestKey?: string,
  ): Promise<ChargingSessionRow> {
    const earlier = requestKey ? await this.byKey(driver.id, requestKey) : undefined;
    if (earlier) return this.resume(driver, earlier);
    const plan = await this.planner.plan(driver, input);
    const session = await this.insert(driver, plan, requestKey);
    if (session.userId !== driver.id || session.status !== 'AUTHORIZING') return session;
    return this.hold(driver, session, plan.paymentMethodId, plan.startTimeoutSeconds);
  }

  /** Stops a charging session (its driver, or an operator of its company, or an admin). */
  stop(session: ChargingSessionRow): Promise<ChargingSessionRow> {
    return this.control.stop(session, 'DRIVER');
  }

  private async insert(
    driver: UserRow,
    plan: StartPlan,
    requestKey: string | undefined,
  ): Promise<ChargingSessionRow> {
    const now = this.clock.now();
    try {
      const [row] = await this.database.db
        .insert(chargingSessions)
        .values({
          id: newId('chargingSession', now.getTime()),
          userId: driver.id,
          companyId: plan.companyId,
          chargerId: plan.chargerId,
          connectorId: plan.connectorId,
          connectorNumber: plan.connectorNumber,
          tariff: plan.tariff,
          currency: plan.tariff.currency,
          feeBps: plan.feeBps,
          idTag: plan.idTag,
          requestKey: requestKey ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return row!;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // The same key racing itself: the winner's session is this request's answer.
      const winner = requestKey ? await this.byKey(driver.id, requestKey) : undefined;
      if (winner) return winner;
      throw new AppError('conflict', 'connector_busy', 'Another session holds this connector', {
        param: 'connectorId',
      });
    }
  }

  /**
   * Places the hold, then starts the charger; a decline is a 402 and the session FAILED. A guest
   * (no driver: seed 000's ad-hoc payer) holds the card just entered, present to authenticate.
   */
  async hold(
    driver: UserRow | undefined,
    session: ChargingSessionRow,
    paymentMethodId: string,
    startTimeoutSeconds: number,
  ): Promise<ChargingSessionRow> {
    // A provider refusal throws (the payment FAILED, its handler fails the session); an outage
    // leaves the session AUTHORIZING for a replay or the watch to settle.
    const payment: PaymentRow = await this.payments.payByCard({
      payable: { type: SESSION_PAYABLE, id: session.id },
      ...(driver ? { user: driver } : {}),
      amount: BigInt(session.tariff.holdAmount),
      currency: session.currency,
      paymentMethodId,
      captureMethod: 'MANUAL',
      // Raised when the cost nears it (HoldGuard), where the card allows it.
      incrementalAuthorization: true,
      // Saved for off-session use (with 3-D Secure when it was saved): no challenge now.
      offSession: driver !== undefined,
      description: `Charging session ${session.id}`,
      requestKey: `charging:${session.id}`,
    });
    if (payment.status === 'AUTHORIZED')
      return this.control.launch(session, payment, startTimeoutSeconds);
    if (payment.status === 'REQUIRES_ACTION' || payment.status === 'PROCESSING') {
      await this.payments.cancel(payment.id).catch(() => undefined);
      await this.fail(session.id, 'authentication_required', 'The card asks for authentication');
      throw new AppError(
        'payment_required',
        'authentication_required',
        'The card asks for authentication; save it again to authenticate it once',
        { paymentId: payment.id },
      );
    }
    await this.fail(session.id, payment.failureCode ?? 'card_declined', payment.failureMessage);
    requireCollected(payment);
    throw new AppError('payment_required', 'card_declined', `The hold is ${payment.status}`);
  }

  /** A replayed start: its session as it is, taking up a hold a crash left unfinished. */
  private async resume(driver: UserRow, s: ChargingSessionRow): Promise<ChargingSessionRow> {
    if (s.status !== 'AUTHORIZING') return s;
    const [payment] = await this.payments.forPayable({ type: SESSION_PAYABLE, id: s.id });
    if (!payment || !payment.providerPaymentMethodId) return s;
    return this.hold(driver, s, payment.providerPaymentMethodId, this.planner.startTimeoutSeconds);
  }

  private async fail(id: string, code: string, message: string | null): Promise<void> {
    const now = this.clock.now();
    await this.database.db
      .update(chargingSessions)
      .set({
        status: 'FAILED',
        failureCode: code,
        failureMessage: message ?? 'The hold was not placed',
        endedAt: now,
        updatedAt: now,
      })
      .where(and(eq(chargingSessions.id, id), eq(chargingSessions.status, 'AUTHORIZING')));
    await this.news.changed(id);
  }

  private async byKey(userId: string, key: string): Promise<ChargingSessionRow | undefined> {
    const [row] = await this.database.db
      .select()
      .from(chargingSessions)
      .where(and(eq(chargingSessions.userId, userId), eq(chargingSessions.requestKey, key)));
    return row;
  }
}
