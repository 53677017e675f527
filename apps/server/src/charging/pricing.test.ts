import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money, PrecisePrice } from '../platform/money';
import { idleStretchesOf, priceSession, type StatusAt, type Tariff, type Usage } from './pricing';

const EUR = (minor: bigint) => Money.of(minor, 'eur');
const per = (thousandthsOfCent: bigint) => PrecisePrice.of(thousandthsOfCent, 'eur');

const base: Tariff = {
  currency: 'eur',
  energyPerKwh: per(32_490n), // €0.3249/kWh
  timePerMinute: per(2_500n), // 2.5 ¢/min
  idlePerMinute: per(10_000n), // 10 ¢/min after the grace
  idleGraceMinutes: 15,
  sessionFee: EUR(50n),
  taxRateBasisPoints: 1900,
  taxInclusive: true,
};
const usage = (u: Partial<Usage>): Usage => ({
  energyWh: 0n,
  durationSeconds: 0n,
  idleStretches: [],
  ...u,
});

const tariffArb: fc.Arbitrary<Tariff> = fc.record({
  currency: fc.constant('eur'),
  energyPerKwh: fc.bigInt({ min: 0n, max: 10n ** 7n }).map(per),
  timePerMinute: fc.bigInt({ min: 0n, max: 10n ** 6n }).map(per),
  idlePerMinute: fc.bigInt({ min: 0n, max: 10n ** 6n }).map(per),
  idleGraceMinutes: fc.integer({ min: 0, max: 120 }),
  sessionFee: fc.bigInt({ min: 0n, max: 10_000n }).map(EUR),
  taxRateBasisPoints: fc.integer({ min: 0, max: 5000 }),
  taxInclusive: fc.boolean(),
});
const usageArb: fc.Arbitrary<Usage> = fc.record({
  energyWh: fc.bigInt({ min: 0n, max: 500_000n }),
  durationSeconds: fc.bigInt({ min: 0n, max: 86_400n }),
  idleStretches: fc.array(fc.bigInt({ min: 0n, max: 86_400n }), { maxLength: 5 }),
});
const more = fc.bigInt({ min: 0n, max: 100_000n });

describe('priceSession', () => {
  it('prices a known session: one rounding per line, tax inside an inclusive total', () => {
    // 12.345 kWh × 32.49 ¢ = 401.089 → 401; 30 min 30 s × 2.5 ¢ = 76.25 → 76;
    // idle 20 min − 15 grace = 5 min × 10 ¢ = 50; fee 50. Total 577; tax 577 × 19/119 = 92.13 → 92.
    const p = priceSession(
      base,
      usage({ energyWh: 12_345n, durationSeconds: 1830n, idleStretches: [1200n] }),
    );
    expect(p.lines.map((l) => [l.kind, l.quantity, l.amount.minor])).toEqual([
      ['energy', 12_345n, 401n],
      ['time', 1830n, 76n],
      ['idle', 300n, 50n],
      ['session_fee', 1n, 50n],
    ]);
    expect(p.total).toEqual(EUR(577n));
    expect(p.tax).toEqual(EUR(92n));
    expect(p.capture).toEqual(EUR(577n));
  });

  it('adds an exclusive tax as its own line, rounded once on the net', () => {
    const p = priceSession(
      { ...base, taxInclusive: false },
      usage({ energyWh: 12_345n, durationSeconds: 1830n, idleStretches: [1200n] }),
    );
    // net 577 × 19 % = 109.63 → 110
    expect(p.lines.at(-1)).toMatchObject({ kind: 'tax', quantity: 1900n, amount: EUR(110n) });
    expect(p.total).toEqual(EUR(687n));
    expect(p.tax).toEqual(EUR(110n));
  });

  it('shows before the start the rates with the tax in them, and only the session fee as cost', () => {
    const inclusive = priceSession(base, usage({}));
    expect(inclusive.total).toEqual(EUR(50n));
    expect(inclusive.rates.energyPerKwh).toEqual(per(32_490n));
    const exclusive = priceSession({ ...base, taxInclusive: false }, usage({}));
    expect(exclusive.rates.energyPerKwh).toEqual(per(38_663n)); // 32 490 × 1.19 = 38 663.1
    expect(exclusive.rates.sessionFee).toEqual(EUR(60n)); // 59.5 → 60
    expect(exclusive.total).toEqual(EUR(60n)); // 50 + 9.5 → 10
  });

  it('charges no idle time within the grace, and captures at most the hold', () => {
    const inGrace = priceSession(base, usage({ idleStretches: [15n * 60n, 10n * 60n] }));
    expect(inGrace.lines.find((l) => l.kind === 'idle')?.amount).toEqual(EUR(0n));
    const held = priceSession(base, usage({ energyWh: 100_000n, authorized: EUR(2000n) }));
    expect(held.total.minor).toBeGreaterThan(2000n);
    expect(held.capture).toEqual(EUR(2000n));
    const under = priceSession(base, usage({ energyWh: 1000n, authorized: EUR(2000n) }));
    expect(under.capture).toEqual(under.total);
  });

  it('refuses negative usage (a meter that went backwards is the caller’s to handle)', () => {
    expect(() => priceSession(base, usage({ energyWh: -1n }))).toThrow(RangeError);
  });

  it('property: the lines always sum to the total exactly', () => {
    fc.assert(
      fc.property(tariffArb, usageArb, (t, u) => {
        const p = priceSession(t, u);
        const sum = p.lines.reduce((acc, l) => acc + l.amount.minor, 0n);
        expect(sum).toBe(p.total.minor);
        expect(p.capture.compare(p.total)).toBeLessThanOrEqual(0);
        // The tax is what the total contains or adds, within one rounding of the exact share.
        const r = BigInt(t.taxRateBasisPoints);
        const net = t.taxInclusive ? p.total.minor : p.total.minor - p.tax.minor;
        const exact = t.taxInclusive ? (p.total.minor * r) / (10_000n + r) : (net * r) / 10_000n;
        expect(p.tax.minor - exact).toBeGreaterThanOrEqual(0n);
        expect(p.tax.minor - exact).toBeLessThanOrEqual(1n);
      }),
    );
  });

  it('counts the grace per idle stretch: a pause mid-session is free, a car left plugged in is not', () => {
    // 10 min paused (in the grace), then 40 min idle at the end: 25 min billed × 10 ¢ = 250.
    const p = priceSession(base, usage({ idleStretches: [600n, 2400n] }));
    expect(p.lines.find((l) => l.kind === 'idle')).toMatchObject({
      quantity: 1500n,
      amount: EUR(250n),
    });
    // Rounded once on the line: 3 stretches of 15 min 20 s → 60 s billed × 10 ¢/min = 10 ¢.
    const q = priceSession(base, usage({ idleStretches: [920n, 920n, 920n] }));
    expect(q.lines.find((l) => l.kind === 'idle')).toMatchObject({
      quantity: 60n,
      amount: EUR(10n),
    });
    expect(() => priceSession(base, usage({ idleStretches: [-1n] }))).toThrow(RangeError);
  });

  it('property: the cost never decreases as energy, time or idle time grows', () => {
    const growth = fc.record({
      dE: more,
      dT: more,
      // Each stretch longer, and maybe new ones after it.
      longer: fc.array(more, { maxLength: 5 }),
      added: fc.array(more, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(tariffArb, usageArb, growth, (t, u, g) => {
        const before = priceSession(t, u).total;
        const after = priceSession(t, {
          energyWh: u.energyWh + g.dE,
          durationSeconds: u.durationSeconds + g.dT,
          idleStretches: [...u.idleStretches.map((s, i) => s + (g.longer[i] ?? 0n)), ...g.added],
        }).total;
        expect(after.compare(before)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('idleStretchesOf', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
  it('finds the stretches in Finishing or SuspendedEV, the open one running to `to`', () => {
    const changes: StatusAt[] = [
      { status: 'CHARGING', at: at(0) },
      { status: 'SUSPENDED_EV', at: at(100) },
      { status: 'CHARGING', at: at(160) },
      { status: 'SUSPENDED_EV', at: at(1000) },
      { status: 'FINISHING', at: at(1005) }, // idle to idle: still one stretch
      { status: 'SUSPENDED_EV', at: at(1000) }, // a resend
    ];
    expect(idleStretchesOf(changes, at(0), at(1300))).toEqual([60n, 300n]);
    // Changes before the session started count from its start; after its end, not at all.
    expect(idleStretchesOf([{ status: 'FINISHING', at: at(-50) }], at(0), at(10))).toEqual([10n]);
    expect(idleStretchesOf([{ status: 'FINISHING', at: at(50) }], at(0), at(10))).toEqual([]);
  });

  it('orders changes by the charger’s time, not by arrival', () => {
    const inOrder: StatusAt[] = [
      { status: 'SUSPENDED_EV', at: at(100) },
      { status: 'CHARGING', at: at(400) },
      { status: 'FINISHING', at: at(900) },
    ];
    const late = [inOrder[2]!, inOrder[0]!, inOrder[1]!];
    expect(idleStretchesOf(late, at(0), at(1000))).toEqual([300n, 100n]);
    expect(idleStretchesOf(inOrder, at(0), at(1000))).toEqual([300n, 100n]);
  });

  const changesArb = fc.array(
    fc.record({
      status: fc.constantFrom('CHARGING', 'SUSPENDED_EV', 'FINISHING', 'SUSPENDED_EVSE' as const),
      at: fc.integer({ min: -600, max: 7200 }).map(at),
    }),
    { maxLength: 12 },
  );

  it('property: arrival order and resends change nothing (distinct instants)', () => {
    fc.assert(
      fc.property(changesArb, fc.integer({ min: 0, max: 7200 }), (changes, end) => {
        const distinct = [...new Map(changes.map((c) => [c.at.getTime(), c])).values()];
        const expected = idleStretchesOf(distinct, at(0), at(end));
        const shuffled = [...distinct].reverse();
        expect(idleStretchesOf(shuffled, at(0), at(end))).toEqual(expected);
        expect(idleStretchesOf([...distinct, ...distinct], at(0), at(end))).toEqual(expected);
      }),
    );
  });

  it('property: the idle line never decreases as the session goes on', () => {
    fc.assert(
      fc.property(
        tariffArb,
        changesArb,
        fc.integer({ min: 0, max: 7200 }),
        fc.integer({ min: 0, max: 3600 }),
        (t, changes, end, extra) => {
          const idle = (to: number) =>
            priceSession(
              t,
              usage({ idleStretches: idleStretchesOf(changes, at(0), at(to)) }),
            ).lines.find((l) => l.kind === 'idle')!;
          const now = idle(end);
          const later = idle(end + extra);
          expect(later.quantity).toBeGreaterThanOrEqual(now.quantity);
          expect(later.amount.compare(now.amount)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
