// Transfer reversals: money a transfer moved to a connected account comes back to the platform's
// balance (a `transfer_refund` balance transaction, available at once), in part or in full, with
// `transfer.reversed` for each (Stripe sends it for partial reversals too).
import type Stripe from 'stripe';
import { diff, type Engine } from '../engine';
import { StripeError, invalidRequest } from '../protocol/errors';
import { newId } from '../protocol/ids';
import { paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { get, post, type ResourceModule } from '../router';
import { recordTransaction } from './balance';

function reverse(engine: Engine, transferId: string, p: ParamReader): Stripe.TransferReversal {
  p.allowOnly(['amount', 'description', 'metadata', 'refund_application_fee']);
  const transfer = engine.store.get('transfer', transferId, 'id');
  const remaining = transfer.amount - transfer.amount_reversed;
  const amount = p.amount('amount', 1) ?? remaining;
  if (remaining <= 0) {
    throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, 'amount');
  }
  if (amount > remaining) {
    throw invalidRequest(
      `You have requested to reverse more than the remaining amount of the transfer (${remaining}).`,
      'amount',
    );
  }
  const id = newId('trr');
  const txn = recordTransaction(engine, {
    type: 'transfer_refund',
    reportingCategory: 'transfer_reversal',
    amount,
    currency: transfer.currency,
    source: id,
    description: p.str('description') ?? null,
  });
  const reversal: Stripe.TransferReversal = {
    id,
    object: 'transfer_reversal',
    amount,
    balance_transaction: txn.id,
    created: engine.now(),
    currency: transfer.currency,
    destination_payment_refund: newId('pyr'),
    metadata: p.metadata(),
    source_refund: null,
    transfer: transfer.id,
  };
  engine.store.insert('transfer_reversal', reversal);
  const before = structuredClone(transfer);
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  transfer.reversals.data = [reversal, ...transfer.reversals.data];
  engine.emit('transfer.reversed', transfer, diff(before, transfer));
  return reversal;
}

export const transferReversals: ResourceModule = {
  routes: [
    post('/transfers/:id/reversals', (engine, { params, p }) =>
      reverse(engine, params.id ?? '', p),
    ),
    get('/transfers/:id/reversals', (engine, { params, p }) => {
      const transfer = engine.store.get('transfer', params.id ?? '', 'id');
      const rows = engine.store.all('transfer_reversal', (r) => r.transfer === transfer.id);
      return paginate(rows, `/v1/transfers/${transfer.id}/reversals`, p);
    }),
    get('/transfers/:id/reversals/:rid', (engine, { params }) => {
      const reversal = engine.store.get('transfer_reversal', params.rid ?? '', 'id');
      if (reversal.transfer !== params.id) {
        throw new StripeError(404, {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: `No such transfer reversal: '${params.rid}'`,
          param: 'id',
        });
      }
      return reversal;
    }),
  ],
};
