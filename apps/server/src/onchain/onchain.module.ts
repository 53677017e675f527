import { Module } from '@nestjs/common';
import { ChainRegistry } from './chain-registry';
import { PrecheckController } from './precheck.controller';
import { UsdcPrecheck } from './usdc-precheck';

/** Reads of the chains USDC payers pay from: the pre-check of seed 000. No tables. */
@Module({
  controllers: [PrecheckController],
  providers: [ChainRegistry, UsdcPrecheck],
  exports: [ChainRegistry, UsdcPrecheck],
})
export class OnchainModule {}
