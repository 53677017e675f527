import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feeFor, feeShare, refundSplit } from './fees';

describe('order fees', () => {
  it('takes basis points of the amount, rounding half up', () => {
    expect(feeFor(10_000n, 500)).toBe(500n);
    expect(feeFor(10n, 500)).toBe(1n); // 0.5 → 1
    expect(feeFor(9n, 500)).toBe(0n); // 0.45 → 0
    expect(feeFor(1_999n, 250)).toBe(50n); // 49.975 → 50
    expect(feeFor(123n, 0)).toBe(0n);
    expect(feeFor(123n, 10_000)).toBe(123n);
    expect(feeFor(9_007_199_254_740_993n, 500)).toBe(450_359_962_737_050n); // beyond doubles
  });

  it('splits refunds proportionally and returns exactly the fee once fully refunded', () => {
    const order = { amount: 1_001n, fee: 50n, refundedAmount: 0n };
    let refunded = 0n;
    let feeBack = 0n;
    for (const x of [333n, 1n, 300n, 367n]) {
      const s = refundSplit({ ...order, refundedAmount: refunded }, x);
      expect(s.fee + s.merchant).toBe(x);
      expect(s.fee).toBeGreaterThanOrEqual(0n);
      refunded += x;
      feeBack += s.fee;
    }
    expect(refunded).toBe(order.amount);
    expect(feeBack).toBe(order.fee);
  });
});

describe('order fee shares (property)', () => {
  const order = fc
    .tuple(fc.bigInt({ min: 1n, max: 99_999_999n }), fc.integer({ min: 0, max: 10_000 }))
    .map(([amount, bps]) => ({ amount, fee: feeFor(amount, bps) }));

  it('refunds in any steps give back exactly the fee, each step a non-negative share', () => {
    fc.assert(
      fc.property(
        order,
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 8n }), { maxLength: 8 }),
        (o, cuts) => {
          // Random steps that add up to the whole amount: the cuts' proportions, the rest last.
          let refunded = 0n;
          let feeBack = 0n;
          const steps = cuts.map((c) => (o.amount * c) / (10n ** 8n * BigInt(cuts.length + 1)));
          for (const x of [...steps, o.amount - steps.reduce((a, b) => a + b, 0n)]) {
            const s = refundSplit({ ...o, refundedAmount: refunded }, x);
            expect(s.fee + s.merchant).toBe(x);
            expect(s.fee).toBeGreaterThanOrEqual(0n);
            expect(s.merchant).toBeGreaterThanOrEqual(0n);
            refunded += x;
            feeBack += s.fee;
          }
          expect(feeBack).toBe(o.fee);
          expect(feeShare(o, o.amount)).toBe(o.fee);
        },
      ),
    );
  });
});
