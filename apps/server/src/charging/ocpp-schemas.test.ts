import { describe, expect, it } from 'vitest';
import { OCPP16_VALIDATOR, ocppTime } from './ocpp-schemas';

const status = (timestamp: string) => ({
  connectorId: 1,
  errorCode: 'NoError',
  status: 'Available',
  timestamp,
});

describe('OCPP 1.6 schemas', () => {
  it('accept timestamps with or without a zone, and refuse what is no timestamp', () => {
    for (const t of [
      '2026-12-03T07:00:00Z',
      '2026-12-03T07:00:00.123+01:00',
      '2026-12-03T07:00:00',
    ])
      expect(OCPP16_VALIDATOR.validate('urn:StatusNotification.req', status(t))).toBe(true);
    expect(() =>
      OCPP16_VALIDATOR.validate('urn:StatusNotification.req', status('yesterday')),
    ).toThrow();
    // Everything else is still the standard: an unknown status is refused.
    expect(() =>
      OCPP16_VALIDATOR.validate('urn:StatusNotification.req', {
        ...status('2026-12-03T07:00:00Z'),
        status: 'Dancing',
      }),
    ).toThrow();
  });

  it('reads a zone-less timestamp as UTC and keeps a zoned one', () => {
    expect(ocppTime('2026-12-03T07:00:00').toISOString()).toBe('2026-12-03T07:00:00.000Z');
    expect(ocppTime('2026-12-03T07:00:00+01:00').toISOString()).toBe('2026-12-03T06:00:00.000Z');
    expect(() => ocppTime('2026-13-45T99:00:00')).toThrow(/not a valid timestamp/);
  });
});
