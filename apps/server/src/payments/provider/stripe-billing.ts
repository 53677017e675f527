import type Stripe from 'stripe';
import { AppError } from '../../platform/errors/app-error';
import type {
  BillingFact,
  BillingProvider,
  ProviderSubscription,
  SubscriptionStatus,
} from './billing-port';
import type { ProviderEvent } from './payment-provider';
import { toStripeAmount, type StripeApi } from './stripe-api';
import { idOf, ourWord } from './stripe-events';
import { translate } from './stripe-provider';

const at = (seconds: number): Date => new Date(seconds * 1000);

/** A subscription in the port's words; the period is its (single) item's, as API 2025+ puts it. */
export function observeSubscription(s: Stripe.Subscription): ProviderSubscription {
  const item = s.items.data[0];
  const invoice = typeof s.latest_invoice === 'object' ? s.latest_invoice : null;
  const waiting = invoice && invoice.status === 'open';
  return {
    id: s.id,
    customerId: idOf(s.customer) ?? '',
    status: ourWord(s.status) as SubscriptionStatus,
    priceId: item?.price.id ?? '',
    currentPeriodStart: at(item?.current_period_start ?? s.start_date),
    currentPeriodEnd: at(item?.current_period_end ?? s.start_date),
    cancelAtPeriodEnd: s.cancel_at_period_end,
    metadata: { ...s.metadata },
    clientSecret: waiting ? (invoice.confirmation_secret?.client_secret ?? null) : null,
  };
}

/** The subscription an invoice bills (API 2025+: under `parent`), or null for a one-off invoice. */
function subscriptionOf(i: Stripe.Invoice): string | null {
  const legacy = (i as unknown as { subscription?: string | { id: string } | null }).subscription;
  return idOf(i.parent?.subscription_details?.subscription ?? legacy ?? null);
}

/** Reads subscription and invoice events; anything else is the payments port's business. */
export function interpretBillingEvent(event: ProviderEvent): BillingFact | null {
  const o = event.object as unknown;
  if (event.type.startsWith('customer.subscription.')) {
    return {
      kind: 'subscription',
      subscription: observeSubscription(o as Stripe.Subscription),
      deleted: event.type === 'customer.subscription.deleted',
    };
  }
  if (event.type !== 'invoice.paid' && event.type !== 'invoice.payment_failed') return null;
  const i = o as Stripe.Invoice;
  const subscriptionId = subscriptionOf(i);
  if (!subscriptionId) return null;
  // The service period: the subscription line's (not a proration's); an invoice's own
  // period_start/end name the period before it for a renewal.
  const lines = i.lines?.data ?? [];
  const line =
    lines.find((l) => !l.parent?.subscription_item_details?.proration) ?? lines[0] ?? null;
  return {
    kind: event.type === 'invoice.paid' ? 'invoice_paid' : 'invoice_failed',
    invoiceId: i.id ?? '',
    subscriptionId,
    billingReason: i.billing_reason ?? 'manual',
    amount: BigInt(event.type === 'invoice.paid' ? i.amount_paid : i.amount_due),
    currency: i.currency,
    periodStart: at(line?.period.start ?? i.period_start),
    periodEnd: at(line?.period.end ?? i.period_end),
    attemptCount: i.attempt_count,
    nextAttemptAt: i.next_payment_attempt ? at(i.next_payment_attempt) : null,
    metadata: { ...(i.parent?.subscription_details?.metadata ?? {}) },
  };
}

const EXPAND = ['latest_invoice.confirmation_secret'];

/** Recurring prices and subscriptions on Stripe, through the same client and retries. */
export class StripeBilling implements BillingProvider {
  constructor(private readonly api: StripeApi) {}

  private async call<T>(fn: (s: Stripe) => Promise<T>): Promise<T> {
    try {
      return await this.api.call(fn);
    } catch (err) {
      return translate(err);
    }
  }

  createPrice(
    input: { productName: string; amount: bigint; currency: string },
    idempotencyKey: string,
  ): Promise<string> {
    return this.call(async (s) => {
      const price = await s.prices.create(
        {
          currency: input.currency,
          unit_amount: toStripeAmount(input.amount),
          recurring: { interval: 'month' },
          product_data: { name: input.productName },
        },
        { idempotencyKey },
      );
      return price.id;
    });
  }

  subscribe(
    input: { customerId: string; priceId: string; metadata: Record<string, string> },
    idempotencyKey: string,
  ): Promise<ProviderSubscription> {
    return this.call(async (s) =>
      observeSubscription(
        await s.subscriptions.create(
          {
            customer: input.customerId,
            items: [{ price: input.priceId }],
            payment_behavior: 'default_incomplete',
            // The card that pays the first invoice pays the renewals.
            payment_settings: { save_default_payment_method: 'on_subscription' },
            metadata: input.metadata,
            expand: EXPAND,
          },
          { idempotencyKey },
        ),
      ),
    );
  }

  payFirstInvoice(
    subscriptionId: string,
    paymentMethodId: string,
    idempotencyKey: string,
  ): Promise<{ status: string; nextActionUrl: string | null }> {
    return this.call(async (s) => {
      const sub = await s.subscriptions.retrieve(subscriptionId, {
        expand: ['latest_invoice.payments'],
      });
      const invoice = typeof sub.latest_invoice === 'object' ? sub.latest_invoice : null;
      const pay = invoice?.payments?.data.find((p) => p.payment.type === 'payment_intent');
      const intentId = idOf(pay?.payment.payment_intent ?? null);
      if (!invoice || invoice.status !== 'open' || !intentId)
        throw new AppError(
          'conflict',
          'invoice_not_open',
          'The first invoice is not waiting for payment',
        );
      const pi = await s.paymentIntents.confirm(
        intentId,
        { payment_method: paymentMethodId },
        { idempotencyKey },
      );
      return {
        status: ourWord(pi.status),
        nextActionUrl: pi.next_action?.redirect_to_url?.url ?? null,
      };
    });
  }

  changePrice(
    subscriptionId: string,
    priceId: string,
    idempotencyKey: string,
  ): Promise<ProviderSubscription> {
    return this.call(async (s) => {
      const current = await s.subscriptions.retrieve(subscriptionId);
      const item = current.items.data[0];
      return observeSubscription(
        await s.subscriptions.update(
          subscriptionId,
          {
            items: [{ ...(item ? { id: item.id } : {}), price: priceId }],
            proration_behavior: 'create_prorations',
            expand: EXPAND,
          },
          { idempotencyKey },
        ),
      );
    });
  }

  cancel(
    subscriptionId: string,
    when: 'now' | 'period_end',
    idempotencyKey: string,
  ): Promise<ProviderSubscription> {
    return this.call(async (s) =>
      observeSubscription(
        when === 'now'
          ? await s.subscriptions.cancel(subscriptionId, {}, { idempotencyKey })
          : await s.subscriptions.update(
              subscriptionId,
              { cancel_at_period_end: true },
              { idempotencyKey },
            ),
      ),
    );
  }

  retrieve(subscriptionId: string): Promise<ProviderSubscription> {
    return this.call(async (s) =>
      observeSubscription(await s.subscriptions.retrieve(subscriptionId, { expand: EXPAND })),
    );
  }

  interpretEvent(event: ProviderEvent): BillingFact | null {
    return interpretBillingEvent(event);
  }
}
