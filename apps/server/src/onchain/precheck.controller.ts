import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { getAddress, isAddress } from 'ethers';
import { z } from 'zod';
import { Public } from '../identity';
import { AppError } from '../platform/errors/app-error';
import { Doc } from '../platform/http/doc';
import { CHAINS } from './chains';
import { PrecheckRateLimit } from './precheck-rate-limit.guard';
import { PrecheckView } from './precheck.view';
import { parseUsdcAmount } from './token-amount';
import { UsdcPrecheck, type PrecheckResult } from './usdc-precheck';

const PrecheckBody = z.strictObject({
  walletAddress: z.string().max(100).meta({
    description: '0x and 40 hex digits; mixed case must be a valid EIP-55 checksum',
    example: '0x52908400098527886E0F7030069857D2E4169EE7',
  }),
  chain: z.enum(CHAINS),
  amount: z.string().max(40).meta({
    description:
      'USDC to pay, as a decimal string of dollars with at most 6 decimals (never a JSON number)',
    example: '12.50',
  }),
});

/** The address as the chain knows it, or a 400 `invalid_wallet_address`. */
export function walletAddressOf(text: string): string {
  if (!/^0x[0-9a-fA-F]{40}$/.test(text) || !isAddress(text)) {
    throw AppError.validation(
      /^0x[0-9a-fA-F]{40}$/.test(text)
        ? 'walletAddress: the mixed-case address fails its EIP-55 checksum (a typo?)'
        : 'walletAddress: expected 0x and 40 hex digits',
      'walletAddress',
      'invalid_wallet_address',
    );
  }
  return getAddress(text);
}

/**
 * Seed 000's PaymentController pre-check, for a USDC payer before the session (USDC payers cannot
 * be held, so they pay by link after it). Public: the seed's clients include the charging station
 * and the ad-hoc driver's page, neither signed in, and the answer is public chain data. Limited
 * per IP, since each check costs calls on a metered RPC.
 */
@ApiTags('payments')
@Controller('api/v1/payment')
export class PrecheckController {
  constructor(private readonly precheck: UsdcPrecheck) {}

  @Post('precheck')
  @Public()
  @UseGuards(PrecheckRateLimit)
  @Doc({
    summary:
      "Can this wallet pay `amount` USDC on this chain? Its USDC and native balances and a USDC transfer's fee (gas estimate + 20 %, × the current max fee per gas), with what is missing; public, per-IP rate limit",
    response: PrecheckView,
    errors: [429, 503],
  })
  check(
    @Body({ schema: PrecheckBody }) body: z.infer<typeof PrecheckBody>,
  ): Promise<PrecheckResult> {
    return this.precheck.check({
      walletAddress: walletAddressOf(body.walletAddress),
      chain: body.chain,
      amount: parseUsdcAmount(body.amount),
    });
  }
}
