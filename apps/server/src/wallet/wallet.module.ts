import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { PaymentsModule } from '../payments/payments.module';
import { WalletAdminController, WalletController } from './wallet.controller';
import { DepositBooks } from './deposit-books';
import { WalletHistory } from './wallet-history';
import { WalletService } from './wallet.service';

@Module({
  imports: [LedgerModule, PaymentsModule],
  controllers: [WalletController, WalletAdminController],
  providers: [WalletService, WalletHistory, DepositBooks],
  exports: [WalletService],
})
export class WalletModule {}
