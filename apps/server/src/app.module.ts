import { type DynamicModule, Module } from '@nestjs/common';
import { IdentityModule } from './identity/identity.module';
import { HealthController } from './platform/health/health.controller';
import { PlatformModule, type PlatformDeps } from './platform/platform.module';

@Module({})
export class AppModule {
  static forRoot(deps: PlatformDeps): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(deps), IdentityModule],
      controllers: [HealthController],
    };
  }
}
