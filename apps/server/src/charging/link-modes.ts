import type { PaymentRow } from '../payments';
import type { ChargingSessionRow } from './charging.schema';
import type { PaymentMode } from './session-payers.schema';

/** A session paid after its stop by a checkout link (seed 000), card or USDC. */
export const isLinkMode = (m: PaymentMode | undefined | null): boolean =>
  m === 'LINK_CARD' || m === 'LINK_CRYPTO';

/** A payment that is a hosted checkout page (a session's link). */
export const isLinkPayment = (p: Pick<PaymentRow, 'method'>): boolean =>
  p.method === 'CARD_LINK' || p.method === 'CRYPTO_LINK';

/** The request key (and so, through the payment's id, the provider keys) of a session's n-th link. */
export const linkKey = (sessionId: string, seq: number) => `charging-link:${sessionId}:${seq}`;

/** What a link-mode session's payer owes: its cost, never more than its cap. */
export function linkAmount(s: ChargingSessionRow): bigint {
  const cost = s.cost ?? 0n;
  const cap = s.authorizedAmount;
  return cap !== null && cap < cost ? cap : cost;
}
