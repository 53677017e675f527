import type Stripe from 'stripe';
import { diff, type Engine } from '../engine';
import { invalidRequest } from '../protocol/errors';
import { newId } from '../protocol/ids';
import { createdFilter, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { get, post, type ResourceModule } from '../router';
import { refundTransaction } from './balance';

function chargeToRefund(engine: Engine, p: ParamReader): Stripe.Charge {
  const chargeId = p.str('charge');
  if (chargeId !== undefined) return engine.store.referenced('charge', chargeId, 'charge');
  const piId = p.str('payment_intent');
  if (piId === undefined) {
    throw invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
      'payment_intent',
      'parameter_missing',
    );
  }
  const pi = engine.store.referenced('payment_intent', piId, 'payment_intent');
  const charge =
    pi.latest_charge === null ? undefined : engine.store.find('charge', pi.latest_charge as string);
  if (pi.status !== 'succeeded' || charge === undefined) {
    throw invalidRequest(
      `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
      'payment_intent',
      'charge_not_refundable',
    );
  }
  return charge;
}

/** Refunds never exceed what was captured; several partial refunds may add up to it. */
function createRefund(engine: Engine, p: ParamReader): Stripe.Refund {
  p.allowOnly(['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'instructions_email']);
  const charge = chargeToRefund(engine, p);
  // A partial capture's released remainder is already in amount_refunded (as Stripe reports it),
  // so what is left to refund is the charge's amount less everything refunded.
  const refundable = charge.amount - charge.amount_refunded;
  if (!charge.captured || charge.status !== 'succeeded') {
    throw invalidRequest(
      `Charge ${charge.id} has not been captured and cannot be refunded.`,
      'charge',
      'charge_not_refundable',
    );
  }
  if (refundable <= 0) {
    throw invalidRequest(
      `Charge ${charge.id} has already been refunded.`,
      'charge',
      'charge_already_refunded',
    );
  }
  const amount = p.amount('amount', 1) ?? refundable;
  if (amount > refundable) {
    throw invalidRequest(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${refundable})`,
      'amount',
      'amount_too_large',
    );
  }
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
    destination_details: {
      card: {
        reference_status: 'pending',
        reference_type: 'acquirer_reference_number',
        type: 'refund',
      },
      type: 'card',
    },
    metadata: p.metadata(),
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason:
      p.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  refund.balance_transaction = refundTransaction(engine, refund).id;
  engine.store.insert('refund', refund);
  const before = structuredClone(charge);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded >= charge.amount;
  engine.emit('refund.created', refund);
  engine.emit('charge.refunded', charge, diff(before, charge));
  return refund;
}

export const refunds: ResourceModule = {
  routes: [
    post('/refunds', (engine, { p }) => createRefund(engine, p)),
    get('/refunds/:id', (engine, { params }) =>
      engine.store.get('refund', params.id ?? '', 'refund'),
    ),
    post('/refunds/:id', (engine, { params, p }) => {
      p.allowOnly(['metadata']);
      const refund = engine.store.get('refund', params.id ?? '', 'refund');
      const before = structuredClone(refund);
      refund.metadata = p.metadata(refund.metadata ?? {});
      engine.emit('refund.updated', refund, diff(before, refund));
      return refund;
    }),
    get('/refunds', (engine, { p }) => {
      const charge = p.str('charge');
      const pi = p.str('payment_intent');
      const created = createdFilter(p);
      const rows = engine.store.all(
        'refund',
        (r) =>
          (charge === undefined || r.charge === charge) &&
          (pi === undefined || r.payment_intent === pi) &&
          created(r.created),
      );
      return paginate(rows, '/v1/refunds', p);
    }),
  ],
};
