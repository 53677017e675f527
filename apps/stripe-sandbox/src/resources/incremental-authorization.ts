// Incremental authorisation (docs.stripe.com/payments/incremental-authorization): an intent held
// for manual capture asks the issuer to raise its hold to a new, higher total before capture.
import type Stripe from 'stripe';
import { diff, type Engine } from '../engine';
import { checkChargeAmount } from '../protocol/currencies';
import { invalidRequest, StripeError, unexpectedState } from '../protocol/errors';
import type { ParamReader } from '../protocol/params';

/** "Each PaymentIntent can have a maximum of 10 incremental authorization attempts, including declines." */
export const MAX_INCREMENT_ATTEMPTS = 10;

export const INCREMENT_FIELDS = [
  'amount',
  'application_fee_amount',
  'description',
  'metadata',
  'statement_descriptor',
];

/** `payment_method_options[card][request_incremental_authorization]` on create, update, confirm. */
export function applyCardOptions(pi: Stripe.PaymentIntent, p: ParamReader): void {
  const card = p.obj('payment_method_options')?.obj('card');
  const asked = card?.oneOf('request_incremental_authorization', [
    'if_available',
    'never',
  ] as const);
  if (asked === undefined) return;
  const current = pi.payment_method_options?.card;
  pi.payment_method_options = {
    ...pi.payment_method_options,
    card: {
      installments: current?.installments ?? null,
      mandate_options: current?.mandate_options ?? null,
      network: current?.network ?? null,
      request_three_d_secure: current?.request_three_d_secure ?? 'automatic',
      ...current,
      request_incremental_authorization: asked,
    },
  };
}

/** The issuer's answer to an increment on the sandbox's declining card: nothing on the intent moves. */
function declined(pi: Stripe.PaymentIntent, charge: Stripe.Charge): StripeError {
  return new StripeError(402, {
    type: 'card_error',
    code: 'card_declined',
    decline_code: 'generic_decline',
    message: 'Your card was declined.',
    charge: charge.id,
    payment_intent: structuredClone(pi),
  });
}

/**
 * Raises the hold to `amount` (the new total). Refused unless the intent awaits capture and its
 * charge says `incremental_authorization.status: available`, the amount is above the current one,
 * and fewer than 10 attempts were made. Which error codes Stripe uses for these refusals is not
 * documented: the sandbox answers `payment_intent_unexpected_state` (400) for the state and the
 * limit, and a 400 on `amount` for the amount. A decline is a 402 `card_declined` and changes
 * nothing. Stripe documents no events for an increment; the sandbox sends what its fields say
 * changed: `payment_intent.amount_capturable_updated` and `charge.updated`.
 */
export function incrementAuthorization(
  engine: Engine,
  pi: Stripe.PaymentIntent,
  p: ParamReader,
): Stripe.PaymentIntent {
  p.allowOnly(INCREMENT_FIELDS);
  const amount = p.reqInt('amount');
  if (pi.status !== 'requires_capture') {
    throw unexpectedState(
      `This PaymentIntent's authorization could not be incremented because it has a status of ${pi.status}. Only a PaymentIntent with a status of requires_capture can be incremented.`,
    );
  }
  const charge = engine.store.get('charge', pi.latest_charge as string);
  const card = charge.payment_method_details?.card;
  if (card?.incremental_authorization?.status !== 'available') {
    throw unexpectedState(
      'Incremental authorization is not available for this PaymentIntent. Request it with payment_method_options[card][request_incremental_authorization]=if_available on a card that supports it.',
    );
  }
  if (amount <= pi.amount) {
    throw invalidRequest(
      `The amount (${amount}) must be greater than the currently authorized amount (${pi.amount}).`,
      'amount',
    );
  }
  checkChargeAmount(amount, pi.currency, 'amount');
  const internal = engine.store.internal;
  const attempts = internal.increments[pi.id] ?? 0;
  if (attempts >= MAX_INCREMENT_ATTEMPTS) {
    throw unexpectedState(
      `This PaymentIntent has reached the maximum of ${MAX_INCREMENT_ATTEMPTS} incremental authorization attempts.`,
    );
  }
  const fee = p.int('application_fee_amount');
  if (fee !== undefined && pi.transfer_data === null && pi.on_behalf_of === null) {
    throw invalidRequest(
      'Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).',
      'application_fee_amount',
    );
  }
  internal.increments[pi.id] = attempts + 1;
  if (internal.cards[String(charge.payment_method)] === 'increment_declines') {
    throw declined(pi, charge);
  }
  const piBefore = structuredClone(pi);
  const chargeBefore = structuredClone(charge);
  pi.amount = amount;
  pi.amount_capturable = amount;
  if (fee !== undefined) pi.application_fee_amount = fee;
  if (p.has('description')) pi.description = p.str('description') ?? null;
  if (p.has('statement_descriptor'))
    pi.statement_descriptor = p.str('statement_descriptor') ?? null;
  pi.metadata = p.metadata(pi.metadata);
  charge.amount = amount;
  if (card.amount_authorized !== null) card.amount_authorized = amount;
  engine.emit('payment_intent.amount_capturable_updated', pi, diff(piBefore, pi));
  engine.emit('charge.updated', charge, diff(chargeBefore, charge));
  engine.intentChanged(pi);
  return pi;
}
