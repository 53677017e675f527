import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error';
import { formatUnits, MAX_USDC_MINOR, parseUsdcAmount } from './token-amount';

const codeOf = (text: string) => {
  try {
    parseUsdcAmount(text);
    return 'ok';
  } catch (err) {
    return (err as AppError).code;
  }
};

describe('USDC amounts', () => {
  it('reads decimal dollars exactly into 10^-6 units', () => {
    expect(parseUsdcAmount('0.5')).toBe(500_000n);
    expect(parseUsdcAmount('12')).toBe(12_000_000n);
    expect(parseUsdcAmount('0.000001')).toBe(1n);
    expect(parseUsdcAmount('3.141592')).toBe(3_141_592n);
    expect(parseUsdcAmount('999999.99')).toBe(MAX_USDC_MINOR);
    // 0.1 + 0.2 is no problem where no float is involved.
    expect(parseUsdcAmount('0.3')).toBe(parseUsdcAmount('0.1') + parseUsdcAmount('0.2'));
  });

  it('refuses what is not a positive decimal of at most 6 places, or too large', () => {
    for (const bad of [
      '',
      '-1',
      '+1',
      '0',
      '0.0',
      '.5',
      '5.',
      '01',
      '1e6',
      '0x10',
      '1,5',
      ' 1',
      '1 ',
      'Infinity',
      '1.1234567',
    ])
      expect(codeOf(bad), bad).toBe('invalid_amount');
    expect(codeOf('999999.990001')).toBe('amount_too_large');
    expect(codeOf('1000000')).toBe('amount_too_large');
    expect(codeOf('9'.repeat(16))).toBe('invalid_amount');
  });

  it('formats exactly, without trailing zeros', () => {
    expect(formatUnits(500_000n, 6)).toBe('0.5');
    expect(formatUnits(1n, 18)).toBe('0.000000000000000001');
    expect(formatUnits(10n ** 18n, 18)).toBe('1');
    expect(formatUnits(0n, 6)).toBe('0');
    expect(formatUnits(-1_500_000n, 6)).toBe('-1.5');
  });

  it('format and parse are inverse on every amount in range', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: MAX_USDC_MINOR }), (minor) => {
        expect(parseUsdcAmount(formatUnits(minor, 6))).toBe(minor);
      }),
    );
  });
});
