import { computeAddress, keccak256, toUtf8Bytes } from 'ethers';

/** The three situations seed 000's pre-check tells apart, one demo wallet each. */
export type DemoWalletKind = 'enough' | 'short_of_usdc' | 'short_of_gas';

export interface DemoWallet {
  kind: DemoWalletKind;
  address: string;
  /** USDC in 10^-6 units, native coin in wei, as funded on every embedded chain. */
  usdc: bigint;
  native: bigint;
}

const USDC = 10n ** 6n;
const COIN = 10n ** 18n;

/**
 * Funded on every embedded chain at start. Enough: 500 USDC and 1 coin. Short of USDC: 0.25 USDC,
 * less than the seed's example session (0.50). Short of gas: 500 USDC but 10^12 wei, a hundredth
 * of what a USDC transfer costs at the node's fees. The addresses come from keys derived from
 * fixed labels, so they are the same on every machine and every start; the keys are public by
 * construction and fund nothing but a local chain.
 */
const PLAN: { kind: DemoWalletKind; usdc: bigint; native: bigint }[] = [
  { kind: 'enough', usdc: 500n * USDC, native: COIN },
  { kind: 'short_of_usdc', usdc: USDC / 4n, native: COIN },
  { kind: 'short_of_gas', usdc: 500n * USDC, native: 10n ** 12n },
];

export const DEMO_WALLETS: readonly DemoWallet[] = PLAN.map((p) => ({
  ...p,
  address: computeAddress(keccak256(toUtf8Bytes(`tender demo wallet: ${p.kind}`))),
}));
