// Invoices are issued by subscriptions (creation, renewal, prorated updates) and paid through a
// payment intent; the intent's outcome decides `invoice.paid` or `invoice.payment_failed`.
import type Stripe from 'stripe';
import type { Engine } from '../engine';
import { unexpectedState } from '../protocol/errors';
import { newId, refId } from '../protocol/ids';
import { createdFilter, listOf, paginate } from '../protocol/list';
import { get, post, type ResourceModule } from '../router';
import type { Invoice, Subscription } from '../types';
import { attempt } from './payment-flow';
import { newIntent } from './payment-intents';
import { decimalString } from './prices';

export interface LineInput {
  amount: number;
  quantity: number;
  price: Stripe.Price;
  item: string;
  period: { start: number; end: number };
  proration: boolean;
  description: string;
}

export function lineItem(_engine: Engine, sub: Subscription, l: LineInput): Stripe.InvoiceLineItem {
  const line: Stripe.InvoiceLineItem = {
    id: newId('il'),
    object: 'line_item',
    amount: l.amount,
    currency: sub.currency,
    description: l.description,
    discount_amounts: [],
    discountable: !l.proration,
    discounts: [],
    invoice: null,
    livemode: false,
    metadata: {},
    parent: {
      type: 'subscription_item_details',
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: l.proration,
        proration_details: { credited_items: null },
        subscription: sub.id,
        subscription_item: l.item,
      },
    },
    period: l.period,
    pretax_credit_amounts: [],
    pricing: {
      type: 'price_details',
      price_details: { price: l.price.id, product: refId(l.price.product) ?? '' },
      unit_amount_decimal: l.price.unit_amount_decimal,
    },
    quantity: l.quantity,
    quantity_decimal: decimalString(l.quantity),
    subscription: sub.id,
    subtotal: l.amount,
    taxes: [],
  };
  return line;
}

/** Builds, finalises and (unless `collect` is false) tries to pay an invoice for a subscription. */
export function issueInvoice(
  engine: Engine,
  sub: Subscription,
  reason: Stripe.Invoice.BillingReason,
  lines: Stripe.InvoiceLineItem[],
  opts: { collect: boolean; offSession: boolean },
): Invoice {
  const customer = engine.store.get('customer', refId(sub.customer) ?? '', 'customer');
  const now = engine.now();
  const id = newId('in');
  for (const l of lines) l.invoice = id;
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  // A negative total (a downgrade credit) goes to the customer's balance; a credit balance is
  // applied to the next positive total. Balances are negative when in the customer's favour.
  let amountDue = total;
  if (total < 0) {
    customer.balance += total;
    amountDue = 0;
  } else if (customer.balance < 0) {
    const applied = Math.min(total, -customer.balance);
    customer.balance += applied;
    amountDue = total - applied;
  }
  const seq = customer.next_invoice_sequence ?? 1;
  customer.next_invoice_sequence = seq + 1;
  const periodStart = lines[0]?.period.start ?? now;
  const periodEnd = lines[0]?.period.end ?? now;
  const invoice: Invoice = {
    id,
    object: 'invoice',
    account_country: 'US',
    account_name: 'Tender Sandbox',
    account_tax_ids: null,
    amount_due: amountDue,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: amountDue,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: {
      disabled_reason: null,
      enabled: false,
      liability: null,
      provider: null,
      status: null,
    },
    automatically_finalizes_at: null,
    billing_reason: reason,
    collection_method: 'charge_automatically',
    created: now,
    currency: sub.currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: customer.address ?? null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: customer.tax_exempt ?? 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: now,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: `${engine.baseUrl}/_sandbox/invoices/${id}`,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: listOf(lines, `/v1/invoices/${id}/lines`),
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: `${customer.invoice_prefix ?? 'SBX'}-${String(seq).padStart(4, '0')}`,
    on_behalf_of: null,
    paid: false,
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: { metadata: { ...sub.metadata }, subscription: sub.id },
    },
    payment_intent: null,
    payment_settings: {
      default_mandate: null,
      payment_method_options: null,
      payment_method_types: null,
    },
    period_end: periodEnd,
    period_start: periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'open',
    status_transitions: {
      finalized_at: now,
      marked_uncollectible_at: null,
      paid_at: null,
      voided_at: null,
    },
    subscription: sub.id,
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: now,
  };
  engine.store.insert('invoice', invoice);
  engine.emit('invoice.created', invoice);
  engine.emit('invoice.finalized', invoice);
  if (amountDue === 0) {
    markPaid(engine, invoice);
    return invoice;
  }
  const pi = newIntent(engine, {
    amount: amountDue,
    currency: invoice.currency,
    customer: customer.id,
    description: reason === 'subscription_create' ? 'Subscription creation' : 'Subscription update',
    metadata: {},
    captureMethod: 'automatic',
    setupFutureUsage: reason === 'subscription_create' ? 'off_session' : null,
    paymentMethodTypes: ['card'],
  });
  invoice.payment_intent = pi.id;
  engine.store.internal.invoiceOfIntent[pi.id] = invoice.id;
  const payment: Stripe.InvoicePayment = {
    id: newId('inpay'),
    object: 'invoice_payment',
    amount_paid: null,
    amount_requested: amountDue,
    created: now,
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: pi.id },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  };
  engine.store.insert('invoice_payment', payment);
  const pm =
    refId(sub.default_payment_method) ?? refId(customer.invoice_settings.default_payment_method);
  if (pm !== null) {
    pi.payment_method = pm;
    pi.status = 'requires_confirmation';
  }
  engine.emit('payment_intent.created', pi);
  if (opts.collect && pm !== null) collect(engine, invoice, pi, opts.offSession);
  else if (opts.collect) failWithoutMethod(engine, invoice);
  return invoice;
}

function collect(
  engine: Engine,
  invoice: Invoice,
  pi: Stripe.PaymentIntent,
  offSession: boolean,
): void {
  if (offSession) engine.store.internal.offSessionIntents[pi.id] = true;
  invoice.attempted = true;
  invoice.attempt_count += 1;
  attempt(engine, pi, false);
}

const DAY = 24 * 3600;
/**
 * Smart Retries, simplified and deterministic: a renewal (any invoice but a subscription's first,
 * which waits for the customer) that fails is tried again 3, 5 and 7 days after each failure —
 * four attempts over 15 days — and then given up: `next_payment_attempt` null, and the
 * subscription becomes `unpaid` (Stripe's "mark the subscription as unpaid" setting).
 */
export const RETRY_DAYS = [3, 5, 7];

/** Told when an invoice's last retry failed (the subscriptions module marks its subscription). */
const gaveUp = new WeakMap<Engine, (invoice: Invoice) => void>();
export function onInvoiceGaveUp(engine: Engine, fn: (invoice: Invoice) => void): void {
  gaveUp.set(engine, fn);
}

const retries = (invoice: Invoice) =>
  invoice.collection_method === 'charge_automatically' &&
  invoice.billing_reason !== 'subscription_create';

/** After a failed attempt: when the next one is, then `invoice.payment_failed` (which says it). */
function failed(engine: Engine, invoice: Invoice): void {
  const wait = retries(invoice) ? RETRY_DAYS[invoice.attempt_count - 1] : undefined;
  invoice.next_payment_attempt = wait === undefined ? null : engine.now() + wait * DAY;
  engine.emit('invoice.payment_failed', invoice);
  if (wait === undefined && retries(invoice)) gaveUp.get(engine)?.(invoice);
}

function failWithoutMethod(engine: Engine, invoice: Invoice): void {
  invoice.attempted = true;
  invoice.attempt_count += 1;
  failed(engine, invoice);
}

/** Ticker: retries every open invoice whose next attempt is due, with the current default card. */
function retryDue(engine: Engine): void {
  const now = engine.now();
  for (const invoice of engine.store.all(
    'invoice',
    (i) => i.status === 'open' && i.next_payment_attempt !== null && i.next_payment_attempt <= now,
  )) {
    const pi = engine.store.find('payment_intent', refId(invoice.payment_intent) ?? '');
    if (pi === undefined) continue;
    const sub = engine.store.find('subscription', refId(invoice.subscription) ?? '');
    const customer = engine.store.find('customer', refId(invoice.customer) ?? '');
    const pm =
      refId(sub?.default_payment_method ?? null) ??
      refId(customer?.invoice_settings.default_payment_method ?? null) ??
      refId(pi.payment_method);
    invoice.next_payment_attempt = null;
    if (pm === null || engine.store.find('payment_method', pm) === undefined) {
      failWithoutMethod(engine, invoice);
      continue;
    }
    pi.payment_method = pm;
    collect(engine, invoice, pi, true);
  }
}

function markPaid(engine: Engine, invoice: Invoice): void {
  const now = engine.now();
  invoice.status = 'paid';
  invoice.paid = true;
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = now;
  for (const pay of engine.store.all('invoice_payment', (x) => x.invoice === invoice.id)) {
    pay.status = 'paid';
    pay.amount_paid = pay.amount_requested;
    pay.status_transitions.paid_at = now;
  }
  engine.emit('invoice.paid', invoice);
  engine.emit('invoice.payment_succeeded', invoice);
}

/** Reacts to the outcome of an invoice's payment intent. */
function onIntent(engine: Engine, pi: Stripe.PaymentIntent): void {
  const invoiceId = engine.store.internal.invoiceOfIntent[pi.id];
  if (invoiceId === undefined) return;
  const invoice = engine.store.get('invoice', invoiceId);
  if (invoice.status !== 'open') return;
  if (pi.status === 'succeeded') markPaid(engine, invoice);
  else if (pi.status === 'requires_action') engine.emit('invoice.payment_action_required', invoice);
  else if (pi.status === 'requires_payment_method' && pi.last_payment_error !== null) {
    failed(engine, invoice);
  }
}

export const invoices: ResourceModule = {
  setup: (engine) => {
    engine.onIntentChange((pi) => onIntent(engine, pi));
    engine.onTick(retryDue);
  },
  routes: [
    get('/invoices/:id', (engine, { params }) =>
      engine.store.get('invoice', params.id ?? '', 'invoice'),
    ),
    get('/invoices/:id/lines', (engine, { params, p }) => {
      const invoice = engine.store.get('invoice', params.id ?? '', 'invoice');
      return paginate(invoice.lines.data, `/v1/invoices/${invoice.id}/lines`, p);
    }),
    post('/invoices/:id/pay', (engine, { params, p }) => {
      p.allowOnly(['payment_method', 'off_session']);
      const invoice = engine.store.get('invoice', params.id ?? '', 'invoice');
      if (invoice.status !== 'open') {
        throw unexpectedState(`Invoice is already ${invoice.status}.`, 'invoice_not_open');
      }
      const pi = engine.store.get('payment_intent', refId(invoice.payment_intent) ?? '');
      const pm = p.str('payment_method');
      if (pm !== undefined)
        pi.payment_method = engine.store.referenced('payment_method', pm, 'payment_method').id;
      if (pi.payment_method === null) {
        throw unexpectedState(
          'This invoice has no payment method to charge.',
          'invoice_no_payment_method_types',
        );
      }
      collect(engine, invoice, pi, p.bool('off_session') ?? true);
      return invoice;
    }),
    get('/invoices', (engine, { p }) => {
      const customer = p.str('customer');
      const subscription = p.str('subscription');
      const status = p.str('status');
      const created = createdFilter(p);
      const rows = engine.store.all(
        'invoice',
        (i) =>
          (customer === undefined || i.customer === customer) &&
          (subscription === undefined || i.subscription === subscription) &&
          (status === undefined || i.status === status) &&
          created(i.created),
      );
      return paginate(rows, '/v1/invoices', p);
    }),
    get('/invoice_payments/:id', (engine, { params }) =>
      engine.store.get('invoice_payment', params.id ?? '', 'invoice_payment'),
    ),
    get('/invoice_payments', (engine, { p }) => {
      const invoice = p.str('invoice');
      const rows = engine.store.all(
        'invoice_payment',
        (x) => invoice === undefined || x.invoice === invoice,
      );
      return paginate(rows, '/v1/invoice_payments', p);
    }),
  ],
  virtuals: (engine) => ({
    invoice: {
      // Includable fields of today's API: the client secret to confirm the first payment, and
      // the list of payments.
      confirmation_secret: (obj) => {
        const pi = engine.store.find(
          'payment_intent',
          refId(obj.payment_intent as string | null) ?? '',
        );
        return pi === undefined
          ? null
          : { client_secret: pi.client_secret, type: 'payment_intent' };
      },
      payments: (obj) =>
        listOf(
          engine.store.all('invoice_payment', (x) => x.invoice === obj.id),
          `/v1/invoice_payments?invoice=${String(obj.id)}`,
        ),
    },
  }),
};
