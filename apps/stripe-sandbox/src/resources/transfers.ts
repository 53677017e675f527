// Connect transfers: platform balance → a connected account, settled at once (as Stripe's are:
// the money is on the connected account's balance when the call returns; that account's own
// payouts to its bank are outside this API). A transfer needs the platform's *available* balance
// (400 `balance_insufficient` otherwise) — unless it names its `source_transaction`: then, as on
// Stripe, it is funded by that charge and waits for the charge's funds (its balance transaction
// becomes available with the charge's).
import type Stripe from 'stripe';
import { diff, type Engine } from '../engine';
import { StripeError, invalidRequest } from '../protocol/errors';
import { newId } from '../protocol/ids';
import { createdFilter, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { get, post, type ResourceModule } from '../router';
import { recordTransaction, requireAvailable } from './balance';

/** Stripe answers an unknown destination with a 400 (not the 404 of a retrieve). */
function destinationAccount(engine: Engine, id: string): Stripe.Account {
  const account = engine.store.find('account', id);
  if (account === undefined) {
    throw new StripeError(400, {
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such destination: '${id}'`,
      param: 'destination',
    });
  }
  // Real Stripe refuses transfers to accounts whose `transfers` capability is not active (not yet
  // onboarded, or disabled); sandbox accounts created with the fail flag are in that state.
  if (account.capabilities?.transfers !== 'active') {
    throw invalidRequest(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      'destination',
      'insufficient_capabilities_for_transfer',
    );
  }
  return account;
}

function createTransfer(engine: Engine, p: ParamReader): Stripe.Transfer {
  p.allowOnly([
    'amount',
    'currency',
    'destination',
    'description',
    'metadata',
    'transfer_group',
    'source_transaction',
    'source_type',
  ]);
  const amount = p.amount('amount', 1);
  if (amount === undefined) {
    throw invalidRequest('Missing required param: amount.', 'amount', 'parameter_missing');
  }
  const currency = p.reqStr('currency').toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) {
    throw invalidRequest(`Invalid currency: ${currency}`, 'currency', 'parameter_invalid_string');
  }
  const account = destinationAccount(engine, p.reqStr('destination'));
  const source = p.str('source_transaction');
  const sourceCharge = source === undefined ? undefined : engine.store.find('charge', source);
  if (source !== undefined && sourceCharge === undefined) {
    throw invalidRequest(`No such charge: '${source}'`, 'source_transaction', 'resource_missing');
  }
  const description = p.str('description') ?? null;
  const metadata = p.metadata();
  const sourceType = p.oneOf('source_type', ['card', 'bank_account', 'fpx'] as const) ?? 'card';
  const transferGroup = p.str('transfer_group') ?? null;
  const funding = sourceCharge?.balance_transaction;
  const fundingTxn =
    typeof funding === 'string' ? engine.store.find('balance_transaction', funding) : undefined;
  if (fundingTxn === undefined) requireAvailable(engine, amount, currency);
  const id = newId('tr');
  const txn = recordTransaction(engine, {
    type: 'transfer',
    reportingCategory: 'transfer',
    amount: -amount,
    currency,
    source: id,
    description,
    ...(fundingTxn !== undefined ? { availableOn: fundingTxn.available_on } : {}),
  });
  const transfer: Stripe.Transfer = {
    id,
    object: 'transfer',
    amount,
    amount_reversed: 0,
    balance_transaction: txn.id,
    created: engine.now(),
    currency,
    description,
    destination: account.id,
    destination_payment: newId('py'),
    livemode: false,
    metadata,
    reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${id}/reversals` },
    reversed: false,
    source_transaction: source ?? null,
    source_type: sourceType,
    transfer_group: transferGroup,
  };
  engine.store.insert('transfer', transfer);
  engine.emit('transfer.created', transfer);
  return transfer;
}

export const transfers: ResourceModule = {
  routes: [
    post('/transfers', (engine, { p }) => createTransfer(engine, p)),
    get('/transfers/:id', (engine, { params }) =>
      engine.store.get('transfer', params.id ?? '', 'transfer'),
    ),
    post('/transfers/:id', (engine, { params, p }) => {
      p.allowOnly(['description', 'metadata']);
      const transfer = engine.store.get('transfer', params.id ?? '', 'transfer');
      const before = structuredClone(transfer);
      transfer.metadata = p.metadata(transfer.metadata);
      if (p.has('description')) transfer.description = p.nullableStr('description') ?? null;
      engine.emit('transfer.updated', transfer, diff(before, transfer));
      return transfer;
    }),
    get('/transfers', (engine, { p }) => {
      const destination = p.str('destination');
      const group = p.str('transfer_group');
      const created = createdFilter(p);
      const rows = engine.store.all(
        'transfer',
        (t) =>
          (destination === undefined || t.destination === destination) &&
          (group === undefined || t.transfer_group === group) &&
          created(t.created),
      );
      return paginate(rows, '/v1/transfers', p);
    }),
  ],
};
