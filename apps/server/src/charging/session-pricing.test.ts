import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TariffSnapshot } from './charging.schema';
import {
  NO_HISTORY,
  priceOf,
  projectedCost,
  samplesOf,
  type SessionHistory,
} from './session-pricing';

// Night from 22:00 in Berlin (+01:00 in December): 21:00 UTC.
const tariff: TariffSnapshot = {
  tariffId: 'tariff_test',
  name: 'Test',
  currency: 'eur',
  energyPricePerKwh: '40000', // 40 ¢/kWh by day
  timePricePerMinute: '0',
  idlePricePerMinute: '10000', // 10 ¢/min
  idleGraceMinutes: 10,
  sessionFee: '0',
  taxRateBasisPoints: 1900,
  taxInclusive: true,
  holdAmount: '5000',
  periods: [
    {
      name: 'night',
      days: [1, 2, 3, 4, 5, 6, 7],
      startMinute: 22 * 60,
      endMinute: 6 * 60,
      energyPricePerKwh: 20_000, // 20 ¢/kWh
      timePricePerMinute: 0,
    },
  ],
  timeZone: 'Europe/Berlin',
};
const at = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00Z`);
const session = (startedAt: Date, endedAt: Date | null = null) => ({
  tariff,
  startedAt,
  endedAt,
  authorizedAmount: 5000n,
  currency: 'eur',
});
const energyLines = (p: ReturnType<typeof priceOf>) =>
  p.lines.filter((l) => l.kind === 'energy').map((l) => [l.period ?? 'day', l.quantity]);

describe('priceOf over a session’s history', () => {
  it('splits the energy of the one metering interval that straddles a period boundary, by time', () => {
    // 9 kWh in the first 20 minutes, then 1 kWh over 20:50–21:10 UTC, across 22:00 local.
    const history: SessionHistory = {
      meterStartWh: 50_000n,
      readings: [
        { at: at('21:10'), wh: 60_000n }, // out of order, as chargers resend
        { at: at('20:50'), wh: 59_000n },
        { at: at('21:30'), wh: 60_000n },
      ],
      statuses: [],
    };
    const start = at('20:30');
    const end = at('21:30');
    const price = priceOf(session(start, end), 10_000n, end, end, history);
    expect(energyLines(price)).toEqual([
      ['day', 9_500n],
      ['night', 500n],
    ]);
    // 9.5 kWh × 40 ¢ = 380; 0.5 kWh × 20 ¢ = 10.
    expect(price.total.minor).toBe(390n);
    // With only the start and the stop, the 10 kWh would be spread over the hour: 5 + 5.
    expect(energyLines(priceOf(session(start, end), 10_000n, end, end, NO_HISTORY))).toEqual([
      ['day', 5_000n],
      ['night', 5_000n],
    ]);
  });

  it('cuts an odd Wh at the boundary once, so the lines still add up to the energy', () => {
    const history: SessionHistory = {
      meterStartWh: 0n,
      readings: [{ at: at('20:50'), wh: 0n }],
      statuses: [],
    };
    const price = priceOf(session(at('20:50'), at('21:10')), 1_001n, at('21:10'), null, history);
    expect(energyLines(price)).toEqual([
      ['day', 500n],
      ['night', 501n],
    ]);
    expect(price.lines.reduce((n, l) => n + l.amount.minor, 0n)).toBe(price.total.minor);
  });

  it('bills the idle stretches after their grace, and an open one as it grows', () => {
    const history: SessionHistory = {
      meterStartWh: 0n,
      readings: [],
      statuses: [
        { status: 'CHARGING', at: at('20:00') },
        { status: 'SUSPENDED_EV', at: at('20:05') }, // 5 min pause: within the grace
        { status: 'CHARGING', at: at('20:10') },
        { status: 'SUSPENDED_EV', at: at('20:20') }, // the car is full
      ],
    };
    const idle = (now: Date) =>
      priceOf(session(at('20:00')), 1000n, now, now, history).lines.find((l) => l.kind === 'idle')!;
    expect(idle(at('20:30')).amount.minor).toBe(0n); // 10 min in: the grace
    expect(idle(at('20:45'))).toMatchObject({ quantity: 900n }); // 15 min past it
    expect(idle(at('20:45')).amount.minor).toBe(150n);
  });

  it('lets the hold guard see idle time alone reach the hold', () => {
    const history: SessionHistory = {
      meterStartWh: 0n,
      readings: [],
      statuses: [{ status: 'FINISHING', at: at('18:00') }],
    };
    // Idle since 18:00: by 19:00 50 min past the grace × 10 ¢ = 500; the hold is 5000 (8 h 30).
    const s = session(at('18:00'));
    expect(projectedCost(s, 0n, at('19:00'), 60, history)).toBe(510n);
    expect(projectedCost(s, 0n, at('19:00'), 60, NO_HISTORY)).toBe(0n);
    // 8 h 29 min in, a minute ahead: 500 min past the grace = 5000, the whole hold.
    const late = new Date(at('18:00').getTime() + (8 * 60 + 29) * 60_000);
    expect(projectedCost(s, 0n, late, 60, history)).toBe(5000n);
  });
});

describe('samplesOf', () => {
  it('clamps a register that reset or ran past the bill, and keeps the readings rising', () => {
    const samples = samplesOf(
      {
        meterStartWh: 1000n,
        readings: [
          { at: at('20:10'), wh: 3000n },
          { at: at('20:20'), wh: 200n }, // reset
          { at: at('20:30'), wh: 9000n }, // above the bill
          { at: at('19:00'), wh: 500n }, // before the start: ignored
        ],
        statuses: [],
      },
      at('20:00'),
      at('20:40'),
      5000n,
    );
    expect(samples.map((s) => s.wh)).toEqual([0n, 2000n, 2000n, 5000n, 5000n]);
  });

  it('property: the periods’ energy always sums to the bill’s, whatever the readings say', () => {
    const readingArb = fc.record({
      minute: fc.integer({ min: -30, max: 200 }),
      wh: fc.bigInt({ min: 0n, max: 80_000n }),
    });
    fc.assert(
      fc.property(
        fc.array(readingArb, { maxLength: 10 }),
        fc.integer({ min: 0, max: 180 }),
        fc.bigInt({ min: 0n, max: 60_000n }),
        (raw, minutes, energy) => {
          const start = at('20:00');
          const end = new Date(start.getTime() + minutes * 60_000);
          const readings = raw.map((r) => ({
            at: new Date(start.getTime() + r.minute * 60_000),
            wh: r.wh,
          }));
          const history = { meterStartWh: 10_000n, readings, statuses: [] };
          const price = priceOf(session(start, end), energy, end, end, history);
          const wh = price.lines
            .filter((l) => l.kind === 'energy')
            .reduce((n, l) => n + l.quantity, 0n);
          expect(wh).toBe(energy);
          expect(price.lines.reduce((n, l) => n + l.amount.minor, 0n)).toBe(price.total.minor);
        },
      ),
      { numRuns: 150 },
    );
  });
});
