import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger';
import { PaymentsModule } from '../payments';
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
