import { describe, expect, it } from 'vitest';
import { describeFailure, redactAddresses } from './redact';

describe('redactAddresses', () => {
  it('hides who, keeps the domain and the rest of the text', () => {
    expect(redactAddresses('550 5.1.1 <ann.lee+shop@example.com>: Recipient rejected')).toBe(
      '550 5.1.1 <…@example.com>: Recipient rejected',
    );
    expect(redactAddresses('from a@b.test to "c_d@e.test"')).toBe('from …@b.test to "…@e.test"');
    expect(redactAddresses('connect ECONNREFUSED 127.0.0.1:2525')).toBe(
      'connect ECONNREFUSED 127.0.0.1:2525',
    );
  });

  it('bounds what is stored and logged', () => {
    expect(describeFailure(new Error('x'.repeat(2000)))).toHaveLength(500);
    expect(describeFailure('bob@example.com down')).toBe('…@example.com down');
  });
});
