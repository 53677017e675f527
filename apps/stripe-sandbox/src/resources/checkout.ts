// Checkout sessions (payment | setup | subscription): creation and the API routes. The hosted
// page a customer's browser visits is pages/checkout-page.ts; what happens after payment (and
// expiry) is checkout-lifecycle.ts.
import type Stripe from 'stripe';
import type { Engine } from '../engine';
import { invalidRequest, missingParam, unexpectedState } from '../protocol/errors';
import { newId, randomToken, refId } from '../protocol/ids';
import { createdFilter, listOf, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { get, post, type ResourceModule } from '../router';
import { checkoutTick, expireSession, sessionOfIntent, syncSession } from './checkout-lifecycle';
import { currencyParam } from './payment-intents';
import { createPrice } from './prices';
import { newSetupIntent } from './setup-intents';

const MIN_EXPIRY = 30 * 60;
const MAX_EXPIRY = 24 * 60 * 60;

// `payment_method_types` is the older spelling; today's SDK sends `allowed_payment_method_types`.
const FIELDS = [
  'mode',
  'line_items',
  'payment_method_types',
  'allowed_payment_method_types',
  'success_url',
  'cancel_url',
  'customer',
  'customer_email',
  'client_reference_id',
  'metadata',
  'expires_at',
  'payment_intent_data',
  'setup_intent_data',
  'subscription_data',
  'currency',
  'customer_creation',
  'submit_type',
  'allow_promotion_codes',
  'billing_address_collection',
  'locale',
  'ui_mode',
  'return_url',
];

export function sessionUrl(engine: Engine, id: string): string {
  return `${engine.baseUrl}/c/pay/${id}`;
}

function lineItems(
  engine: Engine,
  p: ParamReader,
  mode: Stripe.Checkout.Session.Mode,
): Stripe.LineItem[] {
  return p.list('line_items').map((lp, i) => {
    const priceId = lp.str('price');
    const price =
      priceId !== undefined
        ? engine.store.get('price', priceId, `line_items[${i}][price]`)
        : lp.has('price_data')
          ? createPrice(engine, lp.obj('price_data')!, `line_items[${i}][price_data][product]`)
          : undefined;
    if (price === undefined) throw missingParam(`line_items[${i}][price]`);
    if (mode === 'payment' && price.recurring !== null) {
      throw invalidRequest(
        'You must be in `subscription` mode to specify a recurring price.',
        `line_items[${i}][price]`,
      );
    }
    if (mode === 'subscription' && price.recurring === null && i === 0) {
      throw invalidRequest(
        'You must specify at least one recurring price in `subscription` mode when using prices.',
        'line_items',
      );
    }
    const quantity = lp.int('quantity') ?? 1;
    if (quantity < 1)
      throw invalidRequest('Quantity must be at least 1.', `line_items[${i}][quantity]`);
    const amount = (price.unit_amount ?? 0) * quantity;
    const product = engine.store.find('product', refId(price.product) ?? '');
    return {
      id: newId('li'),
      object: 'item',
      adjustable_quantity: null,
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: price.currency,
      description: product?.name ?? null,
      metadata: {},
      price,
      quantity,
    };
  });
}

function createSession(engine: Engine, p: ParamReader): Stripe.Checkout.Session {
  p.allowOnly(FIELDS);
  const mode = p.oneOf('mode', ['payment', 'setup', 'subscription'] as const);
  if (mode === undefined) throw missingParam('mode');
  const now = engine.now();
  const expiresAt = p.int('expires_at') ?? now + MAX_EXPIRY;
  if (expiresAt < now + MIN_EXPIRY || expiresAt > now + MAX_EXPIRY) {
    throw invalidRequest(
      'The `expires_at` timestamp must be between 30 minutes and 24 hours from the Checkout Session creation.',
      'expires_at',
    );
  }
  const items = lineItems(engine, p, mode);
  if (mode !== 'setup' && items.length === 0) throw missingParam('line_items');
  const allowed = p.strings('allowed_payment_method_types') ?? null;
  const types = allowed ?? p.strings('payment_method_types') ?? ['card'];
  const currency = items[0]?.currency ?? (p.has('currency') ? currencyParam(p) : null);
  if (types.includes('crypto') && (mode !== 'payment' || currency !== 'usd')) {
    throw invalidRequest(
      'The payment method `crypto` only supports `usd` in `payment` mode.',
      allowed === null ? 'payment_method_types' : 'allowed_payment_method_types',
    );
  }
  if (items.some((li) => li.currency !== currency)) {
    throw invalidRequest('All line items must use the same currency.', 'line_items');
  }
  const customer = p.str('customer') ?? null;
  if (customer !== null) engine.store.referenced('customer', customer, 'customer');
  const total = items.reduce((sum, li) => sum + li.amount_total, 0);
  const successUrl = p.str('success_url') ?? null;
  if (successUrl === null && p.str('ui_mode') !== 'embedded') throw missingParam('success_url');
  const id = `cs_test_${randomToken(58)}`;
  const session: Stripe.Checkout.Session = {
    id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: p.bool('allow_promotion_codes') ?? null,
    allowed_payment_method_types: allowed,
    amount_subtotal: mode === 'setup' ? null : total,
    amount_total: mode === 'setup' ? null : total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection:
      p.oneOf('billing_address_collection', ['auto', 'required'] as const) ?? null,
    cancel_url: p.str('cancel_url') ?? null,
    client_reference_id: p.str('client_reference_id') ?? null,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer,
    customer_account: null,
    customer_creation:
      customer === null && mode === 'payment'
        ? (p.oneOf('customer_creation', ['always', 'if_required'] as const) ?? 'if_required')
        : null,
    customer_details: null,
    customer_email: p.str('customer_email') ?? null,
    discounts: [],
    expires_at: expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: p.metadata(),
    mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: mode === 'payment' ? null : 'always',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: types,
    payment_status: mode === 'setup' ? 'no_payment_required' : 'unpaid',
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: null,
    wallet_options: null,
  };
  session.url = sessionUrl(engine, id);
  engine.store.insert('checkout.session', session);
  engine.store.internal.lineItems[id] = items;
  if (mode === 'setup') {
    const data = p.obj('setup_intent_data');
    const si = newSetupIntent(engine, {
      customer,
      usage: 'off_session',
      metadata: data?.metadata() ?? {},
      description: data?.str('description') ?? null,
      types: types.filter((t) => t === 'card'),
    });
    session.setup_intent = si.id;
  }
  engine.store.internal.checkoutOptions[id] = {
    paymentIntentData: p.obj('payment_intent_data')?.raw ?? {},
    subscriptionData: p.obj('subscription_data')?.raw ?? {},
  };
  return session;
}

export const checkout: ResourceModule = {
  setup: (engine) => {
    engine.onTick(checkoutTick);
    engine.onIntentChange((pi) => {
      const s = sessionOfIntent(engine, pi);
      if (s !== undefined) syncSession(engine, s);
    });
  },
  routes: [
    post('/checkout/sessions', (engine, { p }) => createSession(engine, p)),
    get('/checkout/sessions/:id', (engine, { params }) =>
      engine.store.get('checkout.session', params.id ?? '', 'session'),
    ),
    post('/checkout/sessions/:id', (engine, { params, p }) => {
      p.allowOnly(['metadata']);
      const s = engine.store.get('checkout.session', params.id ?? '', 'session');
      s.metadata = p.metadata(s.metadata ?? {});
      return s;
    }),
    post('/checkout/sessions/:id/expire', (engine, { params }) => {
      const s = engine.store.get('checkout.session', params.id ?? '', 'session');
      if (s.status !== 'open') {
        throw unexpectedState(
          `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${s.status}".`,
          'checkout_session_unexpected_state',
        );
      }
      expireSession(engine, s);
      return s;
    }),
    get('/checkout/sessions/:id/line_items', (engine, { params, p }) => {
      const s = engine.store.get('checkout.session', params.id ?? '', 'session');
      return paginate(
        engine.store.internal.lineItems[s.id] ?? [],
        `/v1/checkout/sessions/${s.id}/line_items`,
        p,
      );
    }),
    get('/checkout/sessions', (engine, { p }) => {
      const pi = p.str('payment_intent');
      const customer = p.str('customer');
      const status = p.str('status');
      const sub = p.str('subscription');
      const created = createdFilter(p);
      const rows = engine.store.all(
        'checkout.session',
        (s) =>
          (pi === undefined || s.payment_intent === pi) &&
          (customer === undefined || s.customer === customer) &&
          (status === undefined || s.status === status) &&
          (sub === undefined || s.subscription === sub) &&
          created(s.created),
      );
      return paginate(rows, '/v1/checkout/sessions', p);
    }),
  ],
  virtuals: (engine) => ({
    'checkout.session': {
      line_items: (obj) =>
        listOf(
          engine.store.internal.lineItems[String(obj.id)] ?? [],
          `/v1/checkout/sessions/${String(obj.id)}/line_items`,
        ),
    },
  }),
};
