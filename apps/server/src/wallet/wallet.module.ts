import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger';
import { PaymentsModule } from '../payments';
import { WalletAdminController, WalletController } from './wallet.controller';
import { DepositBooks } from './deposit-books';
import { PayoutAccounts } from './payout-accounts';
import { Payouts } from './payouts';
import { WalletAccounts } from './wallet-accounts';
import { WalletDeposits } from './wallet-deposits';
import { WalletHistory } from './wallet-history';
import { WalletService } from './wallet.service';
import { WithdrawalRetries } from './withdrawal-retries';
import { Withdrawals } from './withdrawals';

@Module({
  imports: [LedgerModule, PaymentsModule],
  controllers: [WalletController, WalletAdminController],
  providers: [
    WalletService,
    WalletAccounts,
    WalletDeposits,
    Withdrawals,
    Payouts,
    PayoutAccounts,
    WithdrawalRetries,
    WalletHistory,
    DepositBooks,
  ],
  exports: [WalletService],
})
export class WalletModule {}
