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
  CREATED: [
    'REQUIRES_ACTION',
    'PROCESSING',
    'AUTHORIZED',
    'SUCCEEDED',
    'PARTIALLY_REFUNDED',
    'REFUNDED',
    'FAILED',
    'EXPIRED',
    'CANCELLED',
  ],
  REQUIRES_ACTION: [
    'PROCESSING',
    'AUTHORIZED',
    'SUCCEEDED',
    'PARTIALLY_REFUNDED',
    'REFUNDED',
    'FAILED',
    'EXPIRED',
    'CANCELLED',
  ],
  PROCESSING: ['AUTHORIZED', 'SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'FAILED', 'CANCELLED'],
  AUTHORIZED: ['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELLED'],
  SUCCEEDED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  PARTIALLY_REFUNDED: ['REFUNDED'],
  REFUNDED: [],
  FAILED: [],
  EXPIRED: [],
  CANCELLED: [],
};

const start = (amount = 1000n): PaymentState => ({
  status: 'CREATED',
  amount,
  amountCapturable: 0n,
  amountCaptured: 0n,
  amountRefunded: 0n,
  nextActionUrl: null,
  failureCode: null,
  failureMessage: null,
  declineCode: null,
  incrementalAuthorization: false,
  captureBefore: null,
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
    expect(PAYMENT_STATUSES.filter(isFinal)).toEqual([
      'REFUNDED',
      'FAILED',
      'EXPIRED',
      'CANCELLED',
    ]);
    for (const s of PAYMENT_STATUSES) if (isFinal(s)) expect(ALLOWED[s]).toEqual([]);
    expect(canTransition('SUCCEEDED', 'AUTHORIZED')).toBe(false);
    expect(canTransition('REFUNDED', 'SUCCEEDED')).toBe(false);
  });
});

describe('reduce', () => {
  it('a late success never un-refunds a payment', () => {
    let s = reduce(start(), { status: 'SUCCEEDED', amountCaptured: 1000n });
    s = reduce(s, { amountRefunded: 1000n });
    expect(s.status).toBe('REFUNDED');
    s = reduce(s, { status: 'SUCCEEDED', amountCaptured: 1000n });
    expect(s.status).toBe('REFUNDED');
    expect(s.amountRefunded).toBe(1000n);
  });

  it('partial capture releases the rest', () => {
    let s = reduce(start(), { status: 'AUTHORIZED', amountCapturable: 1000n });
    expect(s).toMatchObject({ status: 'AUTHORIZED', amountCapturable: 1000n });
    s = reduce(s, { status: 'SUCCEEDED', amountCaptured: 600n, amountCapturable: 0n });
    expect(s).toMatchObject({ status: 'SUCCEEDED', amountCaptured: 600n, amountCapturable: 0n });
  });

  it('a raised hold grows the amount and what is capturable; the old hold seen late shrinks nothing', () => {
    const until = new Date('2026-12-10T10:00:00Z');
    const hold = { status: 'AUTHORIZED' as const, amount: 1000n, amountCapturable: 1000n };
    let s = reduce(start(), { ...hold, incrementalAuthorization: true, captureBefore: until });
    s = reduce(s, { status: 'AUTHORIZED', amount: 1500n, amountCapturable: 1500n });
    s = reduce(s, hold);
    expect(s).toMatchObject({
      status: 'AUTHORIZED',
      amount: 1500n,
      amountCapturable: 1500n,
      incrementalAuthorization: true,
      captureBefore: until,
    });
    s = reduce(s, { status: 'SUCCEEDED', amount: 1500n, amountCaptured: 1400n });
    expect(s).toMatchObject({ status: 'SUCCEEDED', amount: 1500n, amountCaptured: 1400n });
    expect(s.amountCapturable).toBe(0n);
  });

  it('records the failure that ended the payment', () => {
    const s = reduce(start(), {
      status: 'FAILED',
      failure: { code: 'card_declined', message: 'Declined', declineCode: 'insufficient_funds' },
    });
    expect(s).toMatchObject({
      status: 'FAILED',
      failureCode: 'card_declined',
      declineCode: 'insufficient_funds',
    });
    expect(reduce(s, { status: 'SUCCEEDED', amountCaptured: 1000n }).status).toBe('FAILED');
  });

  it('keeps the 3-D Secure URL only while action is required', () => {
    const s = reduce(start(), { status: 'REQUIRES_ACTION', nextActionUrl: 'https://3ds' });
    expect(s.nextActionUrl).toBe('https://3ds');
    expect(reduce(s, { status: 'SUCCEEDED', amountCaptured: 1000n }).nextActionUrl).toBeNull();
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
    .map((b): Observation[] => (b ? [{ status: 'REQUIRES_ACTION', nextActionUrl: 'u' }] : []));
  const decline = fc.constantFrom('insufficient_funds', 'generic_decline', 'lost_card');

  const history = fc.oneof(
    fc
      .tuple(maybe3ds, refunds)
      .map(([a, r]) => [...a, { status: 'SUCCEEDED' as const, amountCaptured: amount }, ...r]),
    fc.tuple(maybe3ds, decline).map(([a, d]) => [
      ...a,
      {
        status: 'FAILED' as const,
        failure: { code: 'card_declined', message: 'declined', declineCode: d },
      },
    ]),
    fc.tuple(maybe3ds, fc.integer({ min: 1, max: 1000 }), refunds).map(([a, c, r]) => [
      ...a,
      { status: 'AUTHORIZED' as const, amountCapturable: amount },
      { status: 'SUCCEEDED' as const, amountCaptured: BigInt(c), amountCapturable: 0n },
      ...r.map((o) => ({
        amountRefunded: o.amountRefunded! > BigInt(c) ? BigInt(c) : o.amountRefunded,
        amountCaptured: BigInt(c),
      })),
    ]),
    maybe3ds.map((a) => [
      ...a,
      { status: 'AUTHORIZED' as const, amountCapturable: amount },
      { status: 'CANCELLED' as const },
    ]),
    // A hold raised step by step (incremental authorization), then captured in part.
    fc
      .tuple(fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 4 }), fc.nat({ max: 1000 }))
      .map(([steps, c]): Observation[] => {
        const facts = { incrementalAuthorization: true, captureBefore: new Date(0) };
        let total = amount;
        const raised: Observation[] = steps.map((step) => {
          total += BigInt(step);
          return { status: 'AUTHORIZED', amount: total, amountCapturable: total };
        });
        return [
          { status: 'AUTHORIZED', amount, amountCapturable: amount, ...facts },
          ...raised,
          {
            status: 'SUCCEEDED',
            amount: total,
            amountCaptured: BigInt(c) + 1n,
            amountCapturable: 0n,
          },
        ];
      }),
    fc
      .boolean()
      .map((paid): Observation[] =>
        paid
          ? [{ status: 'PROCESSING' }, { status: 'SUCCEEDED', amountCaptured: amount }]
          : [{ status: 'EXPIRED' }],
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
    expect(which(canCapture)).toEqual(['AUTHORIZED']);
    expect(which(canCancel)).toEqual(['CREATED', 'REQUIRES_ACTION', 'AUTHORIZED']);
    expect(which(canRefund)).toEqual(['SUCCEEDED', 'PARTIALLY_REFUNDED']);
    expect([...UNSETTLED_STATUSES].sort()).toEqual(
      ['AUTHORIZED', 'CREATED', 'PROCESSING', 'REQUIRES_ACTION'].sort(),
    );
    // Nothing cancellable or capturable is final, and a refundable payment can still move.
    for (const s of [...which(canCancel), ...which(canRefund)]) expect(isFinal(s)).toBe(false);
  });
});

describe('disputes', () => {
  it('move only forward, end won or lost, and withhold money only as chargebacks', () => {
    expect(advanceDispute('NEEDS_RESPONSE', 'WON')).toBe('WON');
    expect(advanceDispute('WON', 'NEEDS_RESPONSE')).toBe('WON');
    expect(advanceDispute('LOST', 'WON')).toBe('LOST');
    expect(advanceDispute('UNDER_REVIEW', 'NEEDS_RESPONSE')).toBe('UNDER_REVIEW');
    expect(advanceDispute('WARNING_CLOSED', 'NEEDS_RESPONSE')).toBe('NEEDS_RESPONSE');
    expect(DISPUTE_TRANSITIONS.WON).toEqual([]);
    expect(DISPUTE_TRANSITIONS.LOST).toEqual([]);
    const withholding = Object.keys(DISPUTE_TRANSITIONS).filter((s) =>
      disputeWithholds(s as keyof typeof DISPUTE_TRANSITIONS),
    );
    expect(withholding.sort()).toEqual(['LOST', 'NEEDS_RESPONSE', 'UNDER_REVIEW']);
  });

  it('the dispute table, written out: forward only, inquiries may become chargebacks', () => {
    expect(DISPUTE_TRANSITIONS).toEqual({
      WARNING_NEEDS_RESPONSE: [
        'WARNING_UNDER_REVIEW',
        'WARNING_CLOSED',
        'NEEDS_RESPONSE',
        'UNDER_REVIEW',
        'WON',
        'LOST',
      ],
      WARNING_UNDER_REVIEW: ['WARNING_CLOSED', 'NEEDS_RESPONSE', 'UNDER_REVIEW', 'WON', 'LOST'],
      WARNING_CLOSED: ['NEEDS_RESPONSE', 'UNDER_REVIEW', 'WON', 'LOST'],
      NEEDS_RESPONSE: ['UNDER_REVIEW', 'WON', 'LOST'],
      UNDER_REVIEW: ['WON', 'LOST'],
      WON: [],
      LOST: [],
    });
  });

  it('any delivery order of a dispute’s statuses ends in the same place', () => {
    const statuses = Object.keys(DISPUTE_TRANSITIONS) as (keyof typeof DISPUTE_TRANSITIONS)[];
    fc.assert(
      fc.property(fc.shuffledSubarray(statuses, { minLength: 1 }), (seen) => {
        const end = (order: typeof seen) => order.reduce((s, n) => advanceDispute(s, n), order[0]!);
        const final = seen.includes('WON') || seen.includes('LOST');
        // Once a final status is seen, every order that starts anywhere ends final.
        if (final) expect(['WON', 'LOST']).toContain(end([...seen].reverse()));
      }),
    );
  });
});
