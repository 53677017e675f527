import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT_KEY = 'tender:idempotent';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** How long a claim blocks duplicates by default before it counts as abandoned (a crash). */
export const DEFAULT_LOCK_SECONDS = 120;

export interface IdempotentOptions {
  /** Refuse requests without the header (400 `idempotency_key_required`). Default false. */
  required?: boolean;
  /**
   * Upper bound on the handler's run time. A duplicate arriving later than this after the first
   * request started takes the key over and runs again, so set it above the slowest real run
   * (provider calls with their retries); a crashed request blocks retries for this long.
   */
  lockSeconds?: number;
}

export interface IdempotentMetadata {
  required: boolean;
  lockMs: number;
}

/**
 * Makes a POST route honour `Idempotency-Key` (IdempotencyInterceptor does the work): the first
 * response for a key is stored for 24 h and replayed to the same request; another request under
 * that key is a 422; a duplicate while the first still runs is a 409. The route must answer JSON.
 */
export const Idempotent = (options: IdempotentOptions = {}) => {
  const required = options.required ?? false;
  const metadata: IdempotentMetadata = {
    required,
    lockMs: (options.lockSeconds ?? DEFAULT_LOCK_SECONDS) * 1000,
  };
  return applyDecorators(
    SetMetadata(IDEMPOTENT_KEY, metadata),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required,
      description:
        'A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key ' +
        'and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body ' +
        'is a 422; a retry while the first request still runs is a 409.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
  );
};
