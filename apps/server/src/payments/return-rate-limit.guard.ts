import { Injectable } from '@nestjs/common';
import { PublicRateLimit } from '../platform/rate-limit/public-rate-limit.guard';

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
