import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Config } from '../config/config';
import { denyIfOver, ipKey, rateLimitHeaders, RateLimiter } from './rate-limiter';

/**
 * A per-IP limit on a public route (RETURN_RATE_LIMIT_PER_MINUTE per window), counted before
 * anything else is checked. `req.ip` honours TRUST_PROXY. Answers carry the RateLimit-* headers,
 * so a well-behaved client can slow down before it is refused. A subclass names its window:
 * routes with the same bucket share one count.
 */
// Decorated although abstract: TypeScript emits the constructor's parameter types (which Nest
// injects by) only for a decorated class, and the subclasses inherit this constructor.
@Injectable()
export abstract class PublicRateLimit implements CanActivate {
  /** The window's name: routes with the same bucket share one count. */
  protected abstract readonly bucket: string;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: Config,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const result = await this.limiter.hit(
      `${this.bucket}:ip:${ipKey(req.ip)}`,
      this.config.payments.returnRateLimitPerMinute,
      60,
    );
    void http.getResponse<FastifyReply>().headers(rateLimitHeaders(result));
    denyIfOver([result]);
    return true;
  }
}
