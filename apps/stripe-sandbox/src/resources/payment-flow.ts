// The life of a payment intent once confirmed: authorise (maybe via 3-D Secure), charge, capture,
// cancel, hold expiry. Both the API and the sandbox's own flows (invoices, checkout) use it.
import type Stripe from 'stripe';
import type { Engine } from '../engine';
import { StripeError, unexpectedState } from '../protocol/errors';
import { createCharge, openDispute } from './charges';
import { attach } from './payment-methods';
import { AUTHENTICATION_REQUIRED, authorise, type Decline } from './test-cards';

/** Uncaptured card authorisations lapse after 7 days, as with most card networks. */
export const HOLD_SECONDS = 7 * 24 * 60 * 60;

export interface AttemptResult {
  pi: Stripe.PaymentIntent;
  decline: (Decline & { charge: string | null; type: 'card_error' }) | null;
}

export function threeDSUrl(engine: Engine, intentId: string): string {
  return `${engine.baseUrl}/_sandbox/3ds/${intentId}`;
}

/** Stripe's 402 body for a failed intent: the error plus the intent as it now stands. */
export function declineError(engine: Engine, result: AttemptResult): StripeError {
  const d = result.decline!;
  const pm = result.pi.last_payment_error?.payment_method;
  return new StripeError(402, {
    type: d.type,
    code: d.code,
    decline_code: d.declineCode,
    message: d.message,
    ...(d.charge !== null ? { charge: d.charge } : {}),
    payment_intent: structuredClone(result.pi),
    ...(pm !== undefined ? { payment_method: structuredClone(pm) } : {}),
  });
}

function fail(
  engine: Engine,
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  decline: Decline,
  charge: Stripe.Charge | null,
): AttemptResult {
  pi.status = 'requires_payment_method';
  pi.payment_method = null;
  pi.next_action = null;
  pi.last_payment_error = {
    type: 'card_error',
    code: decline.code,
    decline_code: decline.declineCode,
    message: decline.message,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, '-')}`,
    payment_method: structuredClone(pm),
    payment_method_type: pm.type,
    ...(charge !== null ? { charge: charge.id } : {}),
  };
  engine.emit('payment_intent.payment_failed', pi);
  engine.intentChanged(pi);
  return { pi, decline: { ...decline, charge: charge?.id ?? null, type: 'card_error' } };
}

/**
 * Charges the intent's payment method now; `authenticated` once 3-D Secure was passed. With
 * `errorOnRequiresAction` a card that asks for 3-D Secure fails the attempt (402 card_error
 * `authentication_required`, the intent back to requires_payment_method) instead.
 */
export function attempt(
  engine: Engine,
  pi: Stripe.PaymentIntent,
  authenticated: boolean,
  errorOnRequiresAction = false,
): AttemptResult {
  const internal = engine.store.internal;
  const pmId = pi.payment_method as string;
  const pm = engine.store.referenced('payment_method', pmId, 'payment_method');
  const behaviour = internal.cards[pm.id] ?? 'succeed';
  const offSession = internal.offSessionIntents[pi.id] === true;
  const asked = authorise(behaviour, {
    offSession,
    authenticated,
    setUpForOffSession: internal.offSessionReady[pm.id] === true,
  });
  const outcome =
    asked === 'authenticate' && errorOnRequiresAction ? AUTHENTICATION_REQUIRED : asked;
  pi.last_payment_error = null;
  if (outcome === 'authenticate') {
    pi.status = 'requires_action';
    const returnUrl = internal.threeDS[pi.id]?.returnUrl ?? null;
    internal.threeDS[pi.id] = { returnUrl };
    pi.next_action = {
      type: 'redirect_to_url',
      redirect_to_url: { url: threeDSUrl(engine, pi.id), return_url: returnUrl },
    };
    engine.emit('payment_intent.requires_action', pi);
    engine.intentChanged(pi);
    return { pi, decline: null };
  }
  if (outcome !== 'approve') {
    const charge = createCharge(engine, {
      intent: pi,
      pm,
      capture: false,
      decline: outcome,
      authenticated,
    });
    pi.latest_charge = charge.id;
    return fail(engine, pi, pm, outcome, charge);
  }
  const manual = pi.capture_method === 'manual';
  const charge = createCharge(engine, {
    intent: pi,
    pm,
    capture: !manual,
    decline: null,
    authenticated,
  });
  pi.latest_charge = charge.id;
  pi.next_action = null;
  delete internal.threeDS[pi.id];
  if (pi.setup_future_usage !== null && typeof pi.customer === 'string') {
    if (pm.customer === null) attach(engine, pm, pi.customer);
    // A card authenticated while being saved needs no further authentication off-session.
    internal.offSessionReady[pm.id] = true;
  }
  if (manual) {
    pi.status = 'requires_capture';
    pi.amount_capturable = pi.amount;
    internal.holds[pi.id] = engine.now() + HOLD_SECONDS;
    engine.emit('payment_intent.amount_capturable_updated', pi);
  } else {
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    engine.emit('payment_intent.succeeded', pi);
    if (behaviour === 'dispute') openDispute(engine, charge);
  }
  engine.intentChanged(pi);
  return { pi, decline: null };
}

/** After the 3-D Secure page: approve continues the charge, fail returns the intent to the payer. */
export function finishAuthentication(
  engine: Engine,
  pi: Stripe.PaymentIntent,
  approved: boolean,
): AttemptResult {
  if (pi.status !== 'requires_action') return { pi, decline: null };
  if (approved) return attempt(engine, pi, true);
  const pm = engine.store.get('payment_method', pi.payment_method as string);
  return fail(
    engine,
    pi,
    pm,
    {
      code: 'payment_intent_authentication_failure',
      declineCode: 'authentication_failure',
      message:
        'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
    },
    null,
  );
}

export function capture(engine: Engine, pi: Stripe.PaymentIntent, amount: number): void {
  if (pi.status !== 'requires_capture') {
    throw unexpectedState(
      `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
    );
  }
  if (amount > pi.amount_capturable || amount < 0) {
    throw new StripeError(400, {
      type: 'invalid_request_error',
      code: 'amount_too_large',
      param: 'amount_to_capture',
      message: `The amount to capture (${amount}) must be less than or equal to the amount capturable (${pi.amount_capturable}).`,
    });
  }
  const charge = engine.store.get('charge', pi.latest_charge as string);
  charge.captured = true;
  charge.amount_captured = amount;
  charge.balance_transaction = `txn_${charge.id.slice(3)}`;
  pi.amount_received = amount;
  pi.amount_capturable = 0;
  pi.status = 'succeeded';
  delete engine.store.internal.holds[pi.id];
  engine.emit('charge.captured', charge);
  engine.emit('payment_intent.succeeded', pi);
  if (engine.store.internal.cards[String(charge.payment_method)] === 'dispute')
    openDispute(engine, charge);
  engine.intentChanged(pi);
}

const CANCELABLE: Stripe.PaymentIntent.Status[] = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];

/** Releases an uncaptured authorisation the way Stripe shows it: the charge fully refunded. */
function release(engine: Engine, pi: Stripe.PaymentIntent): Stripe.Charge | undefined {
  if (pi.status !== 'requires_capture' || pi.latest_charge === null) return undefined;
  const charge = engine.store.get('charge', pi.latest_charge as string);
  charge.refunded = true;
  charge.amount_refunded = charge.amount;
  pi.amount_capturable = 0;
  delete engine.store.internal.holds[pi.id];
  return charge;
}

export function cancel(
  engine: Engine,
  pi: Stripe.PaymentIntent,
  reason: Stripe.PaymentIntent.CancellationReason | null,
): void {
  if (!CANCELABLE.includes(pi.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
    );
  }
  const charge = release(engine, pi);
  if (charge !== undefined) engine.emit('charge.refunded', charge);
  pi.status = 'canceled';
  pi.canceled_at = engine.now();
  pi.cancellation_reason = reason;
  pi.next_action = null;
  engine.emit('payment_intent.canceled', pi);
  engine.intentChanged(pi);
}

/** Ticker: authorisations not captured within 7 days of sandbox time lapse. */
export function expireHolds(engine: Engine): void {
  const now = engine.now();
  for (const [id, at] of Object.entries(engine.store.raw(engine.store.internal.holds))) {
    if (at > now) continue;
    const pi = engine.store.find('payment_intent', id);
    delete engine.store.internal.holds[id];
    if (pi?.status !== 'requires_capture') continue;
    const charge = release(engine, pi);
    if (charge !== undefined) engine.emit('charge.expired', charge);
    pi.status = 'canceled';
    pi.canceled_at = now;
    pi.cancellation_reason = 'automatic';
    engine.emit('payment_intent.canceled', pi);
    engine.intentChanged(pi);
  }
}
