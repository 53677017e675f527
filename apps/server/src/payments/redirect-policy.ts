import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { Config } from '../platform/config/config';
import { AppError } from '../platform/errors/app-error';
import { PUBLIC_URL, type PublicUrl } from './payments.tokens';

/**
 * A redirect target a client may name (successUrl, cancelUrl): an absolute http(s) URL. Which
 * origins are allowed is runtime configuration, checked by `RedirectPolicy` where the URL is used.
 */
export const RedirectUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000);

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * No open redirects: the provider sends the payer's browser to successUrl/cancelUrl after a hosted
 * checkout, so a URL a client chose must be on one of our origins — the server's public URL and
 * the web app origins in CORS_ORIGINS (compared as exact origins: scheme, host and port).
 */
@Injectable()
export class RedirectPolicy {
  constructor(
    private readonly config: Config,
    @Inject(PUBLIC_URL) private readonly publicUrl: PublicUrl,
  ) {}

  allowedOrigins(): Set<string> {
    const origins = [this.publicUrl.value, ...this.config.http.corsOrigins].map(originOf);
    return new Set(origins.filter((o): o is string => o !== undefined));
  }

  /** 400 `redirect_not_allowed` naming `param` unless `url` is http(s) on an allowed origin. */
  assertAllowed(url: string, param: string): void {
    const origin = originOf(url);
    if (origin === undefined || !this.allowedOrigins().has(origin)) {
      throw AppError.validation(
        `${param} must be an http(s) URL on one of this platform's origins`,
        param,
        'redirect_not_allowed',
      );
    }
  }
}
