import { Module } from '@nestjs/common';
import { LedgerHistory } from './ledger-history';
import { LedgerService } from './ledger.service';

/** The double-entry ledger every payable posts to (wallets, orders, charging, bookings, …). */
@Module({ providers: [LedgerService, LedgerHistory], exports: [LedgerService, LedgerHistory] })
export class LedgerModule {}
