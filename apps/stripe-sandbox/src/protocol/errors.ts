// Stripe's error envelope. Handlers throw StripeError; the server renders it unchanged.
export type ErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface ErrorBody {
  type: ErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  payment_intent?: unknown;
  setup_intent?: unknown;
  payment_method?: unknown;
  charge?: string;
  request_log_url?: string;
}

export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }

  /** `requestLogUrl`: where the request can be looked up, as Stripe links its dashboard log. */
  toJSON(requestLogUrl?: string): { error: ErrorBody } {
    const error = { ...this.body };
    if (requestLogUrl !== undefined) error.request_log_url = requestLogUrl;
    if (error.code !== undefined && error.doc_url === undefined) {
      error.doc_url = `https://stripe.com/docs/error-codes/${error.code.replace(/_/g, '-')}`;
    }
    return { error };
  }
}

export function invalidRequest(message: string, param?: string, code?: string): StripeError {
  return new StripeError(400, {
    type: 'invalid_request_error',
    message,
    ...(param !== undefined ? { param } : {}),
    ...(code !== undefined ? { code } : {}),
  });
}

export function missingParam(param: string): StripeError {
  return invalidRequest(`Missing required param: ${param}.`, param, 'parameter_missing');
}

/**
 * An id that names nothing: 404 when it is the object the URL asks for, 400 (`asParameter`) when
 * the request passed it as a parameter (`customer=cus_x`), as Stripe answers.
 */
export function notFound(kind: string, id: string, param = 'id', asParameter = false): StripeError {
  return new StripeError(asParameter ? 400 : 404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${kind}: '${id}'`,
    param,
  });
}

export function unexpectedState(
  message: string,
  code = 'payment_intent_unexpected_state',
): StripeError {
  return new StripeError(400, { type: 'invalid_request_error', code, message });
}
