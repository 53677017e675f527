import { describe, expect, it } from 'vitest';
import { localParts, zonedInstant } from './local-time';
import { checkRange, fits, priceOf, refundFor, slotsOf, type SpaceTerms } from './space-rules';

const hourly: SpaceTerms = {
  priceUnit: 'HOUR',
  price: 1_500n,
  timeZone: 'Europe/Berlin',
  openingHours: [1, 2, 3, 4, 5].map((day) => ({ day, openMinute: 8 * 60, closeMinute: 18 * 60 })),
  bufferMinutes: 15,
};

describe('local time in a zone', () => {
  it('finds the instant of a wall time, across daylight saving changes', () => {
    expect(zonedInstant('2030-01-07', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2030-01-07T08:00:00.000Z',
    );
    expect(zonedInstant('2030-07-08', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2030-07-08T07:00:00.000Z',
    );
    expect(zonedInstant('2030-07-08', 9 * 60, 'America/New_York').toISOString()).toBe(
      '2030-07-08T13:00:00.000Z',
    );
    // 2030-03-31 02:30 does not exist in Berlin (clocks jump 02:00 → 03:00): the instant after.
    expect(zonedInstant('2030-03-31', 2 * 60 + 30, 'Europe/Berlin').toISOString()).toBe(
      '2030-03-31T01:30:00.000Z',
    );
    expect(localParts(new Date('2030-01-07T23:30:00Z'), 'Europe/Berlin')).toMatchObject({
      date: '2030-01-08',
      weekday: 2,
      minute: 30,
    });
  });
});

describe('space rules', () => {
  const at = (hhmm: string, date = '2030-01-07') =>
    zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), 'Europe/Berlin');

  it('accepts ranges inside one day’s opening on the half-hour grid, refuses the rest', () => {
    expect(checkRange(hourly, at('08:00'), at('09:30'))).toBe('2030-01-07');
    const code = (start: Date, end: Date) => {
      try {
        checkRange(hourly, start, end);
        return 'ok';
      } catch (err) {
        return (err as { code: string }).code;
      }
    };
    expect(code(at('07:30'), at('09:00'))).toBe('outside_opening_hours');
    expect(code(at('17:00'), at('18:30'))).toBe('outside_opening_hours');
    expect(code(at('10:00', '2030-01-12'), at('11:00', '2030-01-12'))).toBe(
      'outside_opening_hours',
    ); // a Saturday
    expect(code(at('10:10'), at('11:00'))).toBe('off_grid');
    expect(code(at('11:00'), at('11:00'))).toBe('bad_range');
    const daily = { ...hourly, priceUnit: 'DAY' as const };
    expect(code(at('08:00'), at('18:00'))).toBe('ok');
    expect(checkRange(daily, at('08:00'), at('18:00'))).toBe('2030-01-07');
    expect(code(at('09:00'), at('18:00'))).toBe('ok');
    expect(() => checkRange(daily, at('09:00'), at('18:00'))).toThrow(/whole opening/);
  });

  it('prices hours (half up) and days', () => {
    expect(priceOf(hourly, at('08:00'), at('09:30'))).toBe(2_250n);
    expect(priceOf({ priceUnit: 'HOUR', price: 999n }, at('08:00'), at('08:30'))).toBe(500n);
    expect(priceOf({ priceUnit: 'DAY', price: 4_000n }, at('08:00'), at('18:00'))).toBe(4_000n);
  });

  it('gives back all, the late share or all but the fee, or nothing from the start', () => {
    const start = new Date('2030-01-10T10:00:00Z');
    const h = (n: number) => new Date(start.getTime() - n * 3_600_000);
    const pct = { fullRefundHours: 24, lateRefundPercent: 30, lateCancellationFee: null };
    const fee = { fullRefundHours: 24, lateRefundPercent: null, lateCancellationFee: '700' };
    expect(refundFor(pct, 2_000n, start, h(24))).toBe(2_000n);
    expect(refundFor(pct, 2_000n, start, h(23.9))).toBe(600n);
    expect(refundFor(fee, 2_000n, start, h(1))).toBe(1_300n);
    expect(refundFor(fee, 500n, start, h(1))).toBe(0n);
    expect(refundFor(pct, 2_000n, start, start)).toBe(0n);
    expect(refundFor(pct, 0n, start, h(48))).toBe(0n);
  });

  it('keeps the buffer on both sides and counts free seats per slot', () => {
    const taken = [{ seatId: 's1', startsAt: at('10:00'), blockedUntil: at('11:15') }];
    expect(fits(taken, at('11:00'), at('12:00'), 15)).toBe(false);
    expect(fits(taken, at('11:15'), at('12:00'), 15)).toBe(true);
    expect(fits(taken, at('09:00'), at('09:45'), 15)).toBe(true);
    expect(fits(taken, at('09:00'), at('10:00'), 15)).toBe(false);
    const slots = slotsOf(hourly, ['s1', 's2'], taken, '2030-01-07', new Date(0));
    expect(slots).toHaveLength(19); // 08:00 … 17:00, every half hour
    const free = (hhmm: string) =>
      slots.find((s) => s.start.getTime() === at(hhmm).getTime())!.seatsFree;
    expect([free('08:30'), free('09:00'), free('10:30'), free('11:30')]).toEqual([2, 1, 1, 2]);
    expect(slotsOf(hourly, ['s1'], [], '2030-01-12', new Date(0))).toEqual([]);
    // Slots already started are not offered.
    expect(slotsOf(hourly, ['s1'], [], '2030-01-07', at('16:10'))).toHaveLength(2);
  });
});
