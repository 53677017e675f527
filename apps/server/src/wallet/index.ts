// wallet's public face: what other modules (and the composition root) may import from wallet.
// Everything else in this folder is internal; `npm run lint` fails on a deep import from outside.
export { WalletModule } from './wallet.module';
export { WalletService } from './wallet.service';
export { WALLET_INVARIANTS } from './wallet.invariants';
