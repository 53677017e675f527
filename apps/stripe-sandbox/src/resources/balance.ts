// The platform's Stripe balance. Every movement of money — a captured charge, a refund, a
// chargeback and its reversal, a transfer, a payout — is a balance transaction, and the balance is
// their sum per currency: `pending` until a transaction's `available_on`, `available` after. Card
// charges wait `availableAfterDays` (Stripe's 2-day US standard) unless paid with the "bypass
// pending" test card. Transfers and payouts need the available balance; refunds and disputes take
// from it when it covers them, and otherwise from the charge's still-pending funds (Stripe debits
// the pending balance then), so they never block a later transfer the platform could pay.
import type Stripe from 'stripe';
import type { Engine } from '../engine';
import { cardFee, fixedFee } from '../fees';
import { StripeError, invalidRequest } from '../protocol/errors';
import { newId, refId } from '../protocol/ids';
import { createdFilter, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { get, type ResourceModule } from '../router';

const DAY = 24 * 3600;

export interface TransactionInput {
  type: Stripe.BalanceTransaction.Type;
  reportingCategory: string;
  /** Signed: positive adds to the balance. */
  amount: number;
  currency: string;
  source: string;
  description: string | null;
  /** Stripe's fee on this movement (a cost; negative when a fee is given back). */
  fee?: { amount: number; description: string };
  /** When the funds become available (sandbox s); now when omitted. */
  availableOn?: number;
}

/** Records one balance movement; pending ones are remembered until they become available. */
export function recordTransaction(
  engine: Engine,
  input: TransactionInput,
): Stripe.BalanceTransaction {
  const now = engine.now();
  const availableOn = Math.max(input.availableOn ?? now, now);
  const fee = input.fee?.amount ?? 0;
  const txn: Stripe.BalanceTransaction = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount: input.amount,
    available_on: availableOn,
    balance_type: 'payments',
    created: now,
    currency: input.currency,
    description: input.description,
    exchange_rate: null,
    fee,
    fee_details:
      input.fee === undefined || fee === 0
        ? []
        : [
            {
              amount: fee,
              application: null,
              currency: input.currency,
              description: input.fee.description,
              type: 'stripe_fee',
            },
          ],
    net: input.amount - fee,
    reporting_category: input.reportingCategory,
    source: input.source,
    status: availableOn > now ? 'pending' : 'available',
    type: input.type,
  };
  engine.store.insert('balance_transaction', txn);
  if (txn.status === 'pending') engine.store.internal.pendingFunds[txn.id] = availableOn;
  return txn;
}

/** A captured card charge: its amount less Stripe's fee, pending for the settlement delay. */
export function chargeTransaction(
  engine: Engine,
  charge: Stripe.Charge,
): Stripe.BalanceTransaction {
  const config = engine.balance;
  const bypass = engine.store.internal.cards[String(charge.payment_method)] === 'bypass_pending';
  return recordTransaction(engine, {
    type: 'charge',
    reportingCategory: 'charge',
    amount: charge.amount_captured,
    currency: charge.currency,
    source: charge.id,
    description: charge.description,
    fee: {
      amount: cardFee(config, charge.amount_captured, charge.currency),
      description: 'Stripe processing fees',
    },
    availableOn: bypass ? engine.now() : engine.now() + config.availableAfterDays * DAY,
  });
}

/**
 * When a refund or chargeback of `chargeId` takes `cost`: now (`undefined`) when the available
 * balance covers it; otherwise with the charge's own funds if they are still pending; otherwise
 * now, the available balance going negative.
 */
function debitTiming(
  engine: Engine,
  cost: number,
  currency: string,
  chargeId: string,
): number | undefined {
  if (availableIn(engine, currency) >= cost) return undefined;
  const txnId = engine.store.find('charge', chargeId)?.balance_transaction;
  const txn =
    typeof txnId === 'string' ? engine.store.find('balance_transaction', txnId) : undefined;
  return txn?.status === 'pending' ? txn.available_on : undefined;
}

/** A refund: the refunded amount leaves the balance; the charge's fee is not given back. */
export function refundTransaction(
  engine: Engine,
  refund: Stripe.Refund,
): Stripe.BalanceTransaction {
  const availableOn = debitTiming(
    engine,
    refund.amount,
    refund.currency,
    refId(refund.charge) ?? '',
  );
  return recordTransaction(engine, {
    ...(availableOn !== undefined ? { availableOn } : {}),
    type: 'refund',
    reportingCategory: 'refund',
    amount: -refund.amount,
    currency: refund.currency,
    source: refund.id,
    description: `REFUND FOR CHARGE (${refId(refund.charge) ?? ''})`,
  });
}

/** A chargeback: the disputed amount and the dispute fee leave the balance. */
export function disputeWithdrawal(
  engine: Engine,
  dispute: Stripe.Dispute,
): Stripe.BalanceTransaction {
  const fee = fixedFee(engine.balance.disputeFee, dispute.currency);
  const cost = dispute.amount + fee;
  const availableOn = debitTiming(engine, cost, dispute.currency, refId(dispute.charge) ?? '');
  return recordTransaction(engine, {
    ...(availableOn !== undefined ? { availableOn } : {}),
    type: 'adjustment',
    reportingCategory: 'dispute',
    amount: -dispute.amount,
    currency: dispute.currency,
    source: dispute.id,
    description: `Chargeback withdrawal for ${refId(dispute.charge) ?? ''}`,
    fee: { amount: fee, description: 'Dispute fee' },
  });
}

/** A won dispute: the disputed amount comes back (the fee only where configured so). */
export function disputeReinstatement(
  engine: Engine,
  dispute: Stripe.Dispute,
): Stripe.BalanceTransaction {
  const returned = engine.balance.disputeFeeReturnedOnWin
    ? fixedFee(engine.balance.disputeFee, dispute.currency)
    : 0;
  return recordTransaction(engine, {
    type: 'adjustment',
    reportingCategory: 'dispute_reversal',
    amount: dispute.amount,
    currency: dispute.currency,
    source: dispute.id,
    description: `Chargeback reversal for ${refId(dispute.charge) ?? ''}`,
    ...(returned > 0 ? { fee: { amount: -returned, description: 'Dispute fee refund' } } : {}),
  });
}

function emptyAmounts(currency: string): Stripe.Balance.Available {
  return { amount: 0, currency, source_types: { card: 0 } };
}

/** The balance per currency, the account's default currency always listed. */
export function balanceOf(engine: Engine): Stripe.Balance {
  const available = new Map<string, Stripe.Balance.Available>();
  const pending = new Map<string, Stripe.Balance.Pending>();
  const currencies = new Set([engine.balance.defaultCurrency]);
  for (const txn of Object.values(
    engine.store.raw(engine.store.state.objects.balance_transaction),
  )) {
    currencies.add(txn.currency);
    const bucket = txn.status === 'pending' ? pending : available;
    const row = bucket.get(txn.currency) ?? emptyAmounts(txn.currency);
    row.amount += txn.net;
    row.source_types!.card = (row.source_types!.card ?? 0) + txn.net;
    bucket.set(txn.currency, row);
  }
  const sorted = [...currencies].sort((a, b) =>
    a === engine.balance.defaultCurrency
      ? -1
      : b === engine.balance.defaultCurrency
        ? 1
        : a < b
          ? -1
          : 1,
  );
  return {
    object: 'balance',
    available: sorted.map((c) => available.get(c) ?? emptyAmounts(c)),
    connect_reserved: sorted.map((c) => ({ amount: 0, currency: c })),
    livemode: false,
    pending: sorted.map((c) => pending.get(c) ?? emptyAmounts(c)),
  };
}

function availableIn(engine: Engine, currency: string): number {
  return balanceOf(engine).available.find((a) => a.currency === currency)?.amount ?? 0;
}

/**
 * Stripe refuses a transfer or payout the available balance cannot cover (pending funds do not
 * count) with 400 `balance_insufficient`, pointing at the test card that skips the wait.
 */
export function requireAvailable(engine: Engine, amount: number, currency: string): void {
  if (availableIn(engine, currency) >= amount) return;
  throw new StripeError(400, {
    type: 'invalid_request_error',
    code: 'balance_insufficient',
    message:
      'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance',
  });
}

/**
 * Makes pending funds available: those due at the sandbox time, or (`all`, the settle control)
 * every one now. One `balance.available` event when anything changed.
 */
export function settle(engine: Engine, which: 'due' | 'all'): number {
  const now = engine.now();
  const pendingFunds = engine.store.internal.pendingFunds;
  let settled = 0;
  for (const [id, at] of Object.entries(engine.store.raw(pendingFunds))) {
    if (which === 'due' && at > now) continue;
    delete pendingFunds[id];
    const txn = engine.store.find('balance_transaction', id);
    if (txn === undefined || txn.status !== 'pending') continue;
    txn.status = 'available';
    if (which === 'all') txn.available_on = Math.min(txn.available_on, now);
    settled += 1;
  }
  if (settled > 0) engine.emit('balance.available', balanceOf(engine));
  return settled;
}

const TYPES = [
  'adjustment',
  'charge',
  'payment',
  'payout',
  'payout_cancel',
  'payout_failure',
  'refund',
  'transfer',
  'transfer_cancel',
  'transfer_failure',
  'transfer_refund',
] as const;

function listTransactions(
  engine: Engine,
  p: ParamReader,
): Stripe.ApiList<Stripe.BalanceTransaction> {
  p.allowOnly([
    'created',
    'currency',
    'ending_before',
    'limit',
    'payout',
    'source',
    'starting_after',
    'type',
  ]);
  const currency = p.str('currency')?.toLowerCase();
  const source = p.str('source');
  const type = p.str('type');
  if (type !== undefined && !(TYPES as readonly string[]).includes(type)) {
    throw invalidRequest(
      `Invalid type: must be one of ${TYPES.join(', ')}`,
      'type',
      'parameter_invalid_string',
    );
  }
  const payout = p.str('payout');
  if (payout !== undefined) {
    engine.store.referenced('payout', payout, 'payout');
    // Every sandbox payout is a manual one (there is no automatic payout schedule).
    throw invalidRequest(
      'Balance transaction history can only be filtered on automatic transfers, not manual.',
      'payout',
    );
  }
  const created = createdFilter(p);
  const rows = engine.store.all(
    'balance_transaction',
    (t) =>
      (currency === undefined || t.currency === currency) &&
      (source === undefined || t.source === source) &&
      (type === undefined || t.type === type) &&
      created(t.created),
  );
  return paginate(rows, '/v1/balance_transactions', p);
}

export const balance: ResourceModule = {
  routes: [
    get('/balance', (engine, { p }) => {
      p.allowOnly([]);
      return balanceOf(engine);
    }),
    get('/balance_transactions', (engine, { p }) => listTransactions(engine, p)),
    get('/balance_transactions/:id', (engine, { params }) =>
      engine.store.get('balance_transaction', params.id ?? '', 'id'),
    ),
    // The pre-2017 names, which Stripe still answers.
    get('/balance/history', (engine, { p }) => listTransactions(engine, p)),
    get('/balance/history/:id', (engine, { params }) =>
      engine.store.get('balance_transaction', params.id ?? '', 'id'),
    ),
  ],
  setup: (engine) => engine.onTick(() => settle(engine, 'due')),
};
