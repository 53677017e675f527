import { hkdfSync, createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SECRETS, type Secrets } from '../platform/platform.module';
import { PUBLIC_URL, type PublicUrl } from './payments.tokens';

/** What a return token opens; a token minted for one purpose never opens another. */
export type ReturnPurpose = 'payment' | 'order' | 'setup';

/**
 * The public pages a browser lands on after 3-D Secure, a hosted checkout or a card setup
 * (`/payments/{id}/return`, `/payments/success|cancel`, `/payments/methods/return`) need no login,
 * so their link itself must prove it was ours to give: each carries `token` =
 * HMAC-SHA256(key, "<purpose>:<id>"), base64url. The key is derived (HKDF) from the server secret
 * with its own label, so a return token is never a JWT signature and nothing is stored; rotating
 * the secret voids outstanding links (their pages then answer 404, the payment itself is unharmed).
 * Only the payer's browser and the provider ever see a link, and an id alone opens nothing.
 */
@Injectable()
export class ReturnLinks {
  private readonly key: Buffer;

  constructor(
    @Inject(SECRETS) secrets: Secrets,
    @Inject(PUBLIC_URL) private readonly publicUrl: PublicUrl,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secrets.jwt, 'tender', 'return-links:v1', 32));
  }

  token(purpose: ReturnPurpose, id: string): string {
    return createHmac('sha256', this.key).update(`${purpose}:${id}`).digest('base64url');
  }

  /** Constant-time: a wrong token says nothing about the right one. */
  verify(purpose: ReturnPurpose, id: string, token: string | undefined): boolean {
    if (typeof token !== 'string') return false;
    const want = Buffer.from(this.token(purpose, id));
    const got = Buffer.from(token);
    return got.length === want.length && timingSafeEqual(got, want);
  }

  /** The 3-D Secure return (and the default checkout return) of a payment. */
  paymentReturn(paymentId: string): string {
    return this.url(`/api/v1/payments/${encodeURIComponent(paymentId)}/return`, {
      token: this.token('payment', paymentId),
    });
  }

  /** A GATEWAY order's checkout returns. */
  orderReturn(kind: 'success' | 'cancel', orderId: string): string {
    return this.url(`/api/v1/payments/${kind}`, {
      order: orderId,
      token: this.token('order', orderId),
    });
  }

  /** Where a card setup that needed 3-D Secure comes back (the provider adds `setup_intent`). */
  setupReturn(userId: string): string {
    return this.url('/api/v1/payments/methods/return', {
      user: userId,
      token: this.token('setup', userId),
    });
  }

  private url(path: string, params: Record<string, string>): string {
    return `${this.publicUrl.value}${path}?${new URLSearchParams(params).toString()}`;
  }
}
