// How a checkout session moves after creation: completion (from the state of the intent or
// subscription behind it), asynchronous crypto settlement, and expiry.
import type Stripe from 'stripe';
import type { Engine } from '../engine';
import { refId } from '../protocol/ids';
import { createCharge } from './charges';
import { cancel } from './payment-flow';

/** Simulated on-chain confirmation time for USDC payments (sandbox seconds). */
export const CRYPTO_SETTLE_SECONDS = 30;

export function expireSession(engine: Engine, session: Stripe.Checkout.Session): void {
  session.status = 'expired';
  session.url = null;
  const pi = engine.store.find('payment_intent', refId(session.payment_intent) ?? '');
  if (
    pi !== undefined &&
    ['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(pi.status)
  ) {
    cancel(engine, pi, 'abandoned');
  }
  engine.emit('checkout.session.expired', session);
}

function complete(
  engine: Engine,
  session: Stripe.Checkout.Session,
  paid: Stripe.Checkout.Session.PaymentStatus,
): void {
  session.status = 'complete';
  session.payment_status = paid;
  session.url = null;
  engine.emit('checkout.session.completed', session);
}

/** Advances a session from the state of its payment intent, setup intent or subscription. */
export function syncSession(engine: Engine, session: Stripe.Checkout.Session): void {
  if (session.mode === 'setup') {
    const si = engine.store.find('setup_intent', refId(session.setup_intent) ?? '');
    if (session.status === 'open' && si?.status === 'succeeded')
      complete(engine, session, 'no_payment_required');
    return;
  }
  if (session.mode === 'subscription') {
    const sub = engine.store.find('subscription', refId(session.subscription) ?? '');
    if (session.status === 'open' && sub?.status === 'active') {
      session.invoice = refId(sub.latest_invoice);
      complete(engine, session, 'paid');
    }
    return;
  }
  const pi = engine.store.find('payment_intent', refId(session.payment_intent) ?? '');
  if (pi === undefined) return;
  if (session.status === 'open') {
    if (pi.status === 'succeeded') complete(engine, session, 'paid');
    // An authorisation held for manual capture has not moved funds yet; nor has a payment
    // still settling (crypto). Both complete the session as `unpaid`.
    else if (pi.status === 'requires_capture' || pi.status === 'processing') {
      complete(engine, session, 'unpaid');
    }
    return;
  }
  // Completed while an asynchronous (crypto) payment was still processing: the outcome follows.
  const method = engine.store.find('payment_method', refId(pi.payment_method) ?? '');
  const wasAsync = pi.payment_method_types.includes('crypto') || method?.type === 'crypto';
  if (session.status === 'complete' && session.payment_status === 'unpaid' && wasAsync) {
    if (pi.status === 'succeeded') {
      session.payment_status = 'paid';
      engine.emit('checkout.session.async_payment_succeeded', session);
    } else if (pi.status === 'requires_payment_method') {
      engine.emit('checkout.session.async_payment_failed', session);
    }
  }
}

/** Ticker: expire open sessions past `expires_at`; settle crypto payments that are due. */
export function checkoutTick(engine: Engine): void {
  const now = engine.now();
  for (const s of engine.store.all(
    'checkout.session',
    (x) => x.status === 'open' && x.expires_at <= now,
  )) {
    expireSession(engine, s);
  }
  for (const [piId, due] of Object.entries(
    engine.store.raw(engine.store.internal.cryptoSettlements),
  )) {
    if (due.at > now) continue;
    delete engine.store.internal.cryptoSettlements[piId];
    const pi = engine.store.find('payment_intent', piId);
    if (pi?.status !== 'processing') continue;
    const pm = engine.store.get('payment_method', refId(pi.payment_method) ?? '');
    const decline = due.succeed
      ? null
      : {
          code: 'payment_method_provider_decline',
          declineCode: 'transaction_failed',
          message: 'The USDC transfer failed on-chain.',
        };
    const charge = createCharge(engine, {
      intent: pi,
      pm,
      capture: true,
      decline,
      authenticated: false,
    });
    pi.latest_charge = charge.id;
    pi.processing = null;
    if (decline === null) {
      pi.status = 'succeeded';
      pi.amount_received = pi.amount;
      engine.emit('payment_intent.succeeded', pi);
    } else {
      pi.status = 'requires_payment_method';
      pi.last_payment_error = {
        type: 'card_error',
        code: 'payment_method_provider_decline',
        message: decline.message,
        charge: charge.id,
        payment_method_type: 'crypto',
      };
      engine.emit('payment_intent.payment_failed', pi);
    }
    engine.intentChanged(pi);
  }
}

export function sessionOfIntent(
  engine: Engine,
  pi: Stripe.PaymentIntent,
): Stripe.Checkout.Session | undefined {
  return engine.store.all('checkout.session', (s) => s.payment_intent === pi.id)[0];
}
