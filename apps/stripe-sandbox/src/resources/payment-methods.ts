import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import type { Engine } from '../engine';
import { StripeError, invalidRequest } from '../protocol/errors';
import { newId, refId } from '../protocol/ids';
import { paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { get, post, type ResourceModule } from '../router';
import { cardForNumber, cardForShortcut, declinesOnAttach, type TestCard } from './test-cards';

export function address(p: ParamReader | undefined): Stripe.Address | null {
  if (p === undefined) return null;
  return {
    city: p.nullableStr('city') ?? null,
    country: p.nullableStr('country') ?? null,
    line1: p.nullableStr('line1') ?? null,
    line2: p.nullableStr('line2') ?? null,
    postal_code: p.nullableStr('postal_code') ?? null,
    state: p.nullableStr('state') ?? null,
  };
}

function billingDetails(p: ParamReader | undefined): Stripe.PaymentMethod.BillingDetails {
  return {
    address: address(p?.obj('address')),
    email: p?.nullableStr('email') ?? null,
    name: p?.nullableStr('name') ?? null,
    phone: p?.nullableStr('phone') ?? null,
    tax_id: null,
  };
}

function cardError(code: string, message: string, param: string): StripeError {
  return new StripeError(402, { type: 'card_error', code, message, param });
}

function newCardMethod(
  engine: Engine,
  card: TestCard,
  exp: { month: number; year: number },
  billing: Stripe.PaymentMethod.BillingDetails,
  metadata: Stripe.Metadata,
): Stripe.PaymentMethod {
  const pm: Stripe.PaymentMethod = {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: billing,
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: 'US',
      display_brand: card.brand,
      exp_month: exp.month,
      exp_year: exp.year,
      // Same number → same fingerprint, as Stripe guarantees within an account.
      fingerprint: createHash('sha256').update(card.number).digest('base64url').slice(0, 16),
      funding: card.funding,
      generated_from: null,
      last4: card.number.slice(-4),
      networks: { available: [card.brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: engine.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata,
    type: 'card',
  };
  engine.store.insert('payment_method', pm);
  engine.store.internal.cards[pm.id] = card.behaviour;
  return pm;
}

/** A default far-future expiry for cards created from shortcuts, as Stripe's test tokens have. */
function defaultExpiry(engine: Engine): { month: number; year: number } {
  return { month: 12, year: new Date(engine.clock.nowMs()).getUTCFullYear() + 3 };
}

/**
 * A payment method id as a request names it: a stored `pm_…`, or a `pm_card_*` shortcut, which
 * (like Stripe) mints a fresh payment method each time it is used.
 */
export function resolvePaymentMethod(
  engine: Engine,
  id: string,
  param: string,
  /** False for the id in the URL (a missing one is 404 there, 400 as a parameter). */
  asParameter = true,
): Stripe.PaymentMethod {
  const shortcut = cardForShortcut(id);
  if (shortcut !== undefined) {
    return newCardMethod(engine, shortcut, defaultExpiry(engine), billingDetails(undefined), {});
  }
  return asParameter
    ? engine.store.referenced('payment_method', id, param)
    : engine.store.get('payment_method', id, param);
}

export function attach(engine: Engine, pm: Stripe.PaymentMethod, customerId: string): void {
  const customer = engine.store.referenced('customer', customerId, 'customer');
  if (pm.customer !== null && pm.customer !== customer.id) {
    throw invalidRequest(
      'The payment method you provided has already been attached to a customer.',
      'payment_method',
      'payment_method_unexpected_state',
    );
  }
  if (pm.customer === customer.id) return;
  const behaviour = engine.store.internal.cards[pm.id];
  const decline = behaviour === undefined ? undefined : declinesOnAttach(behaviour);
  if (decline !== undefined) {
    throw new StripeError(402, {
      type: 'card_error',
      code: decline.code,
      decline_code: decline.declineCode,
      message: decline.message,
    });
  }
  pm.customer = customer.id;
  engine.emit('payment_method.attached', pm);
}

export function createPaymentMethod(engine: Engine, p: ParamReader): Stripe.PaymentMethod {
  p.allowOnly(['type', 'card', 'billing_details', 'metadata', 'customer', 'payment_method']);
  const type = p.reqStr('type');
  if (type !== 'card') {
    throw invalidRequest(
      `The sandbox only creates card payment methods (got type '${type}').`,
      'type',
      'payment_method_unactivated',
    );
  }
  const c = p.obj('card');
  if (c === undefined)
    throw invalidRequest('Missing required param: card.', 'card', 'parameter_missing');
  const token = c.str('token');
  let card: TestCard | undefined;
  let exp = defaultExpiry(engine);
  if (token !== undefined) {
    card = cardForShortcut(token);
    if (card === undefined)
      throw invalidRequest(`No such token: '${token}'`, 'card[token]', 'token_already_used');
  } else {
    card = cardForNumber(c.reqStr('number'));
    if (card === undefined)
      throw cardError('incorrect_number', 'Your card number is incorrect.', 'card[number]');
    exp = { month: c.reqInt('exp_month'), year: c.reqInt('exp_year') };
    if (exp.year < 100) exp.year += 2000;
    if (exp.month < 1 || exp.month > 12) {
      throw cardError(
        'invalid_expiry_month',
        "Your card's expiration month is invalid.",
        'card[exp_month]',
      );
    }
    const now = new Date(engine.clock.nowMs());
    const nowYm = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
    if (exp.year * 12 + exp.month < nowYm) {
      throw cardError(
        'invalid_expiry_year',
        "Your card's expiration year is invalid.",
        'card[exp_year]',
      );
    }
    const cvc = c.str('cvc');
    if (cvc !== undefined && !/^\d{3,4}$/.test(cvc)) {
      throw cardError('invalid_cvc', "Your card's security code is invalid.", 'card[cvc]');
    }
  }
  return newCardMethod(engine, card, exp, billingDetails(p.obj('billing_details')), p.metadata());
}

export const paymentMethods: ResourceModule = {
  routes: [
    {
      ...post('/payment_methods', (engine, { p }) => createPaymentMethod(engine, p)),
      publishable: true,
    },
    get('/payment_methods/:id', (engine, { params }) =>
      resolvePaymentMethod(engine, params.id ?? '', 'payment_method', false),
    ),
    post('/payment_methods/:id', (engine, { params, p }) => {
      p.allowOnly(['billing_details', 'metadata', 'allow_redisplay']);
      const pm = engine.store.get('payment_method', params.id ?? '', 'payment_method');
      if (p.has('billing_details')) pm.billing_details = billingDetails(p.obj('billing_details'));
      pm.metadata = p.metadata(pm.metadata ?? {});
      engine.emit('payment_method.updated', pm);
      return pm;
    }),
    post('/payment_methods/:id/attach', (engine, { params, p }) => {
      p.allowOnly(['customer']);
      const pm = resolvePaymentMethod(engine, params.id ?? '', 'payment_method', false);
      attach(engine, pm, p.reqStr('customer'));
      return pm;
    }),
    post('/payment_methods/:id/detach', (engine, { params }) => {
      const pm = engine.store.get('payment_method', params.id ?? '', 'payment_method');
      if (pm.customer === null) {
        throw invalidRequest(
          'The payment method you provided is not attached to a customer so detachment is impossible.',
          undefined,
          'payment_method_unexpected_state',
        );
      }
      const customer = engine.store.find('customer', refId(pm.customer) ?? '');
      if (customer?.invoice_settings.default_payment_method === pm.id) {
        customer.invoice_settings.default_payment_method = null;
      }
      pm.customer = null;
      engine.emit('payment_method.detached', pm);
      return pm;
    }),
    get('/payment_methods', (engine, { p }) => {
      const customer = p.str('customer');
      const type = p.str('type');
      const rows = engine.store.all(
        'payment_method',
        (pm) =>
          (customer === undefined || pm.customer === customer) &&
          (type === undefined || pm.type === type),
      );
      return paginate(rows, '/v1/payment_methods', p);
    }),
    get('/customers/:id/payment_methods', (engine, { params, p }) => {
      const customer = engine.store.get('customer', params.id ?? '', 'customer');
      const type = p.str('type');
      const rows = engine.store.all(
        'payment_method',
        (pm) => pm.customer === customer.id && (type === undefined || pm.type === type),
      );
      return paginate(rows, `/v1/customers/${customer.id}/payment_methods`, p);
    }),
  ],
};
