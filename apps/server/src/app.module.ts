import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { CatalogModule } from './catalog/catalog.module';
import { IdentityModule } from './identity/identity.module';
import { HealthController } from './platform/health/health.controller';
import { IdempotencyModule } from './platform/idempotency/idempotency.module';
import { JobsModule } from './platform/jobs/jobs.module';
import { LedgerModule } from './ledger/ledger.module';
import { OrdersModule } from './orders/orders.module';
import { PaymentsModule } from './payments/payments.module';
import { WalletModule } from './wallet/wallet.module';
import { PlatformModule, type PlatformDeps } from './platform/platform.module';

/** Modules mounted beside the app's own; only tests pass any (e.g. a probe controller). */
export type ExtraModules = (Type | DynamicModule)[];

@Module({})
export class AppModule {
  static forRoot(deps: PlatformDeps, extraModules: ExtraModules = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(deps),
        IdentityModule,
        JobsModule,
        IdempotencyModule,
        PaymentsModule,
        LedgerModule,
        WalletModule,
        CatalogModule,
        OrdersModule,
        ...extraModules,
      ],
      controllers: [HealthController],
    };
  }
}
