import { Module } from '@nestjs/common';
import { ChainRegistry } from './chain-registry';
import { PrecheckRateLimit } from './precheck-rate-limit.guard';
import { PrecheckController } from './precheck.controller';
import { UsdcPrecheck } from './usdc-precheck';

/** Reads of the chains USDC payers pay from: the pre-check of seed 000. No tables. */
@Module({
  controllers: [PrecheckController],
  providers: [ChainRegistry, UsdcPrecheck, PrecheckRateLimit],
  exports: [ChainRegistry, UsdcPrecheck],
})
export class OnchainModule {}
