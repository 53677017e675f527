import { z } from 'zod';
import { AppError } from '../platform/errors/app-error';
import { MAX_AMOUNT } from '../platform/money';
import { USDC_DECIMALS } from './chains';

/**
 * An on-chain amount as the API answers it: the integer in the token's smallest unit as a decimal
 * string (wei and USDC's 10^-6 exceed a double), its decimals, and the same value for people.
 */
export const TokenAmountView = z.object({
  minor: z
    .string()
    .meta({ description: 'Integer smallest units (USDC: 10^-6, ETH/POL: wei)', example: '500000' }),
  decimals: z.number().int(),
  formatted: z.string().meta({ description: 'The same value in whole tokens', example: '0.5' }),
  symbol: z.string().meta({ example: 'USDC' }),
});
export type TokenAmountView = z.infer<typeof TokenAmountView>;

/** `minor / 10^decimals` written out exactly, trailing zeros dropped (500000, 6 → "0.5"). */
export function formatUnits(minor: bigint, decimals: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export function tokenAmount(minor: bigint, decimals: number, symbol: string): TokenAmountView {
  return { minor: minor.toString(), decimals, formatted: formatUnits(minor, decimals), symbol };
}

/**
 * The largest USDC amount a pre-check accepts: what one payment link can carry (MAX_AMOUNT cents,
 * $999,999.99), in USDC's 10^-6 units.
 */
export const MAX_USDC_MINOR = BigInt(MAX_AMOUNT) * 10n ** BigInt(USDC_DECIMALS - 2);

const DECIMAL = /^(0|[1-9]\d{0,14})(?:\.(\d{1,6}))?$/;

/**
 * A USDC amount as the seed's clients state it, in dollars ("0.50", "12", "3.141592"): a decimal
 * string with at most 6 decimals, more than zero, at most MAX_USDC_MINOR. Never a JSON number,
 * which is a binary float. Answered as bigint 10^-6 units.
 */
export function parseUsdcAmount(text: string, param = 'amount'): bigint {
  const match = DECIMAL.exec(text);
  if (!match) {
    const tooPrecise = /^\d+\.\d{7,}$/.test(text);
    throw AppError.validation(
      tooPrecise
        ? 'USDC has 6 decimals: give at most 6 digits after the point'
        : 'Give the amount in USDC as a decimal string such as "12.50" (digits, one optional point, at most 6 decimals)',
      param,
      'invalid_amount',
    );
  }
  const minor =
    BigInt(match[1]!) * 10n ** BigInt(USDC_DECIMALS) +
    BigInt((match[2] ?? '').padEnd(USDC_DECIMALS, '0'));
  if (minor === 0n)
    throw AppError.validation('The amount must be more than zero', param, 'invalid_amount');
  if (minor > MAX_USDC_MINOR) {
    throw AppError.validation(
      `The amount exceeds the maximum of ${formatUnits(MAX_USDC_MINOR, USDC_DECIMALS)} USDC`,
      param,
      'amount_too_large',
    );
  }
  return minor;
}
