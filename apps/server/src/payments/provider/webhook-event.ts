import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { validationError } from '../../platform/http/validation';
import { withWellFormedText } from '../../platform/http/input-guard';
import type { ProviderEvent } from './payment-provider';

/**
 * What a signed event must be before anything reads or stores it: a signature proves who sent
 * the bytes, not that they are an event (`[]`, `null`, `{}` can be signed too). Loose objects —
 * Stripe adds fields at will — holding just what intake and the event interpreter rely on.
 */
const SignedEvent = z.looseObject({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  created: z.number().int(),
  data: z.looseObject({
    object: z.looseObject({ id: z.string().min(1).max(255), object: z.string().min(1).max(255) }),
  }),
});

/**
 * The ProviderEvent for a parsed, signature-checked event, or a 400 `malformed_event` (nothing is
 * stored). Text holding U+0000 or unpaired surrogates, which jsonb refuses, is stored with U+FFFD
 * instead (see SignedRawBody): the event is kept rather than lost, and Tender acts only on its ids,
 * amounts and statuses.
 */
export function signedEvent(event: unknown): ProviderEvent {
  const parsed = SignedEvent.safeParse(event);
  if (!parsed.success) {
    const detail = validationError(parsed.error.issues);
    throw new AppError(
      'validation',
      'malformed_event',
      `Malformed webhook event: ${detail.message}`,
      {
        param: detail.param,
      },
    );
  }
  const e = withWellFormedText(parsed.data);
  return {
    id: e.id,
    type: e.type,
    created: e.created,
    object: e.data.object,
  };
}
