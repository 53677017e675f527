import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { UserRow } from '../identity';
import {
  BILLING_PROVIDER,
  SavedCards,
  type BillingProvider,
  type ProviderSubscription,
} from '../payments';
import { Clock } from '../platform/clock';
import { Database, type DbOrTx } from '../platform/database/database';
import { isUniqueViolation } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { Credits } from './credits';
import { memberships, type MembershipPlanRow, type MembershipRow } from './memberships.schema';
import { Plans } from './plans';

/** A membership not over (the one a user may have at a time). */
export const live = sql`${memberships.status} NOT IN ('CANCELLED', 'INCOMPLETE_EXPIRED')`;

/** The subscription's fields as our row keeps them; the status only moves forward from PENDING. */
export function fromSubscription(s: ProviderSubscription) {
  return {
    providerSubscriptionId: s.id,
    status: s.status,
    currentPeriodStart: s.currentPeriodStart,
    currentPeriodEnd: s.currentPeriodEnd,
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    clientSecret: s.status === 'INCOMPLETE' ? s.clientSecret : null,
  };
}

/**
 * Subscribing, changing plan and cancelling. The row is written before the provider is asked and
 * the provider's key derives from it, so a retried or replayed request (same Idempotency-Key, or
 * a crash between the provider's answer and ours) finds the row and gets the same subscription.
 * Provider calls are never made inside a transaction.
 */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly plans: Plans,
    private readonly credits: Credits,
    private readonly cards: SavedCards,
    @Inject(BILLING_PROVIDER) private readonly billing: BillingProvider,
  ) {}

  async subscribe(
    user: UserRow,
    planId: string,
    requestKey: string | undefined,
  ): Promise<MembershipRow> {
    const plan = await this.plans.get(this.database.db, planId);
    if (!plan.active) throw AppError.notFound('plan', planId);
    const customerId = await this.cards.ensure(user);
    let m = await this.claim(user.id, plan, customerId, requestKey);
    if (m.providerSubscriptionId && m.status !== 'PENDING') return m;
    let sub: ProviderSubscription;
    try {
      // NFT-holder seam: the wallet-linking step picks plan.holderProviderPriceId here.
      sub = await this.billing.subscribe(
        {
          customerId,
          priceId: plan.providerPriceId,
          metadata: { membership_id: m.id, user_id: user.id, plan_id: plan.id },
        },
        `subscribe:${m.id}`,
      );
    } catch (err) {
      // A refusal (not an outage): the membership never started, so the user may try again.
      if (err instanceof AppError && err.kind !== 'unavailable') await this.end(m.id, 'PENDING');
      throw err;
    }
    m = await this.recordSubscription(m.id, sub);
    return m;
  }

  /** The user's live membership (or the latest one that ended), or 404. */
  async current(userId: string): Promise<MembershipRow> {
    const [row] = await this.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, userId))
      .orderBy(sql`${live} DESC`, desc(memberships.id))
      .limit(1);
    if (!row) throw AppError.notFound('membership');
    return row;
  }

  /**
   * Pays the first invoice with the card form's `pm_…`. The membership becomes ACTIVE only when
   * `invoice.paid` arrives, never on this answer's word.
   */
  async payFirstInvoice(
    userId: string,
    paymentMethodId: string,
  ): Promise<{
    membership: MembershipRow;
    payment: { status: string; nextActionUrl: string | null };
  }> {
    const m = await this.liveOf(userId);
    if (m.status !== 'INCOMPLETE' || !m.providerSubscriptionId)
      throw new AppError(
        'conflict',
        'invoice_not_open',
        'The membership is not waiting for its first payment',
      );
    const payment = await this.billing.payFirstInvoice(
      m.providerSubscriptionId,
      paymentMethodId,
      `first-invoice:${m.id}:${paymentMethodId}`,
    );
    return { membership: m, payment };
  }

  async changePlan(userId: string, planId: string): Promise<MembershipRow> {
    const m = await this.liveOf(userId);
    const plan = await this.plans.get(this.database.db, planId);
    if (!plan.active) throw AppError.notFound('plan', planId);
    if (m.status !== 'ACTIVE' && m.status !== 'TRIALING')
      throw new AppError(
        'conflict',
        'membership_not_active',
        'Only an active membership can change plan',
      );
    if (m.planId === plan.id)
      throw AppError.validation('Already on this plan', 'planId', 'same_plan');
    const current = await this.plans.get(this.database.db, m.planId);
    if (current.currency !== plan.currency)
      throw AppError.validation(
        'Plans in another currency cannot be switched to',
        'planId',
        'currency_mismatch',
      );
    // Keyed by the row's version: a retry from the same state is one change at the provider.
    const sub = await this.billing.changePrice(
      m.providerSubscriptionId!,
      plan.providerPriceId,
      `change-plan:${m.id}:${m.updatedAt.getTime()}:${plan.id}`,
    );
    const [row] = await this.database.db
      .update(memberships)
      .set({
        planId: plan.id,
        currentPeriodStart: sub.currentPeriodStart,
        currentPeriodEnd: sub.currentPeriodEnd,
        updatedAt: this.clock.now(),
      })
      .where(eq(memberships.id, m.id))
      .returning();
    return row!;
  }

  async cancel(userId: string, now: boolean): Promise<MembershipRow> {
    const m = await this.liveOf(userId);
    if (!m.providerSubscriptionId) return this.end(m.id, m.status);
    // An unpaid first invoice has no period to wait for.
    const when = now || m.status === 'INCOMPLETE' ? 'now' : 'period_end';
    const sub = await this.billing.cancel(m.providerSubscriptionId, when, `cancel:${m.id}:${when}`);
    return this.database.db.transaction(async (tx) => {
      const [row] = await tx
        .update(memberships)
        .set({
          cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
          ...(sub.status === 'CANCELLED'
            ? { status: 'CANCELLED' as const, clientSecret: null }
            : {}),
          updatedAt: this.clock.now(),
        })
        .where(eq(memberships.id, m.id))
        .returning();
      if (sub.status === 'CANCELLED') await this.credits.expireAll(tx, m.id, `cancel:${m.id}`);
      return row!;
    });
  }

  async liveOf(userId: string, db: DbOrTx = this.database.db): Promise<MembershipRow> {
    const [row] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), live));
    if (!row) throw AppError.notFound('membership');
    return row;
  }

  /**
   * The row this request works on: a new PENDING membership, or — for the same Idempotency-Key, or
   * (without one) a keyless PENDING one of the same plan left by a crash — the one already stored. Another live
   * membership is a 409: one at a time, enforced by the partial unique index under concurrency.
   */
  private async claim(
    userId: string,
    plan: MembershipPlanRow,
    customerId: string,
    requestKey: string | undefined,
  ): Promise<MembershipRow> {
    const resume = (m: MembershipRow | undefined) =>
      m &&
      m.planId === plan.id &&
      (requestKey !== undefined
        ? m.requestKey === requestKey
        : m.requestKey === null && m.status === 'PENDING');
    const existing = await this.liveOf(userId).catch(() => undefined);
    if (resume(existing)) return existing!;
    if (existing) throw alreadyMember();
    try {
      const now = this.clock.now();
      const [row] = await this.database.db
        .insert(memberships)
        .values({
          id: newId('membership', now.getTime()),
          userId,
          planId: plan.id,
          status: 'PENDING',
          providerCustomerId: customerId,
          requestKey: requestKey ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return row!;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const winner = await this.liveOf(userId).catch(() => undefined);
      if (resume(winner)) return winner!;
      throw alreadyMember();
    }
  }

  /** The provider's answer, unless a webhook already recorded a later state of the same row. */
  private async recordSubscription(id: string, sub: ProviderSubscription): Promise<MembershipRow> {
    const [row] = await this.database.db
      .update(memberships)
      .set({
        ...fromSubscription(sub),
        // A webhook may have moved the status on already; PENDING is the only one we replace.
        status: sql`CASE WHEN ${memberships.status} = 'PENDING' THEN ${sub.status} ELSE ${memberships.status} END`,
        clientSecret: sql`CASE WHEN ${memberships.status} IN ('PENDING', 'INCOMPLETE') THEN ${fromSubscription(sub).clientSecret} ELSE NULL END`,
        updatedAt: this.clock.now(),
      })
      .where(eq(memberships.id, id))
      .returning();
    return row!;
  }

  private async end(id: string, from: MembershipRow['status']): Promise<MembershipRow> {
    const [row] = await this.database.db
      .update(memberships)
      .set({ status: 'CANCELLED', clientSecret: null, updatedAt: this.clock.now() })
      .where(and(eq(memberships.id, id), eq(memberships.status, from)))
      .returning();
    if (!row) return this.current((await this.byId(id)).userId);
    return row;
  }

  private async byId(id: string): Promise<MembershipRow> {
    const [row] = await this.database.db.select().from(memberships).where(eq(memberships.id, id));
    return row!;
  }
}

const alreadyMember = () =>
  new AppError(
    'conflict',
    'membership_exists',
    'You already have a membership; change or cancel it',
  );
