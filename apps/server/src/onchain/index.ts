// onchain's public face: what other modules (and the composition root) may import from onchain.
export { OnchainModule } from './onchain.module';
export { ChainRegistry, type ChainConnection } from './chain-registry';
export {
  UsdcPrecheck,
  type PrecheckInput,
  type PrecheckResult,
  type Shortfall,
} from './usdc-precheck';
export { DEMO_WALLETS, type DemoWallet, type DemoWalletKind } from './demo-wallets';
export { CHAINS, type ChainName } from './chains';
export { chainBanner } from './banner';
