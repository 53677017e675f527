import type Stripe from 'stripe';
import type { Observation } from '../payment-state';
import {
  DISPUTE_STATUSES,
  REFUND_STATUSES,
  type DisputeStatus,
  type RefundStatus,
} from '../payments.schema';
import type { EventFacts, ProviderEvent } from './payment-provider';

// Stripe objects and events read in the state machine's terms: pure functions of the object's own
// fields, so any delivery order and any source (event, retrieve, return page) agree.

const toMinor = (n: number | null | undefined): bigint | undefined =>
  n === null || n === undefined ? undefined : BigInt(n);

export const idOf = (v: string | { id: string } | null | undefined): string | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? v : v.id;

/**
 * Stripe's lowercase vocabulary ends here: the port speaks ours (UPPER_SNAKE, British CANCELLED).
 * A refund with no status yet is pending; an unknown dispute status is not ours to act on.
 */
export const ourWord = (stripes: string): string =>
  stripes === 'canceled' ? 'CANCELLED' : stripes.toUpperCase();

export function toRefundStatus(s: string | null | undefined): RefundStatus {
  const ours = ourWord(s ?? 'pending');
  return (REFUND_STATUSES as readonly string[]).includes(ours) ? (ours as RefundStatus) : 'PENDING';
}

export function toDisputeStatus(s: string | null | undefined): DisputeStatus | undefined {
  const ours = ourWord(s ?? '');
  return (DISPUTE_STATUSES as readonly string[]).includes(ours)
    ? (ours as DisputeStatus)
    : undefined;
}

/**
 * What was refunded of the money captured. Stripe counts a partial capture's released remainder
 * (and a released or lapsed hold) in `amount_refunded`; that money was never ours to refund.
 */
export function refundedOf(c: Stripe.Charge): bigint {
  const released = c.amount - (c.captured ? c.amount_captured : 0);
  const refunded = c.amount_refunded - released;
  return BigInt(refunded > 0 ? refunded : 0);
}

/** The authorization's facts on a card charge held for capture: when it lapses, whether it grows. */
export function holdOf(c: Stripe.Charge | null | undefined): Observation {
  const card = c?.payment_method_details?.card;
  if (!card) return {};
  return {
    ...(card.capture_before !== undefined
      ? { captureBefore: new Date(card.capture_before * 1000) }
      : {}),
    ...(card.incremental_authorization
      ? { incrementalAuthorization: card.incremental_authorization.status === 'available' }
      : {}),
  };
}

/** A PaymentIntent, read in the state machine's terms. */
export function observeIntent(pi: Stripe.PaymentIntent): Observation {
  const charge = typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
  const refunded = charge ? refundedOf(charge) : undefined;
  switch (pi.status) {
    case 'requires_action':
      return {
        status: 'REQUIRES_ACTION',
        nextActionUrl: pi.next_action?.redirect_to_url?.url ?? null,
      };
    case 'processing':
      return { status: 'PROCESSING' };
    case 'requires_capture':
      // `amount` is the hold's total: above ours once incrementally authorized.
      return {
        status: 'AUTHORIZED',
        amount: BigInt(pi.amount),
        amountCapturable: toMinor(pi.amount_capturable),
        ...holdOf(charge),
      };
    case 'succeeded':
      return {
        status: 'SUCCEEDED',
        ...(pi.capture_method === 'manual' ? { amount: BigInt(pi.amount) } : {}),
        amountCaptured: toMinor(pi.amount_received),
        amountCapturable: 0n,
        ...(refunded !== undefined ? { amountRefunded: refunded } : {}),
      };
    case 'canceled':
      return { status: 'CANCELLED' };
    case 'requires_payment_method': {
      const err = pi.last_payment_error;
      if (!err) return {};
      return {
        status: 'FAILED',
        failure: {
          code: err.code ?? 'payment_failed',
          message: err.message ?? 'The payment failed',
          ...(err.decline_code ? { declineCode: err.decline_code } : {}),
        },
      };
    }
    case 'requires_confirmation':
      return {};
    default:
      return {};
  }
}

export function observeCheckout(s: Stripe.Checkout.Session): Observation {
  if (s.status === 'expired') return { status: 'EXPIRED' };
  if (s.status !== 'complete') return {};
  if (s.payment_status === 'paid')
    return { status: 'SUCCEEDED', amountCaptured: toMinor(s.amount_total) };
  return { status: 'PROCESSING' };
}

const metaPaymentId = (o: { metadata?: Stripe.Metadata | null }) => o.metadata?.payment_id;

/** Stripe event → facts. Only the object's own fields are used, so any delivery order works. */
export function interpretStripeEvent(event: ProviderEvent): EventFacts | null {
  const object = event.object;
  switch (object.object) {
    case 'payment_intent': {
      const pi = object as unknown as Stripe.PaymentIntent;
      return {
        paymentId: metaPaymentId(pi),
        intentId: pi.id,
        source: 'intent',
        observation: observeIntent(pi),
      };
    }
    case 'checkout.session': {
      const s = object as unknown as Stripe.Checkout.Session;
      const observation =
        event.type === 'checkout.session.async_payment_failed'
          ? {
              status: 'FAILED' as const,
              failure: { code: 'async_payment_failed', message: 'The payment failed' },
            }
          : observeCheckout(s);
      return {
        paymentId: metaPaymentId(s),
        sessionId: s.id,
        intentId: idOf(s.payment_intent) ?? undefined,
        source: 'session',
        observation,
      };
    }
    case 'charge': {
      const c = object as unknown as Stripe.Charge;
      return {
        paymentId: metaPaymentId(c),
        intentId: idOf(c.payment_intent) ?? undefined,
        source: 'charge',
        observation: {
          ...(c.captured ? { amountCaptured: toMinor(c.amount_captured) } : {}),
          amountRefunded: refundedOf(c),
          // A held charge's amount is the hold's total (it grows with incremental authorization).
          ...(c.status === 'succeeded' ? { amount: BigInt(c.amount), ...holdOf(c) } : {}),
        },
      };
    }
    case 'refund': {
      const r = object as unknown as Stripe.Refund;
      return {
        paymentId: r.metadata?.payment_id,
        intentId: idOf(r.payment_intent) ?? undefined,
        source: 'refund',
        observation: {},
        refund: {
          providerRefundId: r.id,
          status: toRefundStatus(r.status),
        },
      };
    }
    case 'dispute': {
      // charge.dispute.created | updated | closed | funds_withdrawn | funds_reinstated: the
      // dispute's own status says everything (an unknown status is not acted on).
      const d = object as unknown as Stripe.Dispute;
      const status = toDisputeStatus(d.status);
      if (!status) return null;
      return {
        intentId: idOf(d.payment_intent) ?? undefined,
        chargeId: idOf(d.charge) ?? undefined,
        source: 'dispute',
        observation: {},
        dispute: {
          providerDisputeId: d.id,
          amount: BigInt(d.amount),
          currency: d.currency,
          status,
          reason: d.reason ?? null,
        },
      };
    }
    case 'account': {
      // account.updated (a Connect event): whether the payout account may receive transfers.
      const a = object as unknown as Stripe.Account;
      return {
        source: 'connect',
        observation: {},
        connect: {
          kind: 'account',
          accountId: a.id,
          ready: a.capabilities?.transfers === 'active' && a.payouts_enabled === true,
          due: a.requirements?.currently_due ?? [],
        },
      };
    }
    case 'transfer': {
      if (event.type !== 'transfer.reversed') return null;
      const t = object as unknown as Stripe.Transfer;
      return {
        source: 'connect',
        observation: {},
        connect: {
          kind: 'transfer_reversed',
          transferId: t.id,
          amountReversed: BigInt(t.amount_reversed),
          currency: t.currency,
        },
      };
    }
    default:
      return null;
  }
}
