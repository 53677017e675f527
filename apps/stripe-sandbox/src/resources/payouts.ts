// Payouts: the platform's available balance → its bank account. The money leaves the balance when
// the payout is created (a `payout` balance transaction); at its `arrival_date` (sandbox time) the
// payout is paid — or fails, as `/_sandbox/payouts/fail` arranged, and the money comes back (a
// `payout_failure` transaction). A pending payout can be canceled, which also gives it back.
import type Stripe from 'stripe';
import { diff, type Engine } from '../engine';
import { isCurrency } from '../protocol/currencies';
import { invalidRequest, unexpectedState } from '../protocol/errors';
import { newId } from '../protocol/ids';
import { createdFilter, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { get, post, type ResourceModule } from '../router';
import { recordTransaction, requireAvailable } from './balance';

const DAY = 24 * 3600;

/** The platform's one bank account (the sandbox models no external accounts). */
export const SANDBOX_BANK_ACCOUNT = 'ba_sandbox_default';

/** Stripe's wording for the failure codes a test payout can fail with. */
export const PAYOUT_FAILURES: Record<string, string> = {
  account_closed: 'The bank account has been closed.',
  account_frozen: 'The bank account has been frozen.',
  bank_account_restricted:
    'The bank account has restrictions on either the type or number of payouts allowed.',
  could_not_process: 'The bank could not process this payout.',
  insufficient_funds: 'Your Stripe account has insufficient funds to cover the payout.',
  invalid_account_number: 'The routing number seems correct, but the account number is invalid.',
  no_account:
    'The bank account details on file are probably incorrect. No bank account could be located with those details.',
};

function createPayout(engine: Engine, p: ParamReader): Stripe.Payout {
  p.allowOnly([
    'amount',
    'currency',
    'description',
    'destination',
    'metadata',
    'method',
    'source_type',
    'statement_descriptor',
  ]);
  const amount = p.amount('amount', 1);
  if (amount === undefined) {
    throw invalidRequest('Missing required param: amount.', 'amount', 'parameter_missing');
  }
  const currency = p.reqStr('currency').toLowerCase();
  if (!isCurrency(currency)) {
    throw invalidRequest(`Invalid currency: ${currency}`, 'currency', 'parameter_invalid_string');
  }
  const destination = p.str('destination') ?? SANDBOX_BANK_ACCOUNT;
  if (destination !== SANDBOX_BANK_ACCOUNT) {
    throw invalidRequest(
      `No such external account: '${destination}'`,
      'destination',
      'resource_missing',
    );
  }
  const method = p.oneOf('method', ['standard', 'instant'] as const) ?? 'standard';
  const sourceType = p.oneOf('source_type', ['card', 'bank_account', 'fpx'] as const) ?? 'card';
  const description = p.str('description') ?? null;
  const statementDescriptor = p.str('statement_descriptor') ?? null;
  const metadata = p.metadata();
  requireAvailable(engine, amount, currency);
  const now = engine.now();
  const id = newId('po');
  const txn = recordTransaction(engine, {
    type: 'payout',
    reportingCategory: 'payout',
    amount: -amount,
    currency,
    source: id,
    description: description ?? 'STRIPE PAYOUT',
  });
  const payout: Stripe.Payout = {
    id,
    object: 'payout',
    amount,
    application_fee: null,
    application_fee_amount: null,
    // Instant payouts arrive within minutes; the sandbox pays them on its next tick.
    arrival_date: method === 'instant' ? now : now + engine.balance.payoutArrivalDays * DAY,
    automatic: false,
    balance_transaction: txn.id,
    created: now,
    currency,
    description,
    destination,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata,
    method,
    original_payout: null,
    payout_method: null,
    reconciliation_status: 'not_applicable',
    reversed_by: null,
    source_type: sourceType,
    statement_descriptor: statementDescriptor,
    status: 'pending',
    trace_id: { status: 'pending', value: null },
    type: 'bank_account',
  };
  engine.store.insert('payout', payout);
  engine.store.internal.payoutsInTransit[id] = payout.arrival_date;
  engine.emit('payout.created', payout);
  return payout;
}

/** The money of a payout that did not go out comes back to the available balance. */
function giveBack(
  engine: Engine,
  payout: Stripe.Payout,
  type: 'payout_failure' | 'payout_cancel',
): Stripe.BalanceTransaction {
  return recordTransaction(engine, {
    type,
    reportingCategory: 'payout_reversal',
    amount: payout.amount,
    currency: payout.currency,
    source: payout.id,
    description: type === 'payout_failure' ? 'Payout failure' : 'Payout cancellation',
  });
}

/** Ticker: payouts whose arrival date has come are paid, or fail as they were told to. */
export function arrivePayouts(engine: Engine): void {
  const now = engine.now();
  const internal = engine.store.internal;
  for (const [id, at] of Object.entries(engine.store.raw(internal.payoutsInTransit))) {
    if (at > now) continue;
    delete internal.payoutsInTransit[id];
    const payout = engine.store.find('payout', id);
    if (payout === undefined || payout.status !== 'pending') continue;
    const before = structuredClone(payout);
    const failure = internal.payoutFailures[id];
    delete internal.payoutFailures[id];
    if (failure === undefined) {
      payout.status = 'paid';
      payout.trace_id = { status: 'supported', value: `SANDBOX${id.slice(3, 15).toUpperCase()}` };
      engine.emit('payout.paid', payout, diff(before, payout));
      continue;
    }
    payout.status = 'failed';
    payout.failure_code = failure;
    payout.failure_message = PAYOUT_FAILURES[failure] ?? null;
    payout.failure_balance_transaction = giveBack(engine, payout, 'payout_failure').id;
    payout.trace_id = { status: 'unsupported', value: null };
    engine.emit('payout.failed', payout, diff(before, payout));
  }
}

/** `/_sandbox/payouts/fail`: a pending payout will fail with `code` when it arrives. */
export function failPayoutAtArrival(engine: Engine, id: string, code: string): Stripe.Payout {
  const payout = engine.store.find('payout', id);
  if (payout === undefined || payout.status !== 'pending') {
    throw new Error('payout must be a pending payout id');
  }
  if (PAYOUT_FAILURES[code] === undefined) {
    throw new Error(`failure_code must be one of ${Object.keys(PAYOUT_FAILURES).join(', ')}`);
  }
  engine.store.internal.payoutFailures[id] = code;
  return payout;
}

function cancelPayout(engine: Engine, payout: Stripe.Payout): Stripe.Payout {
  if (payout.status !== 'pending') {
    throw unexpectedState(
      `Payouts can only be canceled while they are pending. This payout is ${payout.status}.`,
      'payout_not_cancelable',
    );
  }
  const before = structuredClone(payout);
  delete engine.store.internal.payoutsInTransit[payout.id];
  delete engine.store.internal.payoutFailures[payout.id];
  payout.status = 'canceled';
  payout.reversed_by = null;
  payout.failure_balance_transaction = giveBack(engine, payout, 'payout_cancel').id;
  engine.emit('payout.canceled', payout, diff(before, payout));
  return payout;
}

export const payouts: ResourceModule = {
  routes: [
    post('/payouts', (engine, { p }) => createPayout(engine, p)),
    get('/payouts/:id', (engine, { params }) =>
      engine.store.get('payout', params.id ?? '', 'payout'),
    ),
    post('/payouts/:id', (engine, { params, p }) => {
      p.allowOnly(['metadata']);
      const payout = engine.store.get('payout', params.id ?? '', 'payout');
      const before = structuredClone(payout);
      payout.metadata = p.metadata(payout.metadata ?? {});
      engine.emit('payout.updated', payout, diff(before, payout));
      return payout;
    }),
    post('/payouts/:id/cancel', (engine, { params, p }) => {
      p.allowOnly([]);
      return cancelPayout(engine, engine.store.get('payout', params.id ?? '', 'payout'));
    }),
    get('/payouts', (engine, { p }) => {
      p.allowOnly([
        'arrival_date',
        'created',
        'destination',
        'ending_before',
        'limit',
        'starting_after',
        'status',
      ]);
      const status = p.str('status');
      const destination = p.str('destination');
      const created = createdFilter(p);
      const arrival = createdFilter(p, 'arrival_date');
      const rows = engine.store.all(
        'payout',
        (po) =>
          (status === undefined || po.status === status) &&
          (destination === undefined || po.destination === destination) &&
          created(po.created) &&
          arrival(po.arrival_date),
      );
      return paginate(rows, '/v1/payouts', p);
    }),
  ],
  setup: (engine) => engine.onTick(() => arrivePayouts(engine)),
};
