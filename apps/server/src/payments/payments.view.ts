import { z } from 'zod';
import { toJsonNumber } from '../platform/money';
import {
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  type PaymentRow,
  type RefundRow,
} from './payments.schema';

export const PaymentView = z.object({
  id: z.string(),
  payableType: z.string(),
  payableId: z.string(),
  userId: z.string().nullable(),
  method: z.enum(PAYMENT_METHODS),
  status: z.enum(PAYMENT_STATUSES),
  currency: z.string(),
  amount: z.number().int(),
  amountCapturable: z.number().int(),
  amountCaptured: z.number().int(),
  amountRefunded: z.number().int(),
  captureMethod: z.enum(['AUTOMATIC', 'MANUAL']),
  /** A hold that may still be raised (incremental authorization granted). */
  incrementalAuthorization: z.boolean(),
  /** When an authorized hold lapses uncaptured. */
  captureBefore: z.string().nullable(),
  nextActionUrl: z.string().nullable(),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  declineCode: z.string().nullable(),
  providerIntentId: z.string().nullable(),
  providerSessionId: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PaymentView = z.infer<typeof PaymentView>;

export function toPaymentView(p: PaymentRow): PaymentView {
  return {
    id: p.id,
    payableType: p.payableType,
    payableId: p.payableId,
    userId: p.userId,
    method: p.method,
    status: p.status,
    currency: p.currency,
    amount: toJsonNumber(p.amount),
    amountCapturable: toJsonNumber(p.amountCapturable),
    amountCaptured: toJsonNumber(p.amountCaptured),
    amountRefunded: toJsonNumber(p.amountRefunded),
    captureMethod: p.captureMethod,
    incrementalAuthorization: p.incrementalAuthorization,
    captureBefore: p.captureBefore?.toISOString() ?? null,
    nextActionUrl: p.nextActionUrl,
    failureCode: p.failureCode,
    failureMessage: p.failureMessage,
    declineCode: p.declineCode,
    providerIntentId: p.providerIntentId,
    providerSessionId: p.providerSessionId,
    expiresAt: p.expiresAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export const RefundView = z.object({
  id: z.string(),
  paymentId: z.string(),
  amount: z.number().int(),
  status: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});

export const toRefundView = (r: RefundRow): z.infer<typeof RefundView> => ({
  id: r.id,
  paymentId: r.paymentId,
  amount: toJsonNumber(r.amount),
  status: r.status,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
});
