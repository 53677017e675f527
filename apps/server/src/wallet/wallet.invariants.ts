import { booksAgainstProvider, type Invariant } from '../ledger';
import { DEPOSIT_PAYABLE } from './wallet-deposits';

/**
 * What `ledger:verify` checks of wallets (run with every module's invariants by src/books.ts): a
 * deposit's wallet holds what the provider holds for its payment. A refund counts once requested,
 * because DepositBooks takes it from the wallet then. A wallet credited for a deposit that was
 * refunded or disputed at the provider shows here.
 */
export const WALLET_INVARIANTS: Invariant[] = [
  booksAgainstProvider({
    what: 'wallet top-up',
    payableType: DEPOSIT_PAYABLE,
    refunded: 'greatest(p.amount_refunded, coalesce(r.requested, 0))',
  }),
];
