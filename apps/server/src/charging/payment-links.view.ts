import { z } from 'zod';
import type { PaymentRow } from '../payments';
import { toJsonNumber } from '../platform/money';
import { SESSION_STATUSES } from './charging.schema';
import { SessionView } from './sessions.view';

/** A payment link's status, in seed 000's words, from its payment's status. */
export const LINK_STATUSES = [
  'PENDING',
  'PAID',
  'FAILED',
  'EXPIRED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export function linkStatusOf(p: Pick<PaymentRow, 'status'>): LinkStatus {
  switch (p.status) {
    case 'SUCCEEDED':
      return 'PAID';
    case 'PARTIALLY_REFUNDED':
    case 'REFUNDED':
    case 'FAILED':
      return p.status;
    case 'EXPIRED':
    case 'CANCELLED':
      return 'EXPIRED';
    case 'CREATED':
    case 'REQUIRES_ACTION':
    case 'PROCESSING':
    case 'AUTHORIZED':
      // Waiting for the payer, or a crypto transfer still settling.
      return 'PENDING';
  }
}

export const LinkMethod = z.enum(['card', 'crypto']);
export type LinkMethod = z.infer<typeof LinkMethod>;

const LinkItem = z.object({
  /** The payment's id (`pay_…`): the payments core's row for this link. */
  id: z.string(),
  status: z.enum(LINK_STATUSES),
  /** The hosted checkout page while the link is PENDING; null once paid, failed or expired. */
  paymentUrl: z.string().nullable(),
  amount: z.number().int(),
  amountRefunded: z.number().int(),
  method: LinkMethod,
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});

export const PaymentLinkView = z.object({
  sessionId: z.string(),
  /** The latest link's status. */
  status: z.enum(LINK_STATUSES),
  paymentUrl: z.string().nullable(),
  amount: z.number().int(),
  amountRefunded: z.number().int(),
  currency: z.string(),
  expiresAt: z.string().nullable(),
  method: LinkMethod,
  /** Every link of the session, newest first. */
  links: z.array(LinkItem),
});
export type PaymentLinkView = z.infer<typeof PaymentLinkView>;

export const methodOf = (p: Pick<PaymentRow, 'method'>): LinkMethod =>
  p.method === 'CRYPTO_LINK' ? 'crypto' : 'card';

/** The links (payments of the session's payable, newest first) as GET /payment/link shows them. */
export function toPaymentLinkView(sessionId: string, links: PaymentRow[]): PaymentLinkView {
  const items = links.map((p) => {
    const status = linkStatusOf(p);
    return {
      id: p.id,
      status,
      paymentUrl: status === 'PENDING' ? p.nextActionUrl : null,
      amount: toJsonNumber(p.amount),
      amountRefunded: toJsonNumber(p.amountRefunded),
      method: methodOf(p),
      expiresAt: p.expiresAt?.toISOString() ?? null,
      createdAt: p.createdAt.toISOString(),
    };
  });
  const latest = items[0]!;
  return {
    sessionId,
    status: latest.status,
    paymentUrl: latest.paymentUrl,
    amount: latest.amount,
    amountRefunded: latest.amountRefunded,
    currency: links[0]!.currency,
    expiresAt: latest.expiresAt,
    method: latest.method,
    links: items,
  };
}

export const StartedView = z.object({
  sessionId: z.string(),
  status: z.enum(SESSION_STATUSES),
  /** A guest's access key (send it as `X-Session-Key`): in this answer only, never again. */
  accessKey: z.string().optional(),
  /** A guest's page: PUBLIC_URL/charge/guest/{id}#key=… (the key in the fragment). */
  sessionUrl: z.string().optional(),
});
export type StartedView = z.infer<typeof StartedView>;

export const StoppedView = z.object({
  sessionId: z.string(),
  status: z.enum(SESSION_STATUSES),
  /** The final cost once COMPLETED (the cost so far while STOPPING). */
  amount: z.number().int(),
  currency: z.string(),
  /** The latest link's checkout page (link sessions, once the stop is in); else null. */
  paymentUrl: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type StoppedView = z.infer<typeof StoppedView>;

export const PAYMENT_TYPES = ['card', 'link'] as const;

export const PayerSessionView = SessionView.extend({
  /** A link session's cap (the tariff's hold amount): it is stopped before its cost passes it. */
  capAmount: z.number().int().nullable(),
  payment: z.object({
    type: z.enum(PAYMENT_TYPES),
    method: LinkMethod,
    link: PaymentLinkView.nullable(),
  }),
});
export type PayerSessionView = z.infer<typeof PayerSessionView>;
