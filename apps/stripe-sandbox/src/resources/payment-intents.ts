import type Stripe from 'stripe';
import type { Engine } from '../engine';
import { checkChargeAmount, isCurrency } from '../protocol/currencies';
import { invalidRequest, notFound, unexpectedState } from '../protocol/errors';
import { clientSecret, newId } from '../protocol/ids';
import { createdFilter, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { get, post, type ResourceModule } from '../router';
import { attempt, cancel, capture, declineError, expireHolds } from './payment-flow';
import { applyCardOptions, incrementAuthorization } from './incremental-authorization';
import { createPaymentMethod, resolvePaymentMethod } from './payment-methods';

const CREATE_FIELDS = [
  'amount',
  'currency',
  'customer',
  'payment_method',
  'payment_method_types',
  'capture_method',
  'confirm',
  'off_session',
  'setup_future_usage',
  'description',
  'metadata',
  'receipt_email',
  'return_url',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'automatic_payment_methods',
  'confirmation_method',
  'error_on_requires_action',
  'payment_method_options',
  'transfer_group',
  'use_stripe_sdk',
  'mandate_data',
  'payment_method_data',
];
const CONFIRM_FIELDS = [
  'payment_method',
  'payment_method_data',
  'off_session',
  'return_url',
  'setup_future_usage',
  'receipt_email',
  'capture_method',
  'error_on_requires_action',
  'payment_method_options',
  'use_stripe_sdk',
  'mandate_data',
];

/**
 * What the payer's browser may send when it confirms with a publishable key: the card (as a
 * `pm_…` or typed card details) and where to come back after 3-D Secure — never the amount,
 * the capture method or anything else the server decided.
 */
const CLIENT_CONFIRM_FIELDS = [
  'payment_method',
  'payment_method_data',
  'return_url',
  'use_stripe_sdk',
];

/**
 * The intent a publishable-key request names, only if it also carries that intent's client
 * secret; otherwise Stripe's 404, so a key and an id alone reveal nothing.
 */
function bySecret(engine: Engine, id: string, p: ParamReader): Stripe.PaymentIntent {
  const pi = engine.store.find('payment_intent', id);
  const secret = p.str('client_secret');
  if (!pi || secret === undefined || secret !== pi.client_secret)
    throw notFound('payment_intent', id, 'intent');
  return pi;
}

/** A charge amount in `currency`, within Stripe's minimum and maximum for it. */
export function amountParam(p: ParamReader, currency: string, key = 'amount'): number {
  const amount = p.reqInt(key);
  checkChargeAmount(amount, currency, key);
  return amount;
}

export function currencyParam(p: ParamReader, key = 'currency'): string {
  const currency = p.reqStr(key).toLowerCase();
  if (!isCurrency(currency)) {
    throw invalidRequest(
      `Invalid currency: ${currency}. Stripe currently supports these currencies: see https://stripe.com/docs/currencies`,
      key,
      'parameter_invalid_string',
    );
  }
  return currency;
}

export interface IntentInput {
  amount: number;
  currency: string;
  customer: string | null;
  description: string | null;
  metadata: Stripe.Metadata;
  captureMethod: Stripe.PaymentIntent.CaptureMethod;
  setupFutureUsage: Stripe.PaymentIntent.SetupFutureUsage | null;
  paymentMethodTypes: string[];
}

export function newIntent(engine: Engine, input: IntentInput): Stripe.PaymentIntent {
  const id = newId('pi');
  const pi: Stripe.PaymentIntent = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: input.captureMethod,
    client_secret: clientSecret(id),
    confirmation_method: 'automatic',
    created: engine.now(),
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: input.paymentMethodTypes,
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: input.setupFutureUsage,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
  engine.store.insert('payment_intent', pi);
  return pi;
}

function setPaymentMethod(engine: Engine, pi: Stripe.PaymentIntent, id: string): void {
  const pm = resolvePaymentMethod(engine, id, 'payment_method');
  if (pm.customer !== null && pm.customer !== pi.customer) {
    throw invalidRequest(
      pi.customer === null
        ? 'The provided PaymentMethod belongs to a Customer, but you did not provide a Customer. Provide the Customer that the PaymentMethod is attached to.'
        : `The provided PaymentMethod belongs to a different Customer than the one on this PaymentIntent.`,
      'payment_method',
      'payment_method_unexpected_state',
    );
  }
  pi.payment_method = pm.id;
  pi.status = 'requires_confirmation';
}

/** Confirms an intent; a decline is thrown as Stripe's 402 after the failure is recorded. */
export function confirmIntent(
  engine: Engine,
  pi: Stripe.PaymentIntent,
  p: ParamReader,
): Stripe.PaymentIntent {
  if (
    !['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(pi.status)
  ) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`,
    );
  }
  const pmId = p.str('payment_method');
  if (pmId !== undefined) setPaymentMethod(engine, pi, pmId);
  const pmData = p.obj('payment_method_data');
  if (pmData !== undefined) setPaymentMethod(engine, pi, createPaymentMethod(engine, pmData).id);
  if (pi.payment_method === null) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
    );
  }
  const offSession = p.str('off_session');
  if (offSession !== undefined && offSession !== 'false') {
    engine.store.internal.offSessionIntents[pi.id] = true;
  }
  const sfu = p.oneOf('setup_future_usage', ['on_session', 'off_session', ''] as const);
  if (sfu !== undefined) pi.setup_future_usage = sfu === '' ? null : sfu;
  if (p.has('receipt_email')) pi.receipt_email = p.email('receipt_email') ?? null;
  const captureMethod = p.oneOf('capture_method', [
    'automatic',
    'automatic_async',
    'manual',
  ] as const);
  if (captureMethod !== undefined) pi.capture_method = captureMethod;
  const returnUrl = p.str('return_url');
  if (returnUrl !== undefined) engine.store.internal.threeDS[pi.id] = { returnUrl };
  applyCardOptions(pi, p);
  const result = attempt(engine, pi, false, p.bool('error_on_requires_action') === true);
  if (result.decline !== null) throw declineError(engine, result);
  return pi;
}

function createIntent(engine: Engine, p: ParamReader): Stripe.PaymentIntent {
  p.allowOnly(CREATE_FIELDS);
  const customer = p.str('customer');
  if (customer !== undefined) engine.store.referenced('customer', customer, 'customer');
  const pi = newIntent(engine, {
    currency: currencyParam(p),
    amount: amountParam(p, currencyParam(p)),
    customer: customer ?? null,
    description: p.str('description') ?? null,
    metadata: p.metadata(),
    captureMethod:
      p.oneOf('capture_method', ['automatic', 'automatic_async', 'manual'] as const) ??
      'automatic_async',
    setupFutureUsage: p.oneOf('setup_future_usage', ['on_session', 'off_session'] as const) ?? null,
    paymentMethodTypes: p.strings('payment_method_types') ?? ['card'],
  });
  pi.receipt_email = p.email('receipt_email') ?? null;
  pi.statement_descriptor = p.str('statement_descriptor') ?? null;
  pi.statement_descriptor_suffix = p.str('statement_descriptor_suffix') ?? null;
  pi.transfer_group = p.str('transfer_group') ?? null;
  if (p.obj('automatic_payment_methods')?.bool('enabled') === true) {
    pi.automatic_payment_methods = { allow_redirects: 'always', enabled: true };
  }
  applyCardOptions(pi, p);
  const pmId = p.str('payment_method');
  if (pmId !== undefined) setPaymentMethod(engine, pi, pmId);
  engine.emit('payment_intent.created', pi);
  if (p.bool('confirm') === true) {
    const offSession = p.str('off_session');
    if (offSession !== undefined && offSession !== 'false') {
      engine.store.internal.offSessionIntents[pi.id] = true;
    }
    const returnUrl = p.str('return_url');
    if (returnUrl !== undefined) engine.store.internal.threeDS[pi.id] = { returnUrl };
    return confirmIntent(engine, pi, p.without(['payment_method', 'off_session', 'return_url']));
  }
  return pi;
}

function updateIntent(
  engine: Engine,
  pi: Stripe.PaymentIntent,
  p: ParamReader,
): Stripe.PaymentIntent {
  p.allowOnly([
    'amount',
    'currency',
    'customer',
    'payment_method',
    'description',
    'metadata',
    'receipt_email',
    'setup_future_usage',
    'capture_method',
    'statement_descriptor',
    'statement_descriptor_suffix',
    'payment_method_types',
    'payment_method_options',
  ]);
  const locked = ['succeeded', 'canceled', 'processing', 'requires_capture'].includes(pi.status);
  const moneyFields = ['amount', 'currency', 'customer', 'payment_method', 'capture_method'];
  if (locked && moneyFields.some((f) => p.has(f))) {
    throw unexpectedState(
      `This PaymentIntent's ${moneyFields.find((f) => p.has(f))} could not be updated because it has a status of ${pi.status}.`,
    );
  }
  if (p.has('currency')) pi.currency = currencyParam(p);
  if (p.has('amount')) pi.amount = amountParam(p, pi.currency);
  if (p.has('customer')) {
    const c = p.nullableStr('customer') ?? null;
    if (c !== null) engine.store.referenced('customer', c, 'customer');
    pi.customer = c;
  }
  if (p.has('description')) pi.description = p.nullableStr('description') ?? null;
  if (p.has('receipt_email')) pi.receipt_email = p.email('receipt_email') ?? null;
  if (p.has('statement_descriptor'))
    pi.statement_descriptor = p.nullableStr('statement_descriptor') ?? null;
  if (p.has('payment_method_types'))
    pi.payment_method_types = p.strings('payment_method_types') ?? ['card'];
  const sfu = p.oneOf('setup_future_usage', ['on_session', 'off_session', ''] as const);
  if (sfu !== undefined) pi.setup_future_usage = sfu === '' ? null : sfu;
  const cm = p.oneOf('capture_method', ['automatic', 'automatic_async', 'manual'] as const);
  if (cm !== undefined) pi.capture_method = cm;
  pi.metadata = p.metadata(pi.metadata);
  applyCardOptions(pi, p);
  const pmId = p.str('payment_method');
  if (pmId !== undefined) setPaymentMethod(engine, pi, pmId);
  return pi;
}

export const paymentIntents: ResourceModule = {
  setup: (engine) => engine.onTick(expireHolds),
  routes: [
    post('/payment_intents', (engine, { p }) => createIntent(engine, p)),
    {
      // Stripe.js reads an intent with the publishable key and its client secret.
      ...get('/payment_intents/:id', (engine, { params, p, publishable }) =>
        publishable
          ? bySecret(engine, params.id ?? '', p)
          : engine.store.get('payment_intent', params.id ?? '', 'intent'),
      ),
      publishable: true,
    },
    post('/payment_intents/:id', (engine, { params, p }) => {
      const pi = engine.store.get('payment_intent', params.id ?? '', 'intent');
      // Stripe has no payment_intent.updated event, so an update emits nothing.
      return updateIntent(engine, pi, p);
    }),
    {
      // Confirmed by the payer's browser (Stripe.js confirmCardPayment): publishable key + secret.
      ...post('/payment_intents/:id/confirm', (engine, { params, p, publishable }) => {
        if (publishable) {
          p.allowOnly([...CLIENT_CONFIRM_FIELDS, 'client_secret']);
          return confirmIntent(
            engine,
            bySecret(engine, params.id ?? '', p),
            p.without(['client_secret']),
          );
        }
        p.allowOnly(CONFIRM_FIELDS);
        return confirmIntent(
          engine,
          engine.store.get('payment_intent', params.id ?? '', 'intent'),
          p,
        );
      }),
      publishable: true,
    },
    post('/payment_intents/:id/capture', (engine, { params, p }) => {
      p.allowOnly(['amount_to_capture', 'metadata', 'final_capture', 'statement_descriptor']);
      const pi = engine.store.get('payment_intent', params.id ?? '', 'intent');
      pi.metadata = p.metadata(pi.metadata);
      capture(engine, pi, p.int('amount_to_capture') ?? pi.amount_capturable);
      return pi;
    }),
    post('/payment_intents/:id/increment_authorization', (engine, { params, p }) =>
      incrementAuthorization(
        engine,
        engine.store.get('payment_intent', params.id ?? '', 'intent'),
        p,
      ),
    ),
    post('/payment_intents/:id/cancel', (engine, { params, p }) => {
      p.allowOnly(['cancellation_reason']);
      const pi = engine.store.get('payment_intent', params.id ?? '', 'intent');
      const reason = p.oneOf('cancellation_reason', [
        'duplicate',
        'fraudulent',
        'requested_by_customer',
        'abandoned',
      ] as const);
      cancel(engine, pi, reason ?? null);
      return pi;
    }),
    get('/payment_intents', (engine, { p }) => {
      const customer = p.str('customer');
      const created = createdFilter(p);
      const rows = engine.store.all(
        'payment_intent',
        (pi) => (customer === undefined || pi.customer === customer) && created(pi.created),
      );
      return paginate(rows, '/v1/payment_intents', p);
    }),
  ],
};
