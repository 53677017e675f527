import { Injectable, type OnModuleInit } from '@nestjs/common';
import { eq, or } from 'drizzle-orm';
import { UsersService } from '../identity';
import { LedgerService } from '../ledger';
import { Mailer } from '../notifications';
import { BillingEvents, type BillingFact } from '../payments';
import { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/database';
import { formatMinor } from '../platform/money';
import { Credits } from './credits';
import { ENDED_STATUSES, memberships, type MembershipRow } from './memberships.schema';
import { fromSubscription } from './memberships.service';
import { Plans } from './plans';

type InvoiceFact = Extract<BillingFact, { kind: 'invoice_paid' | 'invoice_failed' }>;
type SubscriptionFact = Extract<BillingFact, { kind: 'subscription' }>;

/** Invoices that open a cycle (and so allocate its credits); a proration invoice does not. */
const CYCLE_REASONS = new Set(['subscription_create', 'subscription_cycle']);

/**
 * The provider's subscription and invoice events, applied to memberships in the webhook's own
 * transaction (exactly once per event): status and period from the subscription, credits and the
 * money on `invoice.paid`, past-due and the notice on `invoice.payment_failed`.
 */
@Injectable()
export class BillingHandler implements OnModuleInit {
  constructor(
    private readonly events: BillingEvents,
    private readonly credits: Credits,
    private readonly plans: Plans,
    private readonly ledger: LedgerService,
    private readonly mailer: Mailer,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.listen((tx, fact) => this.apply(tx, fact));
  }

  async apply(tx: Tx, fact: BillingFact): Promise<void> {
    if (fact.kind === 'subscription') return this.subscription(tx, fact);
    const m = await this.find(tx, fact.subscriptionId, fact.metadata.membership_id);
    if (!m) return; // not a membership's subscription
    if (fact.kind === 'invoice_paid') return this.paid(tx, m, fact);
    return this.failed(tx, m, fact);
  }

  private async subscription(tx: Tx, fact: SubscriptionFact): Promise<void> {
    const s = fact.subscription;
    const m = await this.find(tx, s.id, s.metadata.membership_id);
    if (!m) return;
    // An ended membership stays ended, whatever late or reordered event says otherwise.
    if (ENDED_STATUSES.includes(m.status)) return;
    const plan = await this.plans.byPrice(tx, s.priceId);
    const status = fact.deleted ? 'CANCELLED' : s.status;
    await tx
      .update(memberships)
      .set({
        ...fromSubscription(s),
        status,
        ...(plan ? { planId: plan.id } : {}),
        updatedAt: this.clock.now(),
      })
      .where(eq(memberships.id, m.id));
    if (status === 'CANCELLED') await this.credits.expireAll(tx, m.id, `cancelled:${m.id}`);
  }

  private async paid(tx: Tx, m: MembershipRow, fact: InvoiceFact): Promise<void> {
    // The money: what the provider collected is revenue (it still holds it: clearing).
    if (fact.amount > 0n) {
      await this.ledger.post(tx, {
        kind: 'PAYMENT',
        reference: { type: 'membership_invoice', id: fact.invoiceId },
        description: 'Membership invoice paid',
        metadata: { membership_id: m.id, invoice_id: fact.invoiceId },
        idempotencyKey: `membership-invoice:${fact.invoiceId}`,
        lines: [
          {
            accountId: await this.ledger.platformId(tx, 'PROVIDER_CLEARING', fact.currency),
            amount: -fact.amount,
          },
          {
            accountId: await this.ledger.platformId(tx, 'PLATFORM_REVENUE', fact.currency),
            amount: fact.amount,
          },
        ],
      });
    }
    if (!CYCLE_REASONS.has(fact.billingReason)) return;
    const plan = await this.plans.get(tx, m.planId);
    if (!ENDED_STATUSES.includes(m.status)) {
      // Paid means active, whichever of this and `customer.subscription.updated` comes first.
      await tx
        .update(memberships)
        .set({
          status: 'ACTIVE',
          clientSecret: null,
          currentPeriodStart: fact.periodStart,
          currentPeriodEnd: fact.periodEnd,
          updatedAt: this.clock.now(),
        })
        .where(eq(memberships.id, m.id));
    }
    await this.credits.allocate(tx, m, plan, {
      invoiceId: fact.invoiceId,
      start: fact.periodStart,
      end: fact.periodEnd,
    });
    if (fact.billingReason === 'subscription_cycle') {
      await this.notify(tx, m, {
        key: `memberships.renewed:${fact.invoiceId}`,
        kind: 'memberships.renewed',
        subject: `Your ${plan.name} membership renewed`,
        text: `Your ${plan.name} membership renewed: ${formatMinor(fact.amount, fact.currency)} paid, and your credits for the new month are ready until ${fact.periodEnd.toISOString().slice(0, 10)}.`,
      });
    }
  }

  private async failed(tx: Tx, m: MembershipRow, fact: InvoiceFact): Promise<void> {
    // The first invoice failing is the card form's business (it shows the decline); a renewal's
    // failure is the member's to hear about, once per attempt.
    if (fact.billingReason === 'subscription_create') return;
    if (m.status === 'ACTIVE') {
      await tx
        .update(memberships)
        .set({ status: 'PAST_DUE', updatedAt: this.clock.now() })
        .where(eq(memberships.id, m.id));
    }
    // The cycle that ended is over whether or not the next one gets paid.
    await this.credits.expireEnded(tx, m.id, fact.periodStart, `renewal-failed:${fact.invoiceId}`);
    const plan = await this.plans.get(tx, m.planId);
    const retry = fact.nextAttemptAt
      ? `We will try again on ${fact.nextAttemptAt.toISOString().slice(0, 10)}.`
      : 'We will not try again: please subscribe anew.';
    await this.notify(tx, m, {
      key: `memberships.payment_failed:${fact.invoiceId}:${fact.attemptCount}`,
      kind: 'memberships.payment_failed',
      subject: `Your ${plan.name} membership payment failed`,
      text: `We could not collect ${formatMinor(fact.amount, fact.currency)} for your ${plan.name} membership. ${plan.pastDueAccess ? 'Your access continues while we retry.' : 'Your access is paused until it is paid.'} ${retry} You can update your card on the Membership page.`,
    });
  }

  private async notify(
    tx: Tx,
    m: MembershipRow,
    mail: { key: string; kind: string; subject: string; text: string },
  ): Promise<void> {
    const user = await this.users.findActive(m.userId);
    if (!user) return;
    await this.mailer.enqueue(tx, { ...mail, reference: m.id, to: user.email });
  }

  /** The membership by its subscription, or by our id in the subscription's metadata (locked). */
  private async find(
    tx: Tx,
    subscriptionId: string,
    membershipId: string | undefined,
  ): Promise<MembershipRow | undefined> {
    const [row] = await tx
      .select()
      .from(memberships)
      .where(
        or(
          eq(memberships.providerSubscriptionId, subscriptionId),
          membershipId ? eq(memberships.id, membershipId) : undefined,
        ),
      )
      .for('update');
    return row;
  }
}
