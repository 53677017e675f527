import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money, PrecisePrice } from '../platform/money';
import { priceSession, type Tariff } from './pricing';
import {
  localMinute,
  overlappingPeriods,
  periodAt,
  segmentsOf,
  type MeterSample,
  type TariffPeriod,
} from './tariff-periods';

const per = (v: bigint) => PrecisePrice.of(v, 'eur');
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const night: TariffPeriod = {
  name: 'night',
  days: EVERY_DAY,
  startMinute: 22 * 60,
  endMinute: 6 * 60, // past midnight
  energyPerKwh: per(20_000n),
  timePerMinute: per(0n),
};
const weekdayPeak: TariffPeriod = {
  name: 'peak',
  days: [1, 2, 3, 4, 5],
  startMinute: 17 * 60,
  endMinute: 20 * 60,
  energyPerKwh: per(60_000n),
  timePerMinute: per(1_000n),
};
const tariff: Tariff = {
  currency: 'eur',
  energyPerKwh: per(40_000n),
  timePerMinute: per(0n),
  idlePerMinute: per(0n),
  idleGraceMinutes: 0,
  sessionFee: Money.of(0n, 'eur'),
  taxRateBasisPoints: 1900,
  taxInclusive: true,
  periods: [night, weekdayPeak],
};
const BERLIN = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);

describe('tariff periods', () => {
  it('reads local time in the station’s zone, across a daylight-saving change', () => {
    // Sunday 29 March 2026: Berlin goes from +01:00 to +02:00 at 01:00 UTC.
    expect(localMinute(at('2026-03-29T00:30:00Z'), BERLIN)).toEqual({ day: 7, minute: 90 });
    expect(localMinute(at('2026-03-29T01:30:00Z'), BERLIN)).toEqual({ day: 7, minute: 210 });
    expect(localMinute(at('2026-12-07T16:59:00Z'), BERLIN)).toEqual({
      day: 1,
      minute: 17 * 60 + 59,
    });
  });

  it('applies a period that runs past midnight, and a weekday-only one only on weekdays', () => {
    expect(periodAt([night], { day: 3, minute: 23 * 60 })).toBe(0);
    expect(periodAt([night], { day: 3, minute: 5 * 60 + 59 })).toBe(0);
    expect(periodAt([night], { day: 3, minute: 6 * 60 })).toBeNull();
    expect(periodAt([night, weekdayPeak], { day: 5, minute: 18 * 60 })).toBe(1);
    expect(periodAt([night, weekdayPeak], { day: 6, minute: 18 * 60 })).toBeNull();
  });

  it('finds periods that overlap', () => {
    expect(overlappingPeriods([night, weekdayPeak])).toBeUndefined();
    const late = { ...weekdayPeak, name: 'late', startMinute: 19 * 60, endMinute: 23 * 60 };
    expect(overlappingPeriods([night, weekdayPeak, late])).toEqual([1, 2]); // 19:00 on a Monday
  });

  it('splits a session across a period boundary by time, energy in proportion between readings', () => {
    // Monday 7 Dec 2026, Berlin is +01:00: 21:30 → 22:30 local, 10 kWh at an even rate.
    const start = at('2026-12-07T20:30:00Z');
    const end = at('2026-12-07T21:30:00Z');
    const samples: MeterSample[] = [
      { at: start, wh: 1_000n },
      { at: end, wh: 11_000n },
    ];
    const segments = segmentsOf(tariff.periods!, BERLIN, samples, start, end);
    expect(segments).toEqual([
      { period: null, energyWh: 5_000n, durationSeconds: 1800n },
      { period: 0, energyWh: 5_000n, durationSeconds: 1800n },
    ]);
    const price = priceSession(tariff, {
      energyWh: 10_000n,
      durationSeconds: 3600n,
      idleStretches: [],
      segments,
    });
    // 5 kWh × 40 ¢ = 200; 5 kWh × 20 ¢ (night) = 100.
    expect(
      price.lines.filter((l) => l.kind === 'energy').map((l) => [l.period, l.amount.minor]),
    ).toEqual([
      [undefined, 200n],
      ['night', 100n],
    ]);
    expect(price.total.minor).toBe(300n);
  });

  it('keeps the energy of a session of no length, in the period of its instant', () => {
    // A stop reported at the start's own instant (23:00 in Berlin: night) with energy.
    const t = at('2026-12-07T22:00:00Z');
    const samples: MeterSample[] = [
      { at: t, wh: 0n },
      { at: t, wh: 700n },
    ];
    expect(segmentsOf(tariff.periods!, BERLIN, samples, t, t)).toEqual([
      { period: 0, energyWh: 700n, durationSeconds: 0n },
    ]);
  });

  it('refuses segments that do not add up to the session', () => {
    expect(() =>
      priceSession(tariff, {
        energyWh: 10n,
        durationSeconds: 60n,
        idleStretches: [],
        segments: [{ period: 0, energyWh: 9n, durationSeconds: 60n }],
      }),
    ).toThrow(RangeError);
  });

  const sessionArb = fc
    .record({
      startMs: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }),
      steps: fc.array(
        fc.record({
          ms: fc.integer({ min: 1, max: 3 * 3600_000 }),
          wh: fc.bigInt({ min: 0n, max: 20_000n }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    })
    .map(({ startMs, steps }) => {
      let t = startMs;
      let wh = 0n;
      const samples: MeterSample[] = [{ at: new Date(t), wh }];
      for (const s of steps) {
        t += s.ms;
        wh += s.wh;
        samples.push({ at: new Date(t), wh });
      }
      return { samples, start: new Date(startMs), end: new Date(t), energy: wh };
    });

  it('segments always sum to the session’s energy and whole seconds (property)', () => {
    fc.assert(
      fc.property(sessionArb, ({ samples, start, end, energy }) => {
        const segments = segmentsOf(tariff.periods!, BERLIN, samples, start, end);
        const wh = segments.reduce((a, s) => a + s.energyWh, 0n);
        const secs = segments.reduce((a, s) => a + s.durationSeconds, 0n);
        expect(wh).toBe(energy);
        expect(secs).toBe(BigInt(Math.floor((end.getTime() - start.getTime()) / 1000)));
        const price = priceSession(tariff, {
          energyWh: wh,
          durationSeconds: secs,
          idleStretches: [],
          segments,
        });
        expect(price.lines.reduce((a, l) => a + l.amount.minor, 0n)).toBe(price.total.minor);
      }),
      { numRuns: 150 },
    );
  });

  it('the cost never decreases as the session goes on (property)', () => {
    fc.assert(
      fc.property(sessionArb, ({ samples }) => {
        let last = -1n;
        for (let k = 1; k <= samples.length; k++) {
          const prefix = samples.slice(0, k);
          const start = prefix[0]!.at;
          const end = prefix.at(-1)!.at;
          const segments = segmentsOf(tariff.periods!, BERLIN, prefix, start, end);
          const total = priceSession(tariff, {
            energyWh: segments.reduce((a, s) => a + s.energyWh, 0n),
            durationSeconds: segments.reduce((a, s) => a + s.durationSeconds, 0n),
            idleStretches: [],
            segments,
          }).total.minor;
          expect(total).toBeGreaterThanOrEqual(last);
          last = total;
        }
      }),
      { numRuns: 100 },
    );
  });
});
