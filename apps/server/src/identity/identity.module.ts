import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Clock } from '../platform/clock';
import { Config } from '../platform/config/config';
import { SECRETS, type Secrets } from '../platform/platform.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { Authenticator } from './authenticator';
import { CompaniesController } from './companies.controller';
import { CompaniesService } from './companies.service';
import { SellerStatusHooks } from './seller-status-hooks';
import { AccessTokens } from './access-tokens';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [AuthController, UsersController, CompaniesController],
  providers: [
    AuthService,
    Authenticator,
    SellerStatusHooks,
    UsersService,
    CompaniesService,
    {
      provide: AccessTokens,
      inject: [Config, SECRETS, Clock],
      useFactory: (config: Config, secrets: Secrets, clock: Clock) =>
        new AccessTokens(
          {
            secret: secrets.jwt,
            accessTokenTtlSeconds: config.auth.accessTokenTtlSeconds,
            oidc: config.auth.oidc,
          },
          clock,
        ),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, CompaniesService, AccessTokens, Authenticator, SellerStatusHooks],
})
export class IdentityModule {}
