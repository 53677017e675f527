import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { BooksController } from './books.controller';
import { CatalogModule } from './catalog';
import { ChargingModule } from './charging';
import { CoworkingModule } from './coworking';
import { IdentityModule } from './identity';
import { HealthController } from './platform/health/health.controller';
import { IdempotencyModule } from './platform/idempotency/idempotency.module';
import { JobsModule } from './platform/jobs/jobs.module';
import { LedgerModule } from './ledger';
import { MembershipsModule } from './memberships';
import { NotificationsModule } from './notifications';
import { OnchainModule } from './onchain';
import { OrdersModule } from './orders';
import { PaymentsModule } from './payments';
import { WalletModule } from './wallet';
import type { ListenAddress } from './platform/listen/listen-address';
import { PlatformModule, type PlatformDeps } from './platform/platform.module';

/** Modules mounted beside the app's own; only tests pass any (e.g. a probe controller). */
export type ExtraModules = (Type | DynamicModule)[];

@Module({})
export class AppModule {
  static forRoot(
    deps: PlatformDeps,
    address: ListenAddress,
    extraModules: ExtraModules = [],
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(deps, address),
        IdentityModule,
        JobsModule,
        IdempotencyModule,
        PaymentsModule,
        LedgerModule,
        WalletModule,
        CatalogModule,
        NotificationsModule,
        OrdersModule,
        ChargingModule,
        CoworkingModule,
        OnchainModule,
        MembershipsModule,
        ...extraModules,
      ],
      controllers: [HealthController, BooksController],
    };
  }
}
