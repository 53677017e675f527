import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Config } from '../platform/config/config';
import {
  denyIfOver,
  ipKey,
  rateLimitHeaders,
  RateLimiter,
} from '../platform/rate-limit/rate-limiter';

/**
 * A per-IP limit on public routes (RETURN_RATE_LIMIT_PER_MINUTE per window), counted before
 * anything else is checked. `req.ip` honours TRUST_PROXY. Answers carry the RateLimit-* headers,
 * so a well-behaved client can slow down before it is refused.
 */
// Decorated although abstract: TypeScript emits the constructor's parameter types (which Nest
// injects by) only for a decorated class, and the subclasses inherit this constructor.
@Injectable()
abstract class PublicRateLimit implements CanActivate {
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

/**
 * The public return pages (one window shared by all of them), counted before the link's token is
 * checked, so guessing tokens is throttled as well.
 */
@Injectable()
export class ReturnRateLimit extends PublicRateLimit {
  protected readonly bucket = 'returns';
}

/** GET /config: public, its own window (a web app reads it once per load). */
@Injectable()
export class ConfigRateLimit extends PublicRateLimit {
  protected readonly bucket = 'config';
}
