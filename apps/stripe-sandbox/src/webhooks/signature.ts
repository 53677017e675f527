import { createHmac } from 'node:crypto';

/** `Stripe-Signature` exactly as Stripe builds it: HMAC-SHA256 of `${t}.${payload}`. */
export function signatureHeader(payload: string, secret: string, timestampSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`).digest('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}
