import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { LedgerModule } from '../ledger';
import { NotificationsModule } from '../notifications';
import { PaymentsModule } from '../payments';
import { BillingHandler } from './billing-handler';
import { Credits } from './credits';
import { Memberships } from './memberships';
import { MembershipPlansAdminController, MembershipsController } from './memberships.controller';
import { MembershipsService } from './memberships.service';
import { Plans } from './plans';

@Module({
  imports: [IdentityModule, LedgerModule, PaymentsModule, NotificationsModule],
  controllers: [MembershipsController, MembershipPlansAdminController],
  providers: [Plans, Credits, MembershipsService, BillingHandler, Memberships],
  exports: [Memberships],
})
export class MembershipsModule {}
