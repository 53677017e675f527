import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../platform/config/config';
import { CONFIG, RATE_LIMITER } from '../platform/platform.module';
import { enforceRateLimits, type RateLimiter } from '../platform/rate-limit/rate-limiter';

/**
 * Per-IP limit on the public return pages (RETURN_RATE_LIMIT_PER_MINUTE, one window shared by all
 * of them), counted before the link's token is checked, so guessing tokens is throttled as well.
 * `req.ip` honours TRUST_PROXY.
 */
@Injectable()
export class ReturnRateLimit implements CanActivate {
  constructor(
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    await enforceRateLimits(this.limiter, [
      {
        key: `returns:ip:${req.ip}`,
        limit: this.config.payments.returnRateLimitPerMinute,
        windowSeconds: 60,
      },
    ]);
    return true;
  }
}
