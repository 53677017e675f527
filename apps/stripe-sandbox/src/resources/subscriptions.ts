// Subscriptions: created with a first invoice, renewed when the sandbox clock passes the period
// end (a new invoice charged off-session to the default payment method), price changes with
// prorations, cancel now or at period end.
import type Stripe from 'stripe';
import { diff, type Engine } from '../engine';
import { StripeError, invalidRequest, missingParam } from '../protocol/errors';
import { newId, refId } from '../protocol/ids';
import { createdFilter, listOf, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { del, get, post, type ResourceModule } from '../router';
import type { Invoice, Subscription } from '../types';
import { issueInvoice, onInvoiceGaveUp } from './invoices';
import { addInterval } from './subscription-billing';
import { changeItems, itemPrice, newItem, periodLines } from './subscription-items';

/** An unpaid first invoice expires the subscription after 23 hours, as on Stripe. */
const INCOMPLETE_EXPIRY_SECONDS = 23 * 3600;
/** Subscriptions being created: their status settles before `customer.subscription.created`. */
const creating = new Set<string>();

function setStatus(engine: Engine, sub: Subscription, status: Stripe.Subscription.Status): void {
  if (sub.status === status) return;
  const before = structuredClone(sub);
  sub.status = status;
  if (!creating.has(sub.id)) engine.emit('customer.subscription.updated', sub, diff(before, sub));
}

export function createSubscription(engine: Engine, p: ParamReader): Subscription {
  p.allowOnly([
    'customer',
    'items',
    'default_payment_method',
    'payment_behavior',
    'metadata',
    'description',
    'cancel_at_period_end',
    'collection_method',
    'off_session',
    'proration_behavior',
    'payment_settings',
    'currency',
    'trial_period_days',
    'trial_end',
  ]);
  const customer = engine.store.get('customer', p.reqStr('customer'), 'customer');
  const itemParams = p.list('items');
  if (itemParams.length === 0) throw missingParam('items');
  const prices = itemParams.map((ip) => itemPrice(engine, ip));
  const first = prices[0]!;
  const behaviour =
    p.oneOf('payment_behavior', [
      'allow_incomplete',
      'default_incomplete',
      'error_if_incomplete',
      'pending_if_incomplete',
    ] as const) ?? 'allow_incomplete';
  const pmId = p.str('default_payment_method') ?? null;
  if (pmId !== null) {
    const pm = engine.store.referenced('payment_method', pmId, 'default_payment_method');
    if (pm.customer !== customer.id) {
      throw invalidRequest(
        'The customer does not have a payment method with the ID ' + pmId + '.',
        'default_payment_method',
        'resource_missing',
      );
    }
  }
  const now = engine.now();
  const rec = first.recurring!;
  const trialDays = p.int('trial_period_days');
  const trialEnd =
    p.int('trial_end') ?? (trialDays === undefined ? null : now + trialDays * 86_400);
  if (trialEnd !== null && trialEnd <= now) {
    throw invalidRequest(
      'Invalid timestamp: must be an integer Unix timestamp in the future.',
      'trial_end',
    );
  }
  const id = newId('sub');
  const sub: Subscription = {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: now,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: 'classic' },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: p.bool('cancel_at_period_end') ?? false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: 'charge_automatically',
    created: now,
    currency: first.currency,
    current_period_end: addInterval(now, rec.interval, rec.interval_count),
    current_period_start: now,
    customer: customer.id,
    customer_account: null,
    days_until_due: null,
    default_payment_method: pmId,
    default_source: null,
    default_tax_rates: [],
    description: p.str('description') ?? null,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: 'self' },
    },
    items: listOf<Stripe.SubscriptionItem>([], `/v1/subscription_items?subscription=${id}`),
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: p.metadata(),
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: 'off',
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: 'incomplete',
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: null,
    trial_start: null,
  };
  const save = p
    .obj('payment_settings')
    ?.oneOf('save_default_payment_method', ['off', 'on_subscription'] as const);
  if (save !== undefined && sub.payment_settings !== null)
    sub.payment_settings.save_default_payment_method = save;
  engine.store.insert('subscription', sub);
  sub.items.data = itemParams.map((ip, i) =>
    newItem(engine, sub, prices[i]!, ip.int('quantity') ?? 1, ip.metadata()),
  );
  if (trialEnd !== null) {
    // The trial is the first period; its invoice is for nothing and the card is charged when it
    // ends.
    sub.status = 'trialing';
    sub.trial_start = now;
    sub.trial_end = trialEnd;
    sub.billing_cycle_anchor = trialEnd;
    sub.current_period_end = trialEnd;
    for (const item of sub.items.data) item.current_period_end = trialEnd;
  }
  creating.add(sub.id);
  try {
    const lines = periodLines(engine, sub);
    if (trialEnd !== null) {
      for (const l of lines) {
        l.amount = 0;
        l.subtotal = 0;
        l.description = `Trial period for ${l.description ?? ''}`;
      }
    }
    const invoice = issueInvoice(engine, sub, 'subscription_create', lines, {
      collect: behaviour !== 'default_incomplete',
      offSession: p.bool('off_session') ?? false,
    });
    sub.latest_invoice = invoice.id;
    if (invoice.status === 'paid' && sub.status === 'incomplete') sub.status = 'active';
    if (behaviour === 'error_if_incomplete' && sub.status !== 'active') {
      const pi = engine.store.find('payment_intent', refId(invoice.payment_intent) ?? '');
      const err = pi?.last_payment_error;
      sub.status = 'incomplete_expired';
      throw new StripeError(402, {
        type: 'card_error',
        code: err?.code ?? 'subscription_payment_intent_requires_action',
        message:
          err?.message ??
          'Payment for this subscription requires additional user action before it can be completed successfully.',
        ...(err?.decline_code !== undefined ? { decline_code: err.decline_code } : {}),
      });
    }
  } finally {
    creating.delete(sub.id);
  }
  engine.emit('customer.subscription.created', sub);
  return sub;
}

function updateSubscription(engine: Engine, sub: Subscription, p: ParamReader): Subscription {
  p.allowOnly([
    'items',
    'default_payment_method',
    'cancel_at_period_end',
    'metadata',
    'description',
    'proration_behavior',
    'payment_behavior',
    'off_session',
  ]);
  if (sub.status === 'canceled' || sub.status === 'incomplete_expired') {
    throw unexpected(sub);
  }
  const before = structuredClone(sub);
  const cap = p.bool('cancel_at_period_end');
  if (cap !== undefined) {
    sub.cancel_at_period_end = cap;
    sub.cancel_at = cap ? sub.current_period_end : null;
    sub.cancellation_details = {
      comment: null,
      feedback: null,
      feedback_option: null,
      reason: cap ? 'cancellation_requested' : null,
    };
  }
  if (p.has('default_payment_method')) {
    const pm = p.nullableStr('default_payment_method') ?? null;
    if (pm !== null) engine.store.referenced('payment_method', pm, 'default_payment_method');
    sub.default_payment_method = pm;
  }
  if (p.has('description')) sub.description = p.nullableStr('description') ?? null;
  sub.metadata = p.metadata(sub.metadata);
  const items = p.list('items');
  if (items.length > 0) {
    const proration =
      p.oneOf('proration_behavior', ['create_prorations', 'always_invoice', 'none'] as const) ??
      'create_prorations';
    const lines = changeItems(engine, sub, items).filter((l) => l.amount !== 0);
    if (proration === 'always_invoice' && lines.length > 0) {
      const invoice = issueInvoice(engine, sub, 'subscription_update', lines, {
        collect: true,
        offSession: true,
      });
      sub.latest_invoice = invoice.id;
    } else if (proration === 'create_prorations') {
      const pending = engine.store.internal.pendingProrations;
      pending[sub.id] = [...(pending[sub.id] ?? []), ...lines];
    }
  }
  engine.emit('customer.subscription.updated', sub, diff(before, sub));
  return sub;
}

function unexpected(sub: Subscription): StripeError {
  return invalidRequest(
    `A canceled subscription can only update its cancellation_details and metadata (status: ${sub.status}).`,
    undefined,
    'subscription_unexpected_state',
  );
}

function cancelNow(
  engine: Engine,
  sub: Subscription,
  at: number,
  reason: Stripe.Subscription.CancellationDetails.Reason,
): void {
  sub.status = 'canceled';
  sub.canceled_at = sub.canceled_at ?? at;
  sub.ended_at = at;
  sub.cancellation_details = { comment: null, feedback: null, feedback_option: null, reason };
  delete engine.store.internal.pendingProrations[sub.id];
  engine.emit('customer.subscription.deleted', sub);
}

/** Ticker: renew (or end) every subscription whose period has passed; catches up many periods. */
function renewDue(engine: Engine): void {
  const now = engine.now();
  for (const sub of engine.store
    .all('subscription', (s) => ['active', 'trialing', 'past_due', 'incomplete'].includes(s.status))
    .reverse()) {
    if (sub.status === 'incomplete') {
      if (sub.created + INCOMPLETE_EXPIRY_SECONDS <= now)
        setStatus(engine, sub, 'incomplete_expired');
      continue;
    }
    while (sub.current_period_end <= now && sub.status !== 'canceled') {
      if (sub.cancel_at_period_end) {
        cancelNow(engine, sub, sub.current_period_end, 'cancellation_requested');
        break;
      }
      const before = structuredClone(sub);
      const rec = sub.items.data[0]!.price.recurring!;
      sub.current_period_start = sub.current_period_end;
      sub.current_period_end = addInterval(
        sub.current_period_start,
        rec.interval,
        rec.interval_count,
      );
      for (const item of sub.items.data) {
        item.current_period_start = sub.current_period_start;
        item.current_period_end = sub.current_period_end;
      }
      engine.emit('customer.subscription.updated', sub, diff(before, sub));
      const lines = [
        ...(engine.store.internal.pendingProrations[sub.id] ?? []),
        ...periodLines(engine, sub),
      ];
      delete engine.store.internal.pendingProrations[sub.id];
      const invoice: Invoice = issueInvoice(engine, sub, 'subscription_cycle', lines, {
        collect: true,
        offSession: true,
      });
      sub.latest_invoice = invoice.id;
      if (invoice.status !== 'paid') setStatus(engine, sub, 'past_due');
      else if (sub.status === 'trialing') setStatus(engine, sub, 'active');
    }
  }
}

/** Keeps subscription status in step with its invoices' payments. */
function onIntent(engine: Engine, pi: Stripe.PaymentIntent): void {
  const invoiceId = engine.store.internal.invoiceOfIntent[pi.id];
  const invoice = invoiceId === undefined ? undefined : engine.store.find('invoice', invoiceId);
  const sub =
    invoice === undefined
      ? undefined
      : engine.store.find('subscription', refId(invoice.subscription) ?? '');
  if (sub === undefined || invoice === undefined) return;
  if (pi.status === 'succeeded' && ['incomplete', 'past_due', 'unpaid'].includes(sub.status)) {
    const pmId = refId(pi.payment_method);
    if (sub.payment_settings?.save_default_payment_method === 'on_subscription' && pmId !== null) {
      sub.default_payment_method = pmId;
    }
    setStatus(engine, sub, 'active');
  }
}

export const subscriptions: ResourceModule = {
  setup: (engine) => {
    engine.onIntentChange((pi) => onIntent(engine, pi));
    engine.onTick(renewDue);
    // Every retry of a renewal failed: the subscription stays, unpaid, until the invoice is paid.
    onInvoiceGaveUp(engine, (invoice) => {
      const sub = engine.store.find('subscription', refId(invoice.subscription) ?? '');
      if (sub?.status === 'past_due' && sub.latest_invoice === invoice.id)
        setStatus(engine, sub, 'unpaid');
    });
  },
  routes: [
    post('/subscriptions', (engine, { p }) => createSubscription(engine, p)),
    get('/subscriptions/:id', (engine, { params }) =>
      engine.store.get('subscription', params.id ?? '', 'id'),
    ),
    post('/subscriptions/:id', (engine, { params, p }) =>
      updateSubscription(engine, engine.store.get('subscription', params.id ?? '', 'id'), p),
    ),
    del('/subscriptions/:id', (engine, { params, p }) => {
      p.allowOnly(['invoice_now', 'prorate', 'cancellation_details']);
      const sub = engine.store.get('subscription', params.id ?? '', 'id');
      if (sub.status === 'canceled') throw unexpected(sub);
      cancelNow(engine, sub, engine.now(), 'cancellation_requested');
      return sub;
    }),
    get('/subscriptions', (engine, { p }) => {
      const customer = p.str('customer');
      const status = p.str('status') ?? 'all_but_canceled';
      const price = p.str('price');
      const created = createdFilter(p);
      const rows = engine.store.all(
        'subscription',
        (s) =>
          (customer === undefined || s.customer === customer) &&
          (status === 'all' ||
            (status === 'all_but_canceled' ? s.status !== 'canceled' : s.status === status)) &&
          (price === undefined || s.items.data.some((i) => i.price.id === price)) &&
          created(s.created),
      );
      return paginate(rows, '/v1/subscriptions', p);
    }),
    get('/subscription_items/:id', (engine, { params }) =>
      engine.store.get('subscription_item', params.id ?? '', 'id'),
    ),
    get('/subscription_items', (engine, { p }) => {
      const sub = engine.store.get('subscription', p.reqStr('subscription'), 'subscription');
      return paginate(sub.items.data, `/v1/subscription_items?subscription=${sub.id}`, p);
    }),
  ],
};
