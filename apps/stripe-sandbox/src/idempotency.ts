// Idempotency-Key as Stripe implements it: the first response for a key is saved and replayed;
// reusing the key with other parameters is an error; a concurrent duplicate is a 409; keys live
// 24 hours of (sandbox) time.
import type { Clock } from './clock';
import { own } from './protocol/dict';
import { StripeError } from './protocol/errors';
import type { IdempotencyEntry, Store } from './store';

const TTL_SECONDS = 24 * 60 * 60;

export type Claim =
  { kind: 'new'; entry: IdempotencyEntry } | { kind: 'replay'; entry: IdempotencyEntry };

export class Idempotency {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** A dict (store.ts): keys are the client's. */
  private get entries(): Record<string, IdempotencyEntry> {
    return this.store.state.idempotency;
  }

  /** `scope` is the API key: two accounts may use the same idempotency key. */
  claim(scope: string, key: string, params: string): Claim {
    const id = `${scope}:${key}`;
    const existing = own(this.entries, id);
    if (existing !== undefined && existing.createdAt + TTL_SECONDS > this.clock.now()) {
      if (existing.inFlight) {
        throw new StripeError(409, {
          type: 'invalid_request_error',
          code: 'idempotency_key_in_use',
          message:
            'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ' +
            `${key}. Please try again later.`,
        });
      }
      if (existing.params !== params) {
        throw new StripeError(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        });
      }
      return { kind: 'replay', entry: existing };
    }
    const entry: IdempotencyEntry = { params, createdAt: this.clock.now(), inFlight: true };
    this.entries[id] = entry;
    return { kind: 'new', entry };
  }

  /**
   * Saves the outcome. Stripe saves only once the endpoint started executing: validation
   * failures (400), conflicts and rate limits leave the key free to be retried.
   */
  complete(scope: string, key: string, status: number, body: string, requestId: string): void {
    const id = `${scope}:${key}`;
    const entry = own(this.entries, id);
    if (entry === undefined) return;
    if (status === 400 || status === 401 || status === 409 || status === 429) {
      delete this.entries[id];
      return;
    }
    entry.inFlight = false;
    entry.status = status;
    entry.body = body;
    entry.requestId = requestId;
  }

  release(scope: string, key: string): void {
    delete this.entries[`${scope}:${key}`];
  }

  prune(): void {
    const now = this.clock.now();
    for (const [id, entry] of Object.entries(this.store.raw(this.entries))) {
      if (!entry.inFlight && entry.createdAt + TTL_SECONDS <= now) delete this.entries[id];
    }
  }
}
