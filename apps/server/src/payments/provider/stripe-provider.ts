import Stripe from 'stripe';
import { AppError } from '../../platform/errors/app-error';
import {
  type ConfirmIntentInput,
  type DisputeObservation,
  type EventFacts,
  type CreateCheckoutInput,
  type CreateIntentInput,
  type PaymentProvider,
  type ProviderCheckout,
  type ProviderEvent,
  type ProviderIntent,
  type ProviderRefund,
  type ProviderSetupIntent,
  type SavedCard,
} from './payment-provider';
import {
  idOf,
  interpretStripeEvent,
  observeCheckout,
  observeIntent,
  ourWord,
  toDisputeStatus,
  toRefundStatus,
} from './stripe-events';
import { providerUnavailable, toStripeAmount, type StripeApi } from './stripe-api';
import { shouldRetry } from './stripe-retries';
import { signedEvent } from './webhook-event';

const WEBHOOK_TOLERANCE_SECONDS = 300;

function toIntent(pi: Stripe.PaymentIntent): ProviderIntent {
  return {
    id: pi.id,
    observation: observeIntent(pi),
    clientSecret: pi.client_secret,
    chargeId: idOf(pi.latest_charge),
    paymentMethodId: idOf(pi.payment_method),
  };
}

function toCheckout(s: Stripe.Checkout.Session): ProviderCheckout {
  return {
    id: s.id,
    url: s.url,
    intentId: idOf(s.payment_intent),
    observation: observeCheckout(s),
    expiresAt: new Date(s.expires_at * 1000),
  };
}

/**
 * Provider errors become AppErrors by their `type`/`code`, never by message text. By now
 * `withRetries` (stripe-retries.ts) has already retried what was worth it with the same idempotency
 * key; the SDK itself does not (the client is built with `maxNetworkRetries: 0`).
 */
export function translate(err: unknown): never {
  if (!(err instanceof Stripe.errors.StripeError)) throw err;
  // Still retryable after our last retry (a lock timeout, `Stripe-Should-Retry: true`): an outage,
  // not a refusal — a refusal would fail the payment for good (provider-refusals.ts).
  if (shouldRetry(err)) throw unavailable(err);
  switch (err.type) {
    case 'StripeCardError':
      throw new AppError('payment_required', err.code ?? 'card_declined', err.message, {
        declineCode: err.decline_code,
        cause: err,
      });
    case 'StripeInvalidRequestError':
      throw new AppError('validation', err.code ?? 'provider_invalid_request', err.message, {
        param: err.param,
        cause: err,
      });
    case 'StripeIdempotencyError':
      throw new AppError('conflict', 'provider_idempotency_conflict', err.message, { cause: err });
    default:
      throw unavailable(err);
  }
}

/**
 * An increment's refusals in the port's words: the issuer declined (a card error), or Stripe would
 * not try — not incrementable, not awaiting capture, 10 attempts used (invalid requests). Outages
 * stay outages.
 */
function translateIncrementRefusal(err: unknown): never {
  if (err instanceof Stripe.errors.StripeCardError) {
    throw new AppError('payment_required', 'increment_declined', err.message, {
      declineCode: err.decline_code,
      cause: err,
    });
  }
  if (err instanceof Stripe.errors.StripeInvalidRequestError && !shouldRetry(err)) {
    throw new AppError('conflict', 'increment_unavailable', err.message, { cause: err });
  }
  return translate(err);
}

const unavailable = (err: unknown) =>
  providerUnavailable(err, 'The payment provider is unavailable; retry later');

/** The payments port (payments, checkouts, refunds, disputes, saved cards, webhooks) on Stripe. */
export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe';

  constructor(
    private readonly api: StripeApi,
    private readonly webhookSecret: string,
  ) {}

  private get stripe(): Stripe {
    return this.api.client;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await this.api.call(fn);
    } catch (err) {
      return translate(err);
    }
  }

  createCustomer(
    input: { email: string; userId: string },
    idempotencyKey: string,
  ): Promise<string> {
    return this.call(async () => {
      const c = await this.stripe.customers.create(
        { email: input.email, metadata: { user_id: input.userId } },
        { idempotencyKey },
      );
      return c.id;
    });
  }

  saveCard(
    input: { customerId: string; paymentMethodId: string; returnUrl?: string },
    idempotencyKey: string,
  ): Promise<{ setupIntentId: string; status: string; nextActionUrl: string | null }> {
    return this.call(async () => {
      const si = await this.stripe.setupIntents.create(
        {
          customer: input.customerId,
          payment_method: input.paymentMethodId,
          confirm: true,
          usage: 'off_session',
          ...(input.returnUrl ? { return_url: input.returnUrl } : {}),
        },
        { idempotencyKey },
      );
      return {
        setupIntentId: si.id,
        status: ourWord(si.status),
        nextActionUrl: si.next_action?.redirect_to_url?.url ?? null,
      };
    });
  }

  retrieveSetup(id: string): Promise<ProviderSetupIntent> {
    return this.call(async () => {
      const si = await this.stripe.setupIntents.retrieve(id);
      const err = si.last_setup_error;
      return {
        id: si.id,
        status: ourWord(si.status),
        customerId: idOf(si.customer),
        paymentMethodId: idOf(si.payment_method),
        failure: err
          ? {
              code: err.code ?? 'setup_failed',
              message: err.message ?? 'The card could not be set up',
            }
          : null,
      };
    });
  }

  listCards(customerId: string): Promise<SavedCard[]> {
    return this.call(async () => {
      const list = await this.stripe.customers.listPaymentMethods(customerId, {
        type: 'card',
        limit: 100,
      });
      return list.data.map((pm) => ({
        id: pm.id,
        brand: pm.card?.brand ?? 'unknown',
        last4: pm.card?.last4 ?? '????',
        expMonth: pm.card?.exp_month ?? 0,
        expYear: pm.card?.exp_year ?? 0,
      }));
    });
  }

  cardOwner(paymentMethodId: string): Promise<string | null> {
    return this.call(async () =>
      idOf((await this.stripe.paymentMethods.retrieve(paymentMethodId)).customer),
    );
  }

  detachCard(paymentMethodId: string, idempotencyKey: string): Promise<void> {
    return this.call(async () => {
      await this.stripe.paymentMethods.detach(paymentMethodId, {}, { idempotencyKey });
    });
  }

  createIntent(input: CreateIntentInput, idempotencyKey: string): Promise<ProviderIntent> {
    return this.call(async () =>
      toIntent(
        await this.stripe.paymentIntents.create(
          {
            amount: toStripeAmount(input.amount),
            currency: input.currency,
            capture_method: input.captureMethod === 'MANUAL' ? 'manual' : 'automatic',
            metadata: input.metadata,
            ...(input.requestIncrementalAuthorization && input.captureMethod === 'MANUAL'
              ? {
                  payment_method_options: {
                    card: { request_incremental_authorization: 'if_available' as const },
                  },
                }
              : {}),
            ...(input.customerId ? { customer: input.customerId } : {}),
            ...(input.description ? { description: input.description } : {}),
            ...(input.confirmation === 'client' ? { payment_method_types: ['card'] } : {}),
          },
          { idempotencyKey },
        ),
      ),
    );
  }

  async confirmIntent(
    id: string,
    input: ConfirmIntentInput,
    idempotencyKey: string,
  ): Promise<ProviderIntent> {
    try {
      return toIntent(
        await this.api.call(() =>
          this.stripe.paymentIntents.confirm(
            id,
            {
              payment_method: input.paymentMethodId,
              off_session: input.offSession,
              expand: ['latest_charge'],
              ...(input.returnUrl && !input.offSession ? { return_url: input.returnUrl } : {}),
            },
            { idempotencyKey },
          ),
        ),
      );
    } catch (err) {
      // A decline is an outcome, not a fault: the intent (now failed) says what happened.
      if (err instanceof Stripe.errors.StripeCardError) return this.retrieveIntent(id);
      return translate(err);
    }
  }

  retrieveIntent(id: string): Promise<ProviderIntent> {
    return this.call(async () =>
      toIntent(await this.stripe.paymentIntents.retrieve(id, { expand: ['latest_charge'] })),
    );
  }

  captureIntent(id: string, amount: bigint, idempotencyKey: string): Promise<ProviderIntent> {
    return this.call(async () =>
      toIntent(
        await this.stripe.paymentIntents.capture(
          id,
          { amount_to_capture: toStripeAmount(amount), expand: ['latest_charge'] },
          { idempotencyKey },
        ),
      ),
    );
  }

  async incrementAuthorization(
    id: string,
    amount: bigint,
    idempotencyKey: string,
  ): Promise<ProviderIntent> {
    try {
      return toIntent(
        await this.api.call(() =>
          this.stripe.paymentIntents.incrementAuthorization(
            id,
            { amount: toStripeAmount(amount), expand: ['latest_charge'] },
            { idempotencyKey },
          ),
        ),
      );
    } catch (err) {
      return translateIncrementRefusal(err);
    }
  }

  listDisputes(intentId: string): Promise<DisputeObservation[]> {
    return this.call(async () => {
      const out: DisputeObservation[] = [];
      for await (const d of this.stripe.disputes.list({ payment_intent: intentId, limit: 100 })) {
        const status = toDisputeStatus(d.status);
        if (status) {
          out.push({
            providerDisputeId: d.id,
            amount: BigInt(d.amount),
            currency: d.currency,
            status,
            reason: d.reason ?? null,
          });
        }
      }
      return out;
    });
  }

  cancelIntent(id: string, idempotencyKey: string): Promise<ProviderIntent> {
    return this.call(async () =>
      toIntent(await this.stripe.paymentIntents.cancel(id, {}, { idempotencyKey })),
    );
  }

  refund(
    input: { intentId: string; amount: bigint; reason?: string; metadata: Record<string, string> },
    idempotencyKey: string,
  ): Promise<ProviderRefund> {
    return this.call(async () => {
      const r = await this.stripe.refunds.create(
        {
          payment_intent: input.intentId,
          amount: toStripeAmount(input.amount),
          metadata: input.metadata,
          ...(input.reason ? { metadata: { ...input.metadata, reason: input.reason } } : {}),
        },
        { idempotencyKey },
      );
      return {
        id: r.id,
        amount: BigInt(r.amount),
        status: toRefundStatus(r.status),
      };
    });
  }

  createCheckout(input: CreateCheckoutInput, idempotencyKey: string): Promise<ProviderCheckout> {
    return this.call(async () =>
      toCheckout(
        await this.stripe.checkout.sessions.create(
          {
            mode: 'payment',
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: input.currency,
                  unit_amount: toStripeAmount(input.amount),
                  product_data: { name: input.productName },
                },
              },
            ],
            allowed_payment_method_types: input.paymentMethodTypes,
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
            metadata: input.metadata,
            payment_intent_data: { metadata: input.metadata },
            ...(input.customerId ? { customer: input.customerId } : {}),
            ...(input.expiresAt
              ? { expires_at: Math.floor(input.expiresAt.getTime() / 1000) }
              : {}),
          },
          { idempotencyKey },
        ),
      ),
    );
  }

  retrieveCheckout(id: string): Promise<ProviderCheckout> {
    return this.call(async () => toCheckout(await this.stripe.checkout.sessions.retrieve(id)));
  }

  expireCheckout(id: string, idempotencyKey: string): Promise<ProviderCheckout> {
    return this.call(async () =>
      toCheckout(await this.stripe.checkout.sessions.expire(id, {}, { idempotencyKey })),
    );
  }

  parseWebhook(rawBody: Buffer, signatureHeader: string | undefined): ProviderEvent {
    if (!signatureHeader)
      throw AppError.validation('Missing Stripe-Signature header', undefined, 'missing_signature');
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signatureHeader,
        this.webhookSecret,
        WEBHOOK_TOLERANCE_SECONDS,
      );
    } catch {
      throw AppError.validation(
        'Invalid or expired webhook signature',
        undefined,
        'invalid_signature',
      );
    }
    return signedEvent(event);
  }

  interpretEvent(event: ProviderEvent): EventFacts | null {
    return interpretStripeEvent(event);
  }
}
