import { Injectable } from '@nestjs/common';
import { getAddress, Interface, isError, keccak256, toUtf8Bytes } from 'ethers';
import { AppError } from '../platform/errors/app-error';
import { Logger } from '../platform/logging/logger';
import { ChainRegistry, type ChainConnection } from './chain-registry';
import {
  CHAIN_LABEL,
  NATIVE_DECIMALS,
  NATIVE_SYMBOL,
  USDC_DECIMALS,
  type ChainName,
} from './chains';
import { tokenAmount, type TokenAmountView } from './token-amount';

export interface PrecheckInput {
  /** EIP-55 checksummed. */
  walletAddress: string;
  chain: ChainName;
  /** USDC in 10^-6 units. */
  amount: bigint;
}

export interface Shortfall {
  asset: 'USDC' | 'NATIVE';
  code: 'insufficient_usdc' | 'insufficient_native_for_gas';
  required: TokenAmountView;
  available: TokenAmountView;
  missing: TokenAmountView;
}

export interface PrecheckResult {
  ok: boolean;
  chain: ChainName;
  chainId: number;
  walletAddress: string;
  usdcAddress: string;
  amount: TokenAmountView;
  usdcBalance: TokenAmountView;
  nativeBalance: TokenAmountView;
  estimatedFee: TokenAmountView & {
    gasLimit: string;
    maxFeePerGas: string;
    basis: 'estimate' | 'typical';
  };
  shortfalls: Shortfall[];
}

const ERC20 = new Interface([
  'function balanceOf(address owner) view returns (uint256)',
  'function transfer(address to, uint256 value) returns (bool)',
]);

/**
 * The estimated transfer's recipient: an address no one holds keys to and that holds no USDC, so
 * the estimate prices a transfer to a first-time holder, the dearest kind (it creates the
 * recipient's balance slot) — the payment's real recipient is not known before its link exists.
 */
export const ESTIMATE_RECIPIENT = getAddress(
  `0x${keccak256(toUtf8Bytes('tender: usdc pre-check recipient')).slice(-40)}`,
);

/** Added to the node's gas estimate: state may change before the payer signs. */
export const GAS_MARGIN_PERCENT = 20n;

/**
 * When the transfer cannot be simulated (the wallet lacks the USDC, so it would revert, or the
 * node refuses to estimate for an empty wallet): a USDC transfer to a first-time holder, about
 * 55-62k gas on Ethereum and Polygon, rounded up. The margin is added to it as well.
 */
export const TYPICAL_TRANSFER_GAS = 65_000n;

/**
 * Seed 000's pre-check: can this wallet pay `amount` USDC on this chain? Reads the wallet's USDC
 * balance (`balanceOf`) and native balance, and prices a USDC `transfer` from it: the node's gas
 * estimate plus GAS_MARGIN_PERCENT, times the fee a transaction must offer now (`maxFeePerGas` =
 * 2 × base fee + tip, or the legacy gas price) — the balance a node demands before it accepts
 * the transaction. The four reads go out together in one JSON-RPC batch.
 */
@Injectable()
export class UsdcPrecheck {
  constructor(
    private readonly chains: ChainRegistry,
    private readonly logger: Logger,
  ) {}

  async check(input: PrecheckInput): Promise<PrecheckResult> {
    const chain = this.chains.get(input.chain);
    const { provider, usdcAddress } = chain;
    const wallet = input.walletAddress;
    const transfer = ERC20.encodeFunctionData('transfer', [ESTIMATE_RECIPIENT, input.amount]);
    let reads: [bigint, bigint, bigint | null, bigint | undefined];
    try {
      reads = await Promise.all([
        provider
          .call({ to: usdcAddress, data: ERC20.encodeFunctionData('balanceOf', [wallet]) })
          .then((data) => ERC20.decodeFunctionResult('balanceOf', data)[0] as bigint),
        provider.getBalance(wallet),
        provider.getFeeData().then((f) => f.maxFeePerGas ?? f.gasPrice),
        provider.estimateGas({ from: wallet, to: usdcAddress, data: transfer }).catch(notSimulable),
      ]);
    } catch (err) {
      throw this.unavailable(chain, err);
    }
    const [usdcBalance, nativeBalance, feePerGas, estimate] = reads;
    if (feePerGas === null) throw this.unavailable(chain, new Error('no fee data'));

    const gasLimit =
      ((estimate ?? TYPICAL_TRANSFER_GAS) * (100n + GAS_MARGIN_PERCENT) + 99n) / 100n;
    const fee = gasLimit * feePerGas;
    const usdc = (v: bigint) => tokenAmount(v, USDC_DECIMALS, 'USDC');
    const native = (v: bigint) => tokenAmount(v, NATIVE_DECIMALS, NATIVE_SYMBOL[input.chain]);

    const shortfalls: Shortfall[] = [];
    if (usdcBalance < input.amount) {
      shortfalls.push({
        asset: 'USDC',
        code: 'insufficient_usdc',
        required: usdc(input.amount),
        available: usdc(usdcBalance),
        missing: usdc(input.amount - usdcBalance),
      });
    }
    if (nativeBalance < fee) {
      shortfalls.push({
        asset: 'NATIVE',
        code: 'insufficient_native_for_gas',
        required: native(fee),
        available: native(nativeBalance),
        missing: native(fee - nativeBalance),
      });
    }
    return {
      ok: shortfalls.length === 0,
      chain: input.chain,
      chainId: chain.chainId,
      walletAddress: wallet,
      usdcAddress,
      amount: usdc(input.amount),
      usdcBalance: usdc(usdcBalance),
      nativeBalance: native(nativeBalance),
      estimatedFee: {
        ...native(fee),
        gasLimit: gasLimit.toString(),
        maxFeePerGas: feePerGas.toString(),
        basis: estimate === undefined ? 'typical' : 'estimate',
      },
      shortfalls,
    };
  }

  /**
   * A 503 naming the chain and what went wrong, never the RPC URL (a provider's URL often
   * carries its API key), in the log as in the answer.
   */
  private unavailable(chain: ChainConnection, err: unknown): AppError {
    const code = isError(err, 'TIMEOUT')
      ? 'TIMEOUT'
      : ((err as { code?: string }).code ?? 'unknown');
    const label = CHAIN_LABEL[chain.name];
    const reason =
      code === 'TIMEOUT'
        ? `${label}'s RPC did not answer in time`
        : isError(err, 'BAD_DATA') || isError(err, 'CALL_EXCEPTION')
          ? `${label}'s RPC answered, but no USDC contract answers at ${chain.usdcAddress}`
          : isError(err, 'SERVER_ERROR')
            ? `${label}'s RPC refused the request`
            : `${label}'s RPC could not be reached`;
    this.logger.warn({ chain: chain.name, code }, `USDC pre-check: ${reason}`);
    return new AppError('unavailable', 'chain_unavailable', `${reason}; try again later`);
  }
}

/**
 * A transfer the node cannot simulate is no outage: it reverts (the wallet lacks the USDC) or the
 * node refuses an empty wallet. The pre-check then prices a typical transfer instead.
 */
function notSimulable(err: unknown): undefined {
  if (isError(err, 'CALL_EXCEPTION') || isError(err, 'INSUFFICIENT_FUNDS')) return undefined;
  throw err;
}
