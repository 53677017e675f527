import { Injectable } from '@nestjs/common';
import type { Config } from '../platform/config/config';
import { PublicRateLimit } from '../platform/rate-limit/public-rate-limit.guard';

/** POST /payment/precheck: public, PRECHECK_RATE_LIMIT_PER_MINUTE per IP (each check costs RPC calls). */
@Injectable()
export class PrecheckRateLimit extends PublicRateLimit {
  protected readonly bucket = 'precheck';

  protected override perMinute(config: Config): number {
    return config.chains.precheckRateLimitPerMinute;
  }
}
