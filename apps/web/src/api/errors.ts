import type { components } from './openapi';

export type ErrorBody = components['schemas']['Error']['error'];

/** An answer from the API that is not a success, with the server's error shape (DESIGN §6). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
    readonly retryAfterSeconds?: number,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** The request never got an answer (offline, server down, connection cut). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

const DECLINES: Record<string, string> = {
  insufficient_funds: 'The card has insufficient funds.',
  lost_card: 'The card was reported lost.',
  stolen_card: 'The card was reported stolen.',
  expired_card: 'The card has expired.',
  incorrect_cvc: 'The security code (CVC) is incorrect.',
  processing_error: 'The card could not be processed. Try again in a moment.',
  generic_decline: 'The card was declined by its bank.',
  authentication_required: 'The bank asks for authentication (3-D Secure).',
  card_declined: 'The card was declined by its bank.',
  incorrect_number: 'The card number is incorrect.',
  invalid_number: 'The card number is incorrect.',
  invalid_expiry_month: 'The expiry month is not valid.',
  invalid_expiry_year: 'The card has expired, or the expiry year is not valid.',
  invalid_cvc: 'The security code (CVC) is not valid.',
  fraudulent: 'The card was declined by its bank.',
  payment_intent_authentication_failure:
    'The bank could not confirm it was you (3-D Secure failed).',
  setup_intent_authentication_failure: 'The bank could not confirm it was you (3-D Secure failed).',
};

/**
 * A card refusal in words, from the provider's decline code (`insufficient_funds`), else its
 * error code (`expired_card`, `payment_intent_authentication_failure`); undefined if unknown.
 */
export function declineReason(
  declineCode?: string | null,
  code?: string | null,
): string | undefined {
  return (declineCode && DECLINES[declineCode]) || (code && DECLINES[code]) || undefined;
}

const sentence = (s: string) => {
  const t = s.trim();
  if (!t) return t;
  const capital = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/**
 * One sentence a person understands for any failure, never raw JSON. The server's messages are
 * written for humans; the status decides the framing where the message alone would not.
 */
export function describeError(err: unknown): string {
  if (err instanceof NetworkError)
    return 'Tender cannot be reached. Check your connection and try again.';
  if (!(err instanceof ApiError)) return 'Something went wrong in the page. Reload and try again.';
  const b = err.body;
  switch (err.status) {
    case 400:
      if (b?.param) return sentence(`${humanField(b.param)}: ${b.message}`);
      return sentence(b?.message ?? 'The request was not valid');
    case 401:
      return 'Your session has ended. Sign in again.';
    case 402: {
      // The server's message says whose money it was (a card, a wallet); the code only words it.
      if (b?.message) return sentence(b.message);
      return (b?.decline_code && DECLINES[b.decline_code]) || 'The payment was declined.';
    }
    case 403:
      return 'You are not allowed to do this.';
    case 404:
      return 'This was not found. It may have been removed, or the link is wrong.';
    case 409:
      return sentence(b?.message ?? 'This conflicts with the current state. Reload and try again');
    case 422:
      return sentence(b?.message ?? 'This request cannot be processed');
    case 429:
      return err.retryAfterSeconds
        ? `Too many attempts. Try again in ${err.retryAfterSeconds} seconds.`
        : 'Too many attempts. Wait a moment and try again.';
    default:
      return err.status >= 500
        ? 'Tender had a problem answering. Try again in a moment.'
        : sentence(b?.message ?? `The request failed (HTTP ${err.status})`);
  }
}

function humanField(param: string): string {
  const words = param
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ')
    .toLowerCase();
  return words[0]!.toUpperCase() + words.slice(1);
}
