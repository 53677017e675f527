import { api, call } from '../api/client';
import { declineReason } from '../api/errors';
import type { paths } from '../api/openapi';
import type { CardOutcome } from './card-payment';

type Payment =
  paths['/api/v1/payments/{id}']['get']['responses'][200]['content']['application/json'];
type Setup = { setupIntentId: string; status: string; nextActionUrl?: string | null };
type SetupOutcome = { status: string; failureCode: string | null; failureMessage: string | null };

const words = (code: string | null | undefined, fallback: string | null | undefined) =>
  declineReason(undefined, code) ?? fallback ?? 'The card was declined.';

const readPayment = (id: string) =>
  call(() => api.GET('/api/v1/payments/{id}', { params: { path: { id } } }));

/** A payment as the server answered it, read again while 3-D Secure runs. */
export function paymentOutcome(p: Payment): CardOutcome | undefined {
  switch (p.status) {
    case 'SUCCEEDED':
    case 'AUTHORIZED':
    case 'PARTIALLY_REFUNDED':
    case 'REFUNDED':
      return { kind: 'succeeded' }; // it was paid (a refund came later)
    case 'FAILED':
    case 'CANCELLED':
    case 'EXPIRED':
      return {
        kind: 'declined',
        reason: declineReason(p.declineCode, p.failureCode) ?? words(null, p.failureMessage),
      };
    case 'REQUIRES_ACTION':
      if (p.nextActionUrl)
        return {
          kind: 'authenticate',
          url: p.nextActionUrl,
          settle: async () => {
            const now = paymentOutcome(await readPayment(p.id));
            return now?.kind === 'authenticate' ? undefined : now;
          },
        };
      return undefined;
    case 'CREATED':
    case 'PROCESSING':
      return undefined; // not known yet
  }
}

const readSetup = (id: string) =>
  call(() => api.GET('/api/v1/payments/methods/setups/{id}', { params: { path: { id } } }));

/** A card setup's outcome (saving a card), from its status. */
export function setupResult(s: SetupOutcome): CardOutcome | undefined {
  if (s.status === 'SUCCEEDED') return { kind: 'succeeded' };
  if (s.status === 'REQUIRES_PAYMENT_METHOD' || s.status === 'CANCELED' || s.status === 'CANCELLED')
    return { kind: 'declined', reason: words(s.failureCode, s.failureMessage) };
  return undefined;
}

/** What POST /payments/methods answered: saved, or 3-D Secure first (then the setup is read). */
export function setupOutcome(s: Setup): CardOutcome {
  if (s.status === 'REQUIRES_ACTION' && s.nextActionUrl)
    return {
      kind: 'authenticate',
      url: s.nextActionUrl,
      settle: async () => setupResult(await readSetup(s.setupIntentId)),
    };
  return (
    setupResult({ status: s.status, failureCode: null, failureMessage: null }) ?? {
      kind: 'declined',
      reason: 'The card could not be saved.',
    }
  );
}
