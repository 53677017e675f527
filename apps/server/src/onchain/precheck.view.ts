import { z } from 'zod';
import { CHAINS } from './chains';
import { TokenAmountView } from './token-amount';

const Shortfall = z.object({
  asset: z.enum(['USDC', 'NATIVE']),
  code: z.enum(['insufficient_usdc', 'insufficient_native_for_gas']),
  required: TokenAmountView,
  available: TokenAmountView,
  missing: TokenAmountView,
});

export const PrecheckView = z.object({
  ok: z.boolean().meta({ description: 'The wallet holds the USDC and the gas for the transfer' }),
  chain: z.enum(CHAINS),
  chainId: z.number().int(),
  walletAddress: z.string().meta({ description: 'EIP-55 checksummed' }),
  usdcAddress: z.string().meta({ description: 'The USDC contract read' }),
  amount: TokenAmountView,
  usdcBalance: TokenAmountView,
  nativeBalance: TokenAmountView,
  estimatedFee: TokenAmountView.extend({
    gasLimit: z.string().meta({ description: 'Gas of a USDC transfer, margin included' }),
    maxFeePerGas: z.string().meta({ description: 'Wei per gas a transaction must offer now' }),
    basis: z.enum(['estimate', 'typical']).meta({
      description:
        "estimate: the node simulated the transfer; typical: it could not (the wallet lacks the USDC), so a typical USDC transfer's gas",
    }),
  }),
  shortfalls: z
    .array(Shortfall)
    .meta({ description: 'What is missing and by how much; empty when ok' }),
});
