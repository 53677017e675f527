import type Stripe from 'stripe';
import { diff, type Engine } from '../engine';
import { newId, randomToken } from '../protocol/ids';
import { createdFilter, paginate } from '../protocol/list';
import { invalidRequest } from '../protocol/errors';
import type { ParamReader } from '../protocol/params';
import { get, post, type ResourceModule } from '../router';
import { chargeTransaction, disputeReinstatement, disputeWithdrawal } from './balance';
import type { Decline } from './test-cards';

export interface ChargeInput {
  intent: Stripe.PaymentIntent;
  pm: Stripe.PaymentMethod;
  capture: boolean;
  decline: Decline | null;
  authenticated: boolean;
  /** An authorisation held for manual capture: until when, and whether it may be incremented. */
  hold?: AuthorisationHold;
}

export interface AuthorisationHold {
  captureBefore: number;
  incremental: 'available' | 'unavailable';
}

function methodDetails(
  pm: Stripe.PaymentMethod,
  amount: number,
  authenticated: boolean,
  hold: AuthorisationHold | undefined,
): Stripe.Charge.PaymentMethodDetails {
  if (pm.type === 'crypto') {
    return {
      type: 'crypto',
      crypto: {
        buyer_address: `0x${randomToken(40).toLowerCase()}`,
        network: 'base',
        token_currency: 'usdc',
        transaction_hash: `0x${randomToken(64).toLowerCase()}`,
      },
    };
  }
  const card = pm.card!;
  return {
    type: 'card',
    card: {
      amount_authorized: amount,
      authorization_code: randomToken(6).toUpperCase(),
      brand: card.brand,
      // Only an authorisation awaiting capture has a deadline (docs.stripe.com/payments/place-a-hold-on-a-payment-method).
      ...(hold !== undefined ? { capture_before: hold.captureBefore } : {}),
      checks: card.checks,
      country: card.country,
      electronic_commerce_indicator: authenticated ? '05' : null,
      exp_month: card.exp_month,
      exp_year: card.exp_year,
      fingerprint: card.fingerprint ?? null,
      funding: card.funding,
      // Present on every card charge, as in Stripe's example charge; `available` only for a
      // manual-capture authorisation that asked for it on a card brand that supports it.
      incremental_authorization: { status: hold?.incremental ?? 'unavailable' },
      installments: null,
      last4: card.last4,
      mandate: null,
      network: card.brand,
      network_token: { used: false },
      network_transaction_id: randomToken(15),
      regulated_status: 'unregulated',
      transaction_link_id: null,
      three_d_secure: authenticated
        ? {
            authentication_flow: 'challenge',
            electronic_commerce_indicator: '05',
            exemption_indicator: null,
            result: 'authenticated',
            result_reason: null,
            transaction_id: randomToken(32),
            version: '2.2.0',
          }
        : null,
      wallet: null,
    },
  };
}

/** One attempt to charge a payment method for an intent; failed attempts are charges too. */
export function createCharge(engine: Engine, input: ChargeInput): Stripe.Charge {
  const { intent, pm, capture, decline } = input;
  const ok = decline === null;
  const amount = intent.amount;
  const id = newId('ch');
  const charge: Stripe.Charge = {
    id,
    object: 'charge',
    amount,
    amount_captured: ok && capture ? amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: pm.billing_details,
    calculated_statement_descriptor: 'TENDER SANDBOX',
    captured: ok && capture,
    created: engine.now(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: ok ? 'approved_by_network' : 'declined_by_network',
      reason: decline?.declineCode ?? null,
      risk_level: 'normal',
      risk_score: 20,
      seller_message: ok
        ? 'Payment complete.'
        : 'The bank did not return any further details with this decline.',
      type: ok ? 'authorized' : 'issuer_declined',
    },
    paid: ok,
    payment_intent: intent.id,
    payment_method: pm.id,
    payment_method_details: methodDetails(pm, amount, input.authenticated, input.hold),
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: ok ? `${engine.baseUrl}/_sandbox/receipts/${id}` : null,
    refunded: false,
    review: null,
    shipping: intent.shipping,
    source: null,
    source_transfer: null,
    statement_descriptor: intent.statement_descriptor,
    statement_descriptor_suffix: intent.statement_descriptor_suffix,
    status: ok ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: intent.transfer_group,
  };
  if (ok && capture) charge.balance_transaction = chargeTransaction(engine, charge).id;
  engine.store.insert('charge', charge);
  engine.emit(ok ? 'charge.succeeded' : 'charge.failed', charge);
  return charge;
}

/** 4000000000000259: the payment succeeds and the cardholder disputes it straight away. */
export function openDispute(engine: Engine, charge: Stripe.Charge): Stripe.Dispute {
  const dispute: Stripe.Dispute = {
    id: newId('du'),
    object: 'dispute',
    // What was captured and not refunded (a partial capture's released rest counts as refunded).
    amount: charge.amount - charge.amount_refunded,
    balance_transactions: [],
    charge: charge.id,
    created: engine.now(),
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: {
      access_activity_log: null,
      billing_address: null,
      cancellation_policy: null,
      cancellation_policy_disclosure: null,
      cancellation_rebuttal: null,
      customer_communication: null,
      customer_email_address: null,
      customer_name: null,
      customer_purchase_ip: null,
      customer_signature: null,
      duplicate_charge_documentation: null,
      duplicate_charge_explanation: null,
      duplicate_charge_id: null,
      enhanced_evidence: {},
      product_description: null,
      receipt: null,
      refund_policy: null,
      refund_policy_disclosure: null,
      refund_refusal_explanation: null,
      service_date: null,
      service_documentation: null,
      shipping_address: null,
      shipping_carrier: null,
      shipping_date: null,
      shipping_documentation: null,
      shipping_tracking_number: null,
      uncategorized_file: null,
      uncategorized_text: null,
    },
    evidence_details: {
      due_by: engine.now() + 7 * 24 * 3600,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: 'not_submitted',
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : null,
    payment_method_details: {
      card: {
        brand: charge.payment_method_details?.card?.brand ?? 'visa',
        case_type: 'chargeback',
        network: charge.payment_method_details?.card?.network ?? 'visa',
        network_reason_code: '10.4',
      },
      type: 'card',
    },
    reason: 'fraudulent',
    status: 'needs_response',
  };
  // A chargeback takes the money (and the dispute fee) at once, as Stripe's balance shows.
  dispute.balance_transactions = [disputeWithdrawal(engine, dispute)];
  engine.store.insert('dispute', dispute);
  const before = structuredClone(charge);
  charge.disputed = true;
  engine.emit('charge.dispute.created', dispute);
  engine.emit('charge.dispute.funds_withdrawn', dispute);
  engine.emit('charge.updated', charge, diff(before, charge));
  return dispute;
}

const EVIDENCE_FIELDS = [
  'access_activity_log',
  'billing_address',
  'cancellation_policy_disclosure',
  'cancellation_rebuttal',
  'customer_communication',
  'customer_email_address',
  'customer_name',
  'customer_purchase_ip',
  'duplicate_charge_explanation',
  'product_description',
  'refund_policy_disclosure',
  'refund_refusal_explanation',
  'service_date',
  'shipping_address',
  'shipping_carrier',
  'shipping_date',
  'shipping_tracking_number',
  'uncategorized_text',
] as const;

function closeDispute(engine: Engine, dispute: Stripe.Dispute, outcome: 'won' | 'lost'): void {
  const before = structuredClone(dispute);
  dispute.status = outcome;
  dispute.is_charge_refundable = false;
  if (outcome === 'won') dispute.balance_transactions.push(disputeReinstatement(engine, dispute));
  engine.emit('charge.dispute.closed', dispute, diff(before, dispute));
  if (outcome === 'won') engine.emit('charge.dispute.funds_reinstated', dispute);
}

/**
 * Stripe's test mode decides a dispute by its evidence: `uncategorized_text` "winning_evidence"
 * wins it, "losing_evidence" loses it; other evidence leaves it under review.
 */
function updateDispute(engine: Engine, dispute: Stripe.Dispute, p: ParamReader): Stripe.Dispute {
  p.allowOnly(['evidence', 'metadata', 'submit']);
  if (dispute.status === 'won' || dispute.status === 'lost') {
    throw invalidRequest(`This dispute is already closed (${dispute.status}).`, undefined);
  }
  const before = structuredClone(dispute);
  const evidence = p.obj('evidence');
  if (evidence) {
    evidence.allowOnly(EVIDENCE_FIELDS);
    for (const field of EVIDENCE_FIELDS) {
      const value = evidence.str(field);
      if (value !== undefined)
        (dispute.evidence as unknown as Record<string, string>)[field] = value;
    }
    dispute.evidence_details.has_evidence = true;
  }
  dispute.metadata = p.metadata(dispute.metadata);
  const submit = p.bool('submit') ?? true;
  if (!submit) {
    engine.emit('charge.dispute.updated', dispute, diff(before, dispute));
    return dispute;
  }
  dispute.evidence_details.submission_count += 1;
  dispute.status = dispute.status.startsWith('warning_') ? 'warning_under_review' : 'under_review';
  engine.emit('charge.dispute.updated', dispute, diff(before, dispute));
  const text = dispute.evidence.uncategorized_text;
  if (text === 'winning_evidence') closeDispute(engine, dispute, 'won');
  if (text === 'losing_evidence') closeDispute(engine, dispute, 'lost');
  return dispute;
}

export const charges: ResourceModule = {
  routes: [
    get('/charges/:id', (engine, { params }) =>
      engine.store.get('charge', params.id ?? '', 'charge'),
    ),
    post('/charges/:id', (engine, { params, p }) => {
      p.allowOnly(['metadata', 'description', 'receipt_email']);
      const charge = engine.store.get('charge', params.id ?? '', 'charge');
      const before = structuredClone(charge);
      charge.metadata = p.metadata(charge.metadata);
      if (p.has('description')) charge.description = p.nullableStr('description') ?? null;
      if (p.has('receipt_email')) charge.receipt_email = p.nullableStr('receipt_email') ?? null;
      engine.emit('charge.updated', charge, diff(before, charge));
      return charge;
    }),
    get('/charges', (engine, { p }) => {
      const customer = p.str('customer');
      const intent = p.str('payment_intent');
      const created = createdFilter(p);
      const rows = engine.store.all(
        'charge',
        (c) =>
          (customer === undefined || c.customer === customer) &&
          (intent === undefined || c.payment_intent === intent) &&
          created(c.created),
      );
      return paginate(rows, '/v1/charges', p);
    }),
    get('/disputes/:id', (engine, { params }) =>
      engine.store.get('dispute', params.id ?? '', 'dispute'),
    ),
    post('/disputes/:id', (engine, { params, p }) =>
      updateDispute(engine, engine.store.get('dispute', params.id ?? '', 'dispute'), p),
    ),
    // Accepting a dispute is conceding it: lost, the money stays with the cardholder.
    post('/disputes/:id/close', (engine, { params, p }) => {
      p.allowOnly([]);
      const dispute = engine.store.get('dispute', params.id ?? '', 'dispute');
      if (dispute.status !== 'won' && dispute.status !== 'lost')
        closeDispute(engine, dispute, 'lost');
      return dispute;
    }),
    get('/disputes', (engine, { p }) => {
      const charge = p.str('charge');
      const intent = p.str('payment_intent');
      const rows = engine.store.all(
        'dispute',
        (d) =>
          (charge === undefined || d.charge === charge) &&
          (intent === undefined || d.payment_intent === intent),
      );
      return paginate(rows, '/v1/disputes', p);
    }),
  ],
  virtuals: (engine) => ({
    charge: {
      // Since 2022-11-15 a charge's refunds are only returned when expanded.
      refunds: (obj) => {
        const id = String(obj.id);
        const data = engine.store.all('refund', (r) => r.charge === id);
        return { object: 'list', data, has_more: false, url: `/v1/charges/${id}/refunds` };
      },
    },
  }),
};
