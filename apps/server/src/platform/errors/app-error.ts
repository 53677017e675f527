/**
 * The one error type. Every failure a client can see is an AppError of a closed set of kinds;
 * the HTTP mapper (http-error.filter.ts) is the only place that turns a kind into a status.
 */
export const ERROR_KINDS = {
  validation: { status: 400, type: 'invalid_request_error' },
  unauthenticated: { status: 401, type: 'authentication_error' },
  payment_required: { status: 402, type: 'card_error' },
  forbidden: { status: 403, type: 'permission_error' },
  not_found: { status: 404, type: 'invalid_request_error' },
  request_timeout: { status: 408, type: 'invalid_request_error' },
  conflict: { status: 409, type: 'conflict_error' },
  payload_too_large: { status: 413, type: 'invalid_request_error' },
  uri_too_long: { status: 414, type: 'invalid_request_error' },
  unsupported_media_type: { status: 415, type: 'invalid_request_error' },
  unprocessable: { status: 422, type: 'idempotency_error' },
  rate_limited: { status: 429, type: 'rate_limit_error' },
  headers_too_large: { status: 431, type: 'invalid_request_error' },
  unavailable: { status: 503, type: 'api_error' },
  internal: { status: 500, type: 'api_error' },
} as const satisfies Record<string, { status: number; type: string }>;

export type ErrorKind = keyof typeof ERROR_KINDS;

export interface AppErrorOptions {
  /** The request field at fault, dotted (`items.0.quantity`). */
  param?: string;
  /** Seconds until a rate-limited client may retry (sent as `Retry-After`). */
  retryAfterSeconds?: number;
  /** Provider decline code for card errors. */
  declineCode?: string;
  /** The payment a card error or provider refusal is about, so the client can look it up. */
  paymentId?: string;
  /** What the client needs to fix it, beyond the message (a wallet's shortfalls). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly param?: string;
  readonly retryAfterSeconds?: number;
  readonly declineCode?: string;
  readonly paymentId?: string;
  readonly details?: Record<string, unknown>;

  constructor(
    readonly kind: ErrorKind,
    /** Stable machine-readable code (`email_taken`, `invalid_credentials`, …). */
    readonly code: string,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.param = options.param;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.declineCode = options.declineCode;
    this.paymentId = options.paymentId;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_KINDS[this.kind].status;
  }

  get type(): string {
    return ERROR_KINDS[this.kind].type;
  }

  toBody(): ErrorBody {
    return {
      error: {
        type: this.type,
        code: this.code,
        message: this.message,
        ...(this.param !== undefined ? { param: this.param } : {}),
        ...(this.declineCode !== undefined ? { decline_code: this.declineCode } : {}),
        ...(this.paymentId !== undefined ? { payment_id: this.paymentId } : {}),
        ...(this.details !== undefined ? { details: this.details } : {}),
      },
    };
  }

  static validation(message: string, param?: string, code = 'validation_failed'): AppError {
    return new AppError('validation', code, message, { param });
  }

  static notFound(what: string, id?: string): AppError {
    const msg = id ? `No such ${what}: '${id}'` : `No such ${what}`;
    return new AppError('not_found', `${what.replace(/\s+/g, '_')}_not_found`, msg);
  }

  static unauthenticated(code = 'unauthenticated', message = 'Authentication required'): AppError {
    return new AppError('unauthenticated', code, message);
  }

  static forbidden(message = 'You do not have access to this resource'): AppError {
    return new AppError('forbidden', 'forbidden', message);
  }

  /** An Idempotency-Key sent again with a different request: the client's mistake, never a 2nd effect. */
  static idempotencyKeyReused(message: string, param?: string): AppError {
    return new AppError('unprocessable', 'idempotency_key_reused', message, { param });
  }
}

export interface ErrorBody {
  error: {
    type: string;
    code: string;
    message: string;
    param?: string;
    decline_code?: string;
    payment_id?: string;
    details?: Record<string, unknown>;
  };
}
