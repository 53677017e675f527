import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { PaymentsModule } from '../payments/payments.module';
import { PROVIDER_SETUP } from '../payments/payments.tokens';
import type { ProviderSetup } from '../payments/provider/stripe-client';
import { PAYOUT_PROVIDER, StripeTransferPayoutProvider } from './payout-provider';
import { WalletAdminController, WalletController } from './wallet.controller';
import { DepositBooks } from './deposit-books';
import { WalletHistory } from './wallet-history';
import { WalletService } from './wallet.service';

@Module({
  imports: [LedgerModule, PaymentsModule],
  controllers: [WalletController, WalletAdminController],
  providers: [
    WalletService,
    WalletHistory,
    DepositBooks,
    {
      // Connect transfers through the payments core's own Stripe client (real or sandbox).
      provide: PAYOUT_PROVIDER,
      inject: [PROVIDER_SETUP],
      useFactory: (setup: ProviderSetup) => StripeTransferPayoutProvider.from(setup),
    },
  ],
  exports: [WalletService],
})
export class WalletModule {}
