import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../platform/config/config';
import { CONFIG, RATE_LIMITER } from '../platform/platform.module';
import {
  denyIfOver,
  ipKey,
  rateLimitHeaders,
  type RateLimiter,
} from '../platform/rate-limit/rate-limiter';

/**
 * Per-IP limit on the public return pages (RETURN_RATE_LIMIT_PER_MINUTE, one window shared by all
 * of them), counted before the link's token is checked, so guessing tokens is throttled as well.
 * `req.ip` honours TRUST_PROXY. Answers carry the RateLimit-* headers, so a well-behaved client
 * can slow down before it is refused.
 */
@Injectable()
export class ReturnRateLimit implements CanActivate {
  constructor(
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const result = await this.limiter.hit(
      `returns:ip:${ipKey(req.ip)}`,
      this.config.payments.returnRateLimitPerMinute,
      60,
    );
    void http.getResponse<FastifyReply>().headers(rateLimitHeaders(result));
    denyIfOver([result]);
    return true;
  }
}
