import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyPurge } from './idempotency.purge';
import { IdempotencyStore } from './idempotency.store';

/**
 * Makes `@Idempotent()` work on any controller: the interceptor is global and only acts on marked
 * routes. Expired keys are purged hourly by a job (IdempotencyPurge).
 */
@Global()
@Module({
  providers: [
    IdempotencyStore,
    IdempotencyPurge,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [IdempotencyStore],
})
export class IdempotencyModule {}
