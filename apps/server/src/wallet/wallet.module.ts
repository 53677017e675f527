import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { PaymentsModule } from '../payments/payments.module';
import { PAYOUT_PROVIDER, SandboxPayoutProvider } from './payout-provider';
import { WalletAdminController, WalletController } from './wallet.controller';
import { WalletHistory } from './wallet-history';
import { WalletService } from './wallet.service';

@Module({
  imports: [LedgerModule, PaymentsModule],
  controllers: [WalletController, WalletAdminController],
  providers: [
    WalletService,
    WalletHistory,
    { provide: PAYOUT_PROVIDER, useClass: SandboxPayoutProvider },
  ],
  exports: [WalletService],
})
export class WalletModule {}
