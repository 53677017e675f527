import { AppError } from '../platform/errors/app-error';
import type { Observation } from './payment-state';

/**
 * A provider refusal is an answer, not an outage: the provider understood the request and said no
 * (`invalid_request_error` → validation, `card_error` → payment_required). The payment is then
 * over, with the provider's own reason — not left for reconciliation to guess at 10 minutes later
 * as "could not be reached". Outages (503 `provider_unavailable`) and idempotency conflicts leave
 * the outcome unknown and stay with reconciliation.
 */
export function isProviderRefusal(err: unknown): err is AppError {
  return err instanceof AppError && (err.kind === 'validation' || err.kind === 'payment_required');
}

/** What a refusal says about the payment, in the state machine's terms. */
export function refusalObservation(err: AppError): Observation {
  return {
    status: 'FAILED',
    failure: {
      code: err.code,
      message: err.message,
      ...(err.declineCode ? { declineCode: err.declineCode } : {}),
    },
  };
}

/** The same error, naming the payment it is about (`payment_id` in the body). */
export function withPaymentId(err: AppError, paymentId: string): AppError {
  return new AppError(err.kind, err.code, err.message, {
    param: err.param,
    retryAfterSeconds: err.retryAfterSeconds,
    declineCode: err.declineCode,
    paymentId,
    cause: err.cause ?? err,
  });
}
