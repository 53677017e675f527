import type { ChainRegistry } from './chain-registry';
import { CHAIN_LABEL, NATIVE_DECIMALS, NATIVE_SYMBOL, USDC_DECIMALS } from './chains';
import { DEMO_WALLETS, type DemoWalletKind } from './demo-wallets';
import { formatUnits } from './token-amount';

const KIND_LABEL: Record<DemoWalletKind, string> = {
  enough: 'enough',
  short_of_usdc: 'short of USDC',
  short_of_gas: 'short of gas',
};

/** What `npm start` prints about the chains: where each is read, and the demo wallets. */
export function chainBanner(
  chains: ChainRegistry,
  config: { ethereum: { rpcUrl?: string }; polygon: { rpcUrl?: string } },
): {
  status: string;
  demo: string[];
} {
  const embedded = chains.embedded();
  const configured = (['ethereum', 'polygon'] as const).filter((n) => config[n].rpcUrl);
  const parts = [
    ...embedded.map(
      (c) => `${CHAIN_LABEL[c.name]} on ${c.embeddedUrl} (anvil, chain ${c.chainId})`,
    ),
    ...configured.map((n) => `${CHAIN_LABEL[n]} on its RPC URL`),
  ];
  const status = `  Chains:   ${parts.length > 0 ? parts.join(', ') : 'none (set ETHEREUM_RPC_URL, POLYGON_RPC_URL)'}`;
  if (embedded.length === 0) return { status, demo: [] };
  const coins = embedded.map((c) => NATIVE_SYMBOL[c.name]).join('/');
  const demo = [
    '',
    `Demo USDC wallets on the embedded chains (test USDC ${embedded
      .map((c) => c.usdcAddress)
      .filter((a, i, all) => all.indexOf(a) === i)
      .join(', ')}),`,
    '  for POST /api/v1/payment/precheck {walletAddress, chain, amount}:',
    ...DEMO_WALLETS.map(
      (w) =>
        `  ${KIND_LABEL[w.kind].padEnd(14)} ${w.address}  ${formatUnits(w.usdc, USDC_DECIMALS)} USDC, ${formatUnits(w.native, NATIVE_DECIMALS)} ${coins}`,
    ),
  ];
  return { status, demo };
}
