// The hosted Checkout page at `session.url`: a card form, and for `crypto` a simulated USDC
// wallet. Submitting it runs the same flows the API does; the browser is then redirected to
// `success_url`, to the 3-D Secure page, or shown the decline.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type Stripe from 'stripe';
import type { Engine } from '../engine';
import { StripeError } from '../protocol/errors';
import type { Params } from '../protocol/form';
import { newId, refId } from '../protocol/ids';
import { ParamReader } from '../protocol/params';
import { CRYPTO_SETTLE_SECONDS, syncSession } from '../resources/checkout-lifecycle';
import { createCustomer } from '../resources/customers';
import { attempt, threeDSAction, threeDSUrl } from '../resources/payment-flow';
import { newIntent } from '../resources/payment-intents';
import { attach, createPaymentMethod } from '../resources/payment-methods';
import { confirmSetup } from '../resources/setup-intents';
import { createSubscription } from '../resources/subscriptions';
import type { Subscription } from '../types';
import { displayAmount, escapeHtml, page } from './html';

type Form = Record<string, string | undefined>;
type Outcome = { redirect: string } | { error: string };

function successUrl(s: Stripe.Checkout.Session): string {
  return (s.success_url ?? s.cancel_url ?? 'about:blank').replace('{CHECKOUT_SESSION_ID}', s.id);
}

function render(engine: Engine, s: Stripe.Checkout.Session, error?: string): string {
  if (s.status !== 'open') {
    return page(
      'Checkout',
      `<h1 id="status">This Checkout Session is ${escapeHtml(s.status ?? 'closed')}.</h1>`,
    );
  }
  const items = engine.store.internal.lineItems[s.id] ?? [];
  const rows = items
    .map(
      (li) =>
        `<li>${escapeHtml(li.description ?? '')} × ${li.quantity ?? 1}: ${displayAmount(li.amount_total, li.currency)}</li>`,
    )
    .join('');
  const total =
    s.amount_total === null
      ? ''
      : `<p>Total: <strong id="total">${displayAmount(s.amount_total, s.currency ?? 'usd')}</strong></p>`;
  const action = `/c/pay/${escapeHtml(s.id)}`;
  const card = s.payment_method_types.includes('card')
    ? `<form method="post" action="${action}" id="card-form"><input type="hidden" name="method" value="card">
<label>Email <input name="email" type="email" value="${escapeHtml(s.customer_email ?? '')}"></label>
<label>Card number <input name="card_number" autocomplete="cc-number" inputmode="numeric"></label>
<label>Expiry month <input name="exp_month" value="12"></label><label>Expiry year <input name="exp_year" value="2034"></label>
<label>CVC <input name="cvc" value="123"></label><label>Name on card <input name="name"></label>
<button type="submit">${s.mode === 'setup' ? 'Save card' : s.mode === 'subscription' ? 'Subscribe' : 'Pay'}</button></form>`
    : '';
  const crypto = s.payment_method_types.includes('crypto')
    ? `<h2>Pay with USDC</h2><p class="muted">Simulated wallet: no chain is contacted. The transfer settles ${CRYPTO_SETTLE_SECONDS} s (sandbox time) after approval.</p>
<form method="post" action="${action}" id="crypto-form"><input type="hidden" name="method" value="crypto">
<button type="submit" name="crypto_outcome" value="succeed">Approve transfer in wallet</button>
<button type="submit" name="crypto_outcome" value="fail">Approve (transfer will fail on-chain)</button></form>`
    : '';
  const cancel =
    s.cancel_url === null
      ? ''
      : `<p><a id="cancel" href="${escapeHtml(s.cancel_url)}">Cancel and return</a></p>`;
  const err = error === undefined ? '' : `<p class="error" id="error">${escapeHtml(error)}</p>`;
  return page(
    'Checkout',
    `<h1>Checkout</h1><ul>${rows}</ul>${total}${err}${card}${crypto}${cancel}`,
  );
}

function ensureCustomer(
  engine: Engine,
  s: Stripe.Checkout.Session,
  email: string | null,
): string | null {
  const existing = refId(s.customer);
  if (existing !== null) return existing;
  if (s.mode === 'payment' && s.customer_creation !== 'always') return null;
  const c = createCustomer(engine, new ParamReader(email === null ? {} : { email }));
  s.customer = c.id;
  return c.id;
}

function withReturn(engine: Engine, pi: Stripe.PaymentIntent, returnUrl: string): Outcome | null {
  engine.store.internal.threeDS[pi.id] = { returnUrl };
  if (pi.status === 'requires_action') {
    // The intent may have been confirmed without a return URL (a subscription's first invoice):
    // Checkout, Stripe's own page, redirects to the challenge and back to itself.
    pi.next_action = threeDSAction(engine, pi.id, returnUrl);
    return { redirect: threeDSUrl(engine, pi.id) };
  }
  if (pi.status === 'requires_payment_method')
    return { error: pi.last_payment_error?.message ?? 'Your card was declined.' };
  return null;
}

function payCrypto(engine: Engine, s: Stripe.Checkout.Session, form: Form): Outcome {
  const pm: Stripe.PaymentMethod = {
    id: newId('pm'),
    object: 'payment_method',
    billing_details: {
      address: null,
      email: form.email ?? null,
      name: null,
      phone: null,
      tax_id: null,
    },
    created: engine.now(),
    crypto: {},
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: 'crypto',
  };
  engine.store.insert('payment_method', pm);
  const pi = newIntent(engine, {
    amount: s.amount_total ?? 0,
    currency: s.currency ?? 'usd',
    customer: refId(s.customer),
    description: null,
    metadata: new ParamReader(
      engine.store.internal.checkoutOptions[s.id]?.paymentIntentData ?? {},
    ).metadata(),
    captureMethod: 'automatic',
    setupFutureUsage: null,
    paymentMethodTypes: ['crypto'],
  });
  engine.emit('payment_intent.created', pi);
  s.payment_intent = pi.id;
  pi.payment_method = pm.id;
  pi.status = 'processing';
  engine.store.internal.cryptoSettlements[pi.id] = {
    at: engine.now() + CRYPTO_SETTLE_SECONDS,
    succeed: form.crypto_outcome !== 'fail',
  };
  engine.emit('payment_intent.processing', pi);
  engine.intentChanged(pi);
  return { redirect: successUrl(s) };
}

/** Starts the session's subscription, or retries the first payment of one left incomplete. */
function subscribe(
  engine: Engine,
  s: Stripe.Checkout.Session,
  customer: string,
  pm: Stripe.PaymentMethod,
): Stripe.PaymentIntent | undefined {
  const firstIntent = (sub: Subscription): Stripe.PaymentIntent | undefined => {
    // Invoices always have an id; the SDK's type leaves it optional (previews have none).
    const invoice = engine.store.find('invoice', refId(sub.latest_invoice as string | null) ?? '');
    return engine.store.find('payment_intent', refId(invoice?.payment_intent) ?? '');
  };
  const existing = engine.store.find('subscription', refId(s.subscription) ?? '');
  if (existing?.status === 'incomplete') {
    existing.default_payment_method = pm.id;
    const pi = firstIntent(existing);
    if (pi?.status === 'requires_payment_method') {
      pi.payment_method = pm.id;
      attempt(engine, pi, false);
    }
    return pi;
  }
  const items = (engine.store.internal.lineItems[s.id] ?? []).map((li) => ({
    price: li.price?.id ?? '',
    quantity: String(li.quantity ?? 1),
  }));
  const data = new ParamReader(engine.store.internal.checkoutOptions[s.id]?.subscriptionData ?? {});
  const sub = createSubscription(
    engine,
    new ParamReader({ customer, items, default_payment_method: pm.id, metadata: data.metadata() }),
  );
  s.subscription = sub.id;
  return firstIntent(sub);
}

function payCard(engine: Engine, s: Stripe.Checkout.Session, form: Form): Outcome {
  const email = form.email !== undefined && form.email !== '' ? form.email : s.customer_email;
  const card: Params = {
    number: form.card_number ?? '',
    exp_month: form.exp_month ?? '',
    exp_year: form.exp_year ?? '',
    cvc: form.cvc ?? '',
  };
  const pm = createPaymentMethod(
    engine,
    new ParamReader({
      type: 'card',
      card,
      billing_details: { email: email ?? '', name: form.name ?? '' },
    }),
  );
  const customer = ensureCustomer(engine, s, email);
  s.customer_details = {
    address: null,
    business_name: null,
    email,
    individual_name: null,
    name: form.name || null,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  const returnUrl = `${engine.baseUrl}/c/pay/${s.id}/return`;
  const options = engine.store.internal.checkoutOptions[s.id];
  if (s.mode === 'setup') {
    const si = engine.store.get('setup_intent', refId(s.setup_intent) ?? '');
    if (customer !== null) si.customer = customer;
    confirmSetup(engine, si, new ParamReader({ payment_method: pm.id, return_url: returnUrl }));
    if (si.status === 'requires_action')
      return { redirect: si.next_action?.redirect_to_url?.url ?? '' };
  } else if (s.mode === 'subscription') {
    attach(engine, pm, customer!);
    const pi = subscribe(engine, s, customer!, pm);
    const next = pi === undefined ? null : withReturn(engine, pi, returnUrl);
    if (next !== null) return next;
  } else {
    const data = new ParamReader(options?.paymentIntentData ?? {});
    let pi = engine.store.find('payment_intent', refId(s.payment_intent) ?? '');
    if (pi === undefined || pi.status !== 'requires_payment_method') {
      pi = newIntent(engine, {
        amount: s.amount_total ?? 0,
        currency: s.currency ?? 'usd',
        customer,
        description: data.str('description') ?? null,
        metadata: data.metadata(),
        captureMethod:
          data.oneOf('capture_method', ['automatic', 'automatic_async', 'manual'] as const) ??
          'automatic',
        setupFutureUsage:
          data.oneOf('setup_future_usage', ['on_session', 'off_session'] as const) ?? null,
        paymentMethodTypes: ['card'],
      });
      engine.emit('payment_intent.created', pi);
      s.payment_intent = pi.id;
    }
    pi.payment_method = pm.id;
    engine.store.internal.threeDS[pi.id] = { returnUrl };
    attempt(engine, pi, false);
    const next = withReturn(engine, pi, returnUrl);
    if (next !== null) return next;
  }
  syncSession(engine, s);
  return s.status === 'complete'
    ? { redirect: successUrl(s) }
    : { error: 'The payment could not be completed.' };
}

export function registerCheckoutPage(app: FastifyInstance, engine: Engine): void {
  const find = (id: string) => engine.store.find('checkout.session', id);
  const notFound = (reply: FastifyReply) =>
    reply.code(404).type('text/html').send(page('Not found', '<h1>Unknown Checkout Session</h1>'));

  app.get<{ Params: { id: string } }>('/c/pay/:id', (req, reply) => {
    const s = find(req.params.id);
    if (s === undefined) return notFound(reply);
    return reply.type('text/html').send(render(engine, s));
  });

  app.post<{ Params: { id: string }; Body: Form }>('/c/pay/:id', (req, reply) => {
    const s = find(req.params.id);
    if (s === undefined) return notFound(reply);
    if (s.status !== 'open') return reply.code(409).type('text/html').send(render(engine, s));
    const form = req.body ?? {};
    let outcome: Outcome;
    try {
      if (form.method === 'crypto' && s.payment_method_types.includes('crypto'))
        outcome = payCrypto(engine, s, form);
      else outcome = payCard(engine, s, form);
    } catch (err) {
      if (!(err instanceof StripeError)) throw err;
      outcome = { error: err.body.message };
    } finally {
      engine.changed();
    }
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    return reply
      .code(402)
      .type('text/html')
      .send(render(engine, s, outcome.error));
  });

  /** Where the 3-D Secure page sends the customer back. */
  app.get<{ Params: { id: string } }>('/c/pay/:id/return', (req, reply) => {
    const s = find(req.params.id);
    if (s === undefined) return notFound(reply);
    syncSession(engine, s);
    engine.changed();
    if (s.status === 'complete') return reply.redirect(successUrl(s), 303);
    return reply
      .code(402)
      .type('text/html')
      .send(render(engine, s, 'Authentication failed. Try another card.'));
  });
}
