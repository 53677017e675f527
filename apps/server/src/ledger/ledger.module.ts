import { Module } from '@nestjs/common';
import { LedgerService } from './ledger.service';

/** The double-entry ledger every payable posts to (wallets, orders, charging, bookings, …). */
@Module({ providers: [LedgerService], exports: [LedgerService] })
export class LedgerModule {}
