// Injected failures for the next N API calls: the failures real Stripe produces under load.
import { StripeError } from './protocol/errors';

export type FaultKind = 'rate_limit' | 'api_error' | 'delay';

export interface Fault {
  kind: FaultKind;
  delayMs: number;
}

export class Faults {
  private queue: Fault[] = [];

  inject(kind: FaultKind, count: number, delayMs = 0): void {
    for (let i = 0; i < count; i++) this.queue.push({ kind, delayMs });
  }

  clear(): void {
    this.queue = [];
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Consumes the next fault: waits for a delay, or returns the error to answer with. */
  async take(): Promise<StripeError | null> {
    const fault = this.queue.shift();
    if (fault === undefined) return null;
    switch (fault.kind) {
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        return null;
      case 'rate_limit':
        return new StripeError(429, {
          type: 'invalid_request_error',
          code: 'rate_limit',
          message:
            'Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.',
        });
      case 'api_error':
        return new StripeError(500, {
          type: 'api_error',
          message: 'An unknown error occurred (injected by the sandbox).',
        });
    }
  }
}
