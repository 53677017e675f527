import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { UserRow } from '../identity';
import { walletLocked } from '../ledger';
import { PayablesRegistry, PaymentsService, requireCollected, type PaymentRow } from '../payments';
import { DepositBooks } from './deposit-books';
import { WalletAccounts } from './wallet-accounts';

export const DEPOSIT_PAYABLE = 'wallet_deposit';

export interface DepositInput {
  amount: bigint;
  currency: string;
  /** A saved card or provider card token; without one the deposit is paid on a hosted page. */
  paymentMethodId?: string;
  successUrl?: string;
  cancelUrl?: string;
  /** The request's Idempotency-Key: stored with the deposit's payment (one charge per key). */
  requestKey?: string;
}

/**
 * Deposits: a payable of the payments core whose id is the wallet account. The wallet is credited
 * only when its payment succeeds, in the transaction that records the success (DepositBooks).
 */
@Injectable()
export class WalletDeposits implements OnModuleInit {
  constructor(
    private readonly accounts: WalletAccounts,
    private readonly payments: PaymentsService,
    private readonly registry: PayablesRegistry,
    private readonly books: DepositBooks,
  ) {}

  onModuleInit(): void {
    this.registry.register(DEPOSIT_PAYABLE, (tx, event) => this.books.onPayment(tx, event));
  }

  /** Starts a deposit: the payable is the wallet account itself. */
  async deposit(user: UserRow, input: DepositInput): Promise<PaymentRow> {
    const wallet = await this.accounts.account(user, input.currency);
    // Refused before the card is charged: money taken for a locked wallet could not be used.
    if (wallet.isLocked) throw walletLocked();
    const payable = { type: DEPOSIT_PAYABLE, id: wallet.id };
    if (input.paymentMethodId) {
      const payment = await this.payments.payByCard({
        payable,
        user,
        amount: input.amount,
        currency: input.currency,
        paymentMethodId: input.paymentMethodId,
        description: 'Wallet deposit',
        requestKey: input.requestKey,
      });
      return requireCollected(payment);
    }
    return this.payments.payByLink({
      payable,
      user,
      amount: input.amount,
      currency: input.currency,
      method: 'CARD_LINK',
      productName: 'Wallet deposit',
      requestKey: input.requestKey,
      successUrl: input.successUrl,
      cancelUrl: input.cancelUrl,
    });
  }
}
