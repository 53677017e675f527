// Stripe's documented test cards (https://docs.stripe.com/testing) and the `pm_card_*` /
// `tok_*` shortcuts for them, with the behaviour each one triggers.
import { own } from '../protocol/dict';
import type { CardBehaviour } from '../types';

export interface TestCard {
  number: string;
  brand: 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners' | 'unknown';
  funding: 'credit' | 'debit';
  behaviour: CardBehaviour;
}

const card = (
  number: string,
  behaviour: CardBehaviour,
  brand: TestCard['brand'] = 'visa',
  funding: TestCard['funding'] = 'credit',
): TestCard => ({ number, brand, funding, behaviour });

/** Shortcut names as Stripe spells them after `pm_card_` or `tok_`. */
export const CARD_SHORTCUTS: Record<string, TestCard> = {
  visa: card('4242424242424242', 'succeed'),
  visa_debit: card('4000056655665556', 'succeed', 'visa', 'debit'),
  mastercard: card('5555555555554444', 'succeed', 'mastercard'),
  amex: card('378282246310005', 'succeed', 'amex'),
  discover: card('6011111111111117', 'succeed', 'discover'),
  jcb: card('3566002020360505', 'succeed', 'jcb'),
  diners: card('3056930009020004', 'succeed', 'diners'),
  chargeDeclined: card('4000000000000002', 'generic_decline'),
  chargeDeclinedInsufficientFunds: card('4000000000009995', 'insufficient_funds'),
  chargeDeclinedLostCard: card('4000000000009987', 'lost_card'),
  chargeDeclinedExpiredCard: card('4000000000000069', 'expired_card'),
  chargeDeclinedIncorrectCvc: card('4000000000000127', 'incorrect_cvc'),
  chargeDeclinedProcessingError: card('4000000000000119', 'processing_error'),
  authenticationRequiredOnSetup: card('4000002500003155', 'auth_unless_setup'),
  authenticationRequired: card('4000002760003184', 'auth_always'),
  threeDSecure2Required: card('4000000000003220', 'auth_always'),
  chargeCustomerFail: card('4000000000000341', 'attach_ok_charge_fails'),
  createDispute: card('4000000000000259', 'dispute'),
  bypassPending: card('4000000000000077', 'bypass_pending'),
  bypassPendingInternational: card('4000003720000278', 'bypass_pending'),
  // Sandbox-only: Stripe documents no test card whose increments are declined.
  incrementDeclined: card('4000009900000004', 'increment_declines'),
};

const BY_NUMBER = new Map(Object.values(CARD_SHORTCUTS).map((c) => [c.number, c]));

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function brandOf(number: string): TestCard['brand'] {
  if (number.startsWith('4')) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (number.startsWith('6011') || number.startsWith('65')) return 'discover';
  if (/^35(2[89]|[3-8])/.test(number)) return 'jcb';
  if (/^3(0[0-5]|[68])/.test(number)) return 'diners';
  return 'unknown';
}

/** Any Luhn-valid number works; unlisted numbers behave like 4242…. */
export function cardForNumber(number: string): TestCard | undefined {
  const digits = number.replace(/[\s-]/g, '');
  if (!luhnValid(digits)) return undefined;
  return BY_NUMBER.get(digits) ?? card(digits, 'succeed', brandOf(digits));
}

/** `pm_card_visa` → the visa card; undefined when `id` is not a shortcut. */
export function cardForShortcut(id: string): TestCard | undefined {
  const m = /^(?:pm_card_|tok_)(.+)$/.exec(id);
  // The name is the client's: `pm_card_constructor` names no card.
  return m === null ? undefined : own(CARD_SHORTCUTS, m[1] ?? '');
}

export interface Decline {
  code: string;
  declineCode: string;
  message: string;
}

/** The error each declining behaviour produces, as Stripe words it. */
export const DECLINES: Partial<Record<CardBehaviour, Decline>> = {
  generic_decline: {
    code: 'card_declined',
    declineCode: 'generic_decline',
    message: 'Your card was declined.',
  },
  insufficient_funds: {
    code: 'card_declined',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  lost_card: {
    code: 'card_declined',
    declineCode: 'lost_card',
    message: 'Your card was declined.',
  },
  expired_card: {
    code: 'expired_card',
    declineCode: 'expired_card',
    message: 'Your card has expired.',
  },
  incorrect_cvc: {
    code: 'incorrect_cvc',
    declineCode: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
  },
  processing_error: {
    code: 'processing_error',
    declineCode: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
  attach_ok_charge_fails: {
    code: 'card_declined',
    declineCode: 'generic_decline',
    message: 'Your card was declined.',
  },
};

export const AUTHENTICATION_REQUIRED: Decline = {
  code: 'authentication_required',
  declineCode: 'authentication_required',
  message: 'Your card was declined. This transaction requires authentication.',
};

export type Outcome = 'approve' | 'authenticate' | Decline;

/**
 * What the issuer says to a charge attempt. `authenticated` is true once the customer passed 3-D
 * Secure for this attempt; `offSession` charges cannot authenticate and fail instead.
 */
export function authorise(
  behaviour: CardBehaviour,
  opts: { offSession: boolean; authenticated: boolean; setUpForOffSession: boolean },
): Outcome {
  switch (behaviour) {
    case 'succeed':
    case 'dispute':
    case 'bypass_pending':
    case 'increment_declines':
      return 'approve';
    case 'auth_unless_setup':
      if (opts.authenticated) return 'approve';
      if (opts.offSession) return opts.setUpForOffSession ? 'approve' : AUTHENTICATION_REQUIRED;
      return 'authenticate';
    case 'auth_always':
      if (opts.authenticated) return 'approve';
      return opts.offSession ? AUTHENTICATION_REQUIRED : 'authenticate';
    case 'generic_decline':
    case 'insufficient_funds':
    case 'lost_card':
    case 'expired_card':
    case 'incorrect_cvc':
    case 'processing_error':
    case 'attach_ok_charge_fails':
      return DECLINES[behaviour]!;
  }
}

/** Cards Stripe refuses to attach (it validates them with the issuer first). */
export function declinesOnAttach(behaviour: CardBehaviour): Decline | undefined {
  return behaviour === 'attach_ok_charge_fails' ? undefined : DECLINES[behaviour];
}
