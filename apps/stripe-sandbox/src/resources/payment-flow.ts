// The life of a payment intent once confirmed: authorise (maybe via 3-D Secure), charge, capture,
// cancel, hold expiry. Both the API and the sandbox's own flows (invoices, checkout) use it.
import type Stripe from 'stripe';
import type { Engine } from '../engine';
import { StripeError, unexpectedState } from '../protocol/errors';
import { newId } from '../protocol/ids';
import { createCharge, openDispute, type AuthorisationHold } from './charges';
import { chargeTransaction } from './balance';
import { attach } from './payment-methods';
import { AUTHENTICATION_REQUIRED, authorise, type Decline } from './test-cards';

/** Uncaptured card authorisations lapse after 7 days, as with most card networks. */
export const HOLD_SECONDS = 7 * 24 * 60 * 60;
/**
 * Visa's window for merchant-initiated (off-session) online payments: "5 days", exactly 4 days
 * and 18 hours to leave time for clearing (docs.stripe.com/payments/place-a-hold-on-a-payment-method).
 */
export const VISA_MIT_HOLD_SECONDS = (4 * 24 + 18) * 60 * 60;

/** Brands Stripe offers incremental authorisation on (docs.stripe.com/payments/incremental-authorization). */
const INCREMENTABLE_BRANDS = ['visa', 'mastercard', 'amex', 'discover', 'unionpay'];

/** The hold a manual-capture card authorisation gets: its deadline and whether it can grow. */
function holdFor(
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  offSession: boolean,
  now: number,
): AuthorisationHold {
  const brand = pm.card?.brand ?? 'unknown';
  const requested =
    pi.payment_method_options?.card?.request_incremental_authorization === 'if_available';
  return {
    captureBefore: now + (brand === 'visa' && offSession ? VISA_MIT_HOLD_SECONDS : HOLD_SECONDS),
    incremental: requested && INCREMENTABLE_BRANDS.includes(brand) ? 'available' : 'unavailable',
  };
}

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
  const hold = manual && pm.type === 'card' ? holdFor(pi, pm, offSession, engine.now()) : undefined;
  const charge = createCharge(engine, {
    intent: pi,
    pm,
    capture: !manual,
    decline: null,
    authenticated,
    ...(hold !== undefined ? { hold } : {}),
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
    internal.holds[pi.id] = hold?.captureBefore ?? engine.now() + HOLD_SECONDS;
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
  // A hold past its deadline that the ticker has not swept yet lapses now, as Stripe's would have.
  const due = engine.store.internal.holds[pi.id];
  if (pi.status === 'requires_capture' && due !== undefined && due <= engine.now()) {
    expireHold(engine, pi, engine.now());
    throw new StripeError(400, {
      type: 'invalid_request_error',
      code: 'charge_expired_for_capture',
      message:
        'The charge cannot be captured as the authorization has expired. Auth and capture charges must be captured within the authorization validity window.',
    });
  }
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
  charge.balance_transaction = chargeTransaction(engine, charge).id;
  if (amount < charge.amount) releaseRemainder(engine, charge, charge.amount - amount);
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

/**
 * A partial capture releases the rest of the hold, and Stripe reports that release as a refund:
 * the charge's `amount_refunded` includes it and its refunds list holds a refund for it
 * (`refunded` stays false). Stripe documents no event for this refund beyond `charge.captured`,
 * so none is sent.
 */
function releaseRemainder(engine: Engine, charge: Stripe.Charge, amount: number): void {
  const refund: Stripe.Refund = {
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: engine.now(),
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    metadata: {},
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  engine.store.insert('refund', refund);
  charge.amount_refunded = amount;
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

/** An authorisation past its `capture_before`: released, the intent canceled as `automatic`. */
function expireHold(engine: Engine, pi: Stripe.PaymentIntent, now: number): void {
  delete engine.store.internal.holds[pi.id];
  const charge = release(engine, pi);
  if (charge !== undefined) engine.emit('charge.expired', charge);
  pi.status = 'canceled';
  pi.canceled_at = now;
  pi.cancellation_reason = 'automatic';
  engine.emit('payment_intent.canceled', pi);
  engine.intentChanged(pi);
}

/** Ticker: authorisations not captured before their `capture_before` (sandbox time) lapse. */
export function expireHolds(engine: Engine): void {
  const now = engine.now();
  for (const [id, at] of Object.entries(engine.store.raw(engine.store.internal.holds))) {
    if (at > now) continue;
    const pi = engine.store.find('payment_intent', id);
    if (pi?.status !== 'requires_capture') {
      delete engine.store.internal.holds[id];
      continue;
    }
    expireHold(engine, pi, now);
  }
}
