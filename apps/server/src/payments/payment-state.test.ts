import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYMENT_STATUSES, type PaymentStatus } from './payments.schema';
import {
  canTransition,
  isFinal,
  reduce,
  type Observation,
  type PaymentState,
  advanceDispute,
  canCancel,
  canCapture,
  canRefund,
  DISPUTE_TRANSITIONS,
  disputeWithholds,
  UNSETTLED_STATUSES,
} from './payment-state';

// The expected table, written out independently of TRANSITIONS: row = from, listed = allowed targets.
const ALLOWED: Record<PaymentStatus, PaymentStatus[]> = {
  created: [
    'requires_action',
    'processing',
    'authorized',
    'succeeded',
    'partially_refunded',
    'refunded',
    'failed',
    'expired',
    'canceled',
  ],
  requires_action: [
    'processing',
    'authorized',
    'succeeded',
    'partially_refunded',
    'refunded',
    'failed',
    'expired',
    'canceled',
  ],
  processing: ['authorized', 'succeeded', 'partially_refunded', 'refunded', 'failed', 'canceled'],
  authorized: ['succeeded', 'partially_refunded', 'refunded', 'canceled'],
  succeeded: ['partially_refunded', 'refunded'],
  partially_refunded: ['refunded'],
  refunded: [],
  failed: [],
  expired: [],
  canceled: [],
};

const start = (amount = 1000n): PaymentState => ({
  status: 'created',
  amount,
  amountCapturable: 0n,
  amountCaptured: 0n,
  amountRefunded: 0n,
  nextActionUrl: null,
  failureCode: null,
  failureMessage: null,
  declineCode: null,
});

describe('payment transition table', () => {
  const pairs = PAYMENT_STATUSES.flatMap((from) =>
    PAYMENT_STATUSES.map((to) => [from, to] as const),
  );

  it.each(pairs.filter(([f, t]) => ALLOWED[f].includes(t)))('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(pairs.filter(([f, t]) => !ALLOWED[f].includes(t)))('refuses %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('has no way out of a final status and no way back', () => {
    for (const s of PAYMENT_STATUSES) if (isFinal(s)) expect(ALLOWED[s]).toEqual([]);
    expect(canTransition('succeeded', 'authorized')).toBe(false);
    expect(canTransition('refunded', 'succeeded')).toBe(false);
  });
});

describe('reduce', () => {
  it('a late success never un-refunds a payment', () => {
    let s = reduce(start(), { status: 'succeeded', amountCaptured: 1000n });
    s = reduce(s, { amountRefunded: 1000n });
    expect(s.status).toBe('refunded');
    s = reduce(s, { status: 'succeeded', amountCaptured: 1000n });
    expect(s.status).toBe('refunded');
    expect(s.amountRefunded).toBe(1000n);
  });

  it('partial capture releases the rest', () => {
    let s = reduce(start(), { status: 'authorized', amountCapturable: 1000n });
    expect(s).toMatchObject({ status: 'authorized', amountCapturable: 1000n });
    s = reduce(s, { status: 'succeeded', amountCaptured: 600n, amountCapturable: 0n });
    expect(s).toMatchObject({ status: 'succeeded', amountCaptured: 600n, amountCapturable: 0n });
  });

  it('records the failure that ended the payment', () => {
    const s = reduce(start(), {
      status: 'failed',
      failure: { code: 'card_declined', message: 'Declined', declineCode: 'insufficient_funds' },
    });
    expect(s).toMatchObject({
      status: 'failed',
      failureCode: 'card_declined',
      declineCode: 'insufficient_funds',
    });
    expect(reduce(s, { status: 'succeeded', amountCaptured: 1000n }).status).toBe('failed');
  });

  it('keeps the 3-D Secure URL only while action is required', () => {
    const s = reduce(start(), { status: 'requires_action', nextActionUrl: 'https://3ds' });
    expect(s.nextActionUrl).toBe('https://3ds');
    expect(reduce(s, { status: 'succeeded', amountCaptured: 1000n }).nextActionUrl).toBeNull();
  });
});

/**
 * Property: for any history a provider can produce for one payment (success, decline, 3-D Secure,
 * hold then capture or release, checkout then expiry, refunds), delivering its observations
 * duplicated and in any order ends in the same state as delivering them once, in order.
 */
describe('reduce is order-independent', () => {
  const amount = 1000n;
  const refunds = fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 4 }).map((steps) => {
    let total = 0n;
    const out: Observation[] = [];
    for (const step of steps) {
      total = total + BigInt(step) > amount ? amount : total + BigInt(step);
      out.push({ amountRefunded: total, amountCaptured: amount });
    }
    return out;
  });
  const maybe3ds = fc
    .boolean()
    .map((b): Observation[] => (b ? [{ status: 'requires_action', nextActionUrl: 'u' }] : []));
  const decline = fc.constantFrom('insufficient_funds', 'generic_decline', 'lost_card');

  const history = fc.oneof(
    fc
      .tuple(maybe3ds, refunds)
      .map(([a, r]) => [...a, { status: 'succeeded' as const, amountCaptured: amount }, ...r]),
    fc.tuple(maybe3ds, decline).map(([a, d]) => [
      ...a,
      {
        status: 'failed' as const,
        failure: { code: 'card_declined', message: 'declined', declineCode: d },
      },
    ]),
    fc.tuple(maybe3ds, fc.integer({ min: 1, max: 1000 }), refunds).map(([a, c, r]) => [
      ...a,
      { status: 'authorized' as const, amountCapturable: amount },
      { status: 'succeeded' as const, amountCaptured: BigInt(c), amountCapturable: 0n },
      ...r.map((o) => ({
        amountRefunded: o.amountRefunded! > BigInt(c) ? BigInt(c) : o.amountRefunded,
        amountCaptured: BigInt(c),
      })),
    ]),
    maybe3ds.map((a) => [
      ...a,
      { status: 'authorized' as const, amountCapturable: amount },
      { status: 'canceled' as const },
    ]),
    fc
      .boolean()
      .map((paid): Observation[] =>
        paid
          ? [{ status: 'processing' }, { status: 'succeeded', amountCaptured: amount }]
          : [{ status: 'expired' }],
      ),
  );

  it('gives the same final state for every delivery order, with duplicates', () => {
    fc.assert(
      fc.property(
        history.chain((h) =>
          fc.tuple(
            fc.constant(h),
            fc.array(fc.nat({ max: Math.max(0, h.length - 1) }), { maxLength: 3 }),
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
              minLength: h.length + 3,
              maxLength: h.length + 3,
            }),
          ),
        ),
        ([events, dupIdx, keys]) => {
          const inOrder = events.reduce(reduce, start(amount));
          const delivered = [...events, ...dupIdx.map((i) => events[i]!)];
          const shuffled = delivered
            .map((e, i) => ({ e, k: keys[i] ?? 0 }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.e);
          expect(shuffled.reduce(reduce, start(amount))).toEqual(inOrder);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the rules beside the table', () => {
  it('says which statuses may be captured, cancelled, refunded, or are still unsettled', () => {
    const which = (rule: (s: PaymentStatus) => boolean) => PAYMENT_STATUSES.filter(rule);
    expect(which(canCapture)).toEqual(['authorized']);
    expect(which(canCancel)).toEqual(['created', 'requires_action', 'authorized']);
    expect(which(canRefund)).toEqual(['succeeded', 'partially_refunded']);
    expect([...UNSETTLED_STATUSES].sort()).toEqual(
      ['authorized', 'created', 'processing', 'requires_action'].sort(),
    );
    // Nothing cancellable or capturable is final, and a refundable payment can still move.
    for (const s of [...which(canCancel), ...which(canRefund)]) expect(isFinal(s)).toBe(false);
  });
});

describe('disputes', () => {
  it('move only forward, end won or lost, and withhold money only as chargebacks', () => {
    expect(advanceDispute('needs_response', 'won')).toBe('won');
    expect(advanceDispute('won', 'needs_response')).toBe('won');
    expect(advanceDispute('lost', 'won')).toBe('lost');
    expect(advanceDispute('under_review', 'needs_response')).toBe('under_review');
    expect(advanceDispute('warning_closed', 'needs_response')).toBe('needs_response');
    expect(DISPUTE_TRANSITIONS.won).toEqual([]);
    expect(DISPUTE_TRANSITIONS.lost).toEqual([]);
    const withholding = Object.keys(DISPUTE_TRANSITIONS).filter((s) =>
      disputeWithholds(s as keyof typeof DISPUTE_TRANSITIONS),
    );
    expect(withholding.sort()).toEqual(['lost', 'needs_response', 'under_review']);
  });

  it('any delivery order of a dispute’s statuses ends in the same place', () => {
    const statuses = Object.keys(DISPUTE_TRANSITIONS) as (keyof typeof DISPUTE_TRANSITIONS)[];
    fc.assert(
      fc.property(fc.shuffledSubarray(statuses, { minLength: 1 }), (seen) => {
        const end = (order: typeof seen) => order.reduce((s, n) => advanceDispute(s, n), order[0]!);
        const final = seen.includes('won') || seen.includes('lost');
        // Once a final status is seen, every order that starts anywhere ends final.
        if (final) expect(['won', 'lost']).toContain(end([...seen].reverse()));
      }),
    );
  });
});
