import { Alert, Box } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, call } from '../api/client';
import { ErrorState, Loading } from '../shell/page';

/** What a card field gives back: the provider's payment method id, or why it refused the card. */
export type CardResult = { paymentMethodId: string } | { error: { code: string; message: string } };

/** What the provider said to a confirmation from the browser. */
export type IntentResult =
  | { status: string; nextActionUrl: string | null }
  | { error: { code: string; declineCode?: string | null; message: string } };

/**
 * A card field on the provider's origin: the number is typed there and only a `pm_…` id comes
 * back, so no card number ever reaches Tender (`create` is all this page can ask of it).
 */
export interface CardField {
  create(): Promise<CardResult>;
  /**
   * Confirms a PaymentIntent the server made with what is typed, on the provider's origin with its
   * client secret (Stripe.js confirmCardPayment). What it answers is only the browser's view: the
   * payable is settled by the server from the provider.
   */
  confirmIntent?(clientSecret: string): Promise<IntentResult>;
  /**
   * Where 3-D Secure runs: framed in the page (the sandbox's challenge page, whose origin the CSP
   * frames), or the whole page goes to the bank and comes back to /payments/:id or /cards (real
   * Stripe: its challenge pages are on the banks' own origins, which no tight CSP can list).
   */
  threeDSecure?: 'frame' | 'page';
}

export interface CardFieldProps {
  /** The field, once it can take a card (undefined again when it goes away). */
  onReady(field: CardField | undefined): void;
  /** Enter pressed inside the field. */
  onSubmit?(): void;
}

/** The server's card entry: Stripe Elements with a publishable key, or the sandbox's card form. */
export const useCardEntry = () =>
  useQuery({
    queryKey: ['config'],
    queryFn: () => call(() => api.GET('/api/v1/config')),
    staleTime: Infinity,
  });

/** The field the server's configuration names. */
export function ConfiguredCardField(props: CardFieldProps) {
  const config = useCardEntry();
  if (config.isPending) return <Loading what="the card form" />;
  if (config.isError)
    return <ErrorState error={config.error} retry={() => void config.refetch()} />;
  const c = config.data;
  if (c.cardEntry === 'sandbox' && c.sandboxUrl)
    return <SandboxCardField sandboxUrl={c.sandboxUrl} {...props} />;
  if (c.cardEntry === 'stripe' && c.publishableKey)
    return <StripeCardField publishableKey={c.publishableKey} {...props} />;
  return (
    <Alert.Root status="info">
      <Alert.Indicator />
      <Alert.Title>
        Cards cannot be typed in here on this server (no publishable key is set).
      </Alert.Title>
    </Alert.Root>
  );
}

type FrameMessage =
  | { type: 'tender:card-ready' }
  | { type: 'tender:card-submit' }
  | { type: 'tender:payment-method'; paymentMethodId: string }
  | { type: 'tender:card-error'; code: string; message: string }
  | { type: 'tender:payment-result'; status: string; nextActionUrl: string | null }
  | { type: 'tender:payment-error'; code: string; declineCode: string | null; message: string };

/**
 * The sandbox's card form (`/_sandbox/elements/card`) in a frame. Messages are only taken from
 * that frame on the sandbox's origin, and only sent to that origin.
 */
export function SandboxCardField({
  sandboxUrl,
  onReady,
  onSubmit,
}: CardFieldProps & { sandboxUrl: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const origin = new URL(sandboxUrl).origin;
  const src = `${origin}/_sandbox/elements/card?origin=${encodeURIComponent(window.location.origin)}`;
  const callbacks = useRef({ onReady, onSubmit });
  callbacks.current = { onReady, onSubmit };

  useEffect(() => {
    let pending: ((r: CardResult & IntentResult) => void) | undefined;
    const ask = <R,>(message: object) =>
      new Promise<R>((resolve) => {
        pending?.({
          error: { code: 'superseded', message: 'A newer attempt replaced this one.' },
        });
        pending = resolve as (r: CardResult & IntentResult) => void;
        frame.current?.contentWindow?.postMessage(message, origin);
      });
    const field: CardField = {
      create: () => ask<CardResult>({ type: 'tender:create-payment-method' }),
      confirmIntent: (clientSecret) =>
        ask<IntentResult>({ type: 'tender:confirm-payment', clientSecret }),
    };
    const listen = (e: MessageEvent<FrameMessage>) => {
      if (e.origin !== origin || !e.source || e.source !== frame.current?.contentWindow) return;
      const m = e.data;
      if (m.type === 'tender:card-ready') callbacks.current.onReady(field);
      else if (m.type === 'tender:card-submit') callbacks.current.onSubmit?.();
      else {
        const r =
          m.type === 'tender:payment-method'
            ? { paymentMethodId: m.paymentMethodId }
            : m.type === 'tender:payment-result'
              ? { status: m.status, nextActionUrl: m.nextActionUrl }
              : m.type === 'tender:payment-error'
                ? { error: { code: m.code, declineCode: m.declineCode, message: m.message } }
                : { error: { code: m.code, message: m.message } };
        pending?.(r as CardResult & IntentResult);
        pending = undefined;
      }
    };
    window.addEventListener('message', listen);
    return () => {
      window.removeEventListener('message', listen);
      callbacks.current.onReady(undefined);
    };
  }, [origin]);

  return (
    <iframe
      ref={frame}
      src={src}
      title="Card details"
      data-testid="card-frame"
      // Its first "ready" may come before this page listened: ask again once it has loaded.
      onLoad={(e) =>
        e.currentTarget.contentWindow?.postMessage({ type: 'tender:card-ping' }, origin)
      }
      style={{ width: '100%', height: '150px', border: 0, display: 'block' }}
    />
  );
}

/** Stripe Elements' card field: Stripe.js is loaded only here, with the publishable key. */
export function StripeCardField({
  publishableKey,
  onReady,
}: CardFieldProps & { publishableKey: string }) {
  const mount = useRef<HTMLDivElement>(null);
  const ready = useRef(onReady);
  ready.current = onReady;
  useEffect(() => {
    let unmount: (() => void) | undefined;
    let cancelled = false;
    void (async () => {
      // The pure entry does not inject Stripe.js on import: only this call loads it.
      const { loadStripe } = await import('@stripe/stripe-js/pure');
      const stripe = await loadStripe(publishableKey);
      if (!stripe || cancelled || !mount.current) return;
      const card = stripe.elements().create('card', { hidePostalCode: true });
      card.mount(mount.current);
      unmount = () => card.destroy();
      ready.current({
        threeDSecure: 'page',
        create: async () => {
          const r = await stripe.createPaymentMethod({ type: 'card', card });
          if (r.paymentMethod) return { paymentMethodId: r.paymentMethod.id };
          return {
            error: {
              code: r.error.decline_code ?? r.error.code ?? 'card_error',
              message: r.error.message ?? 'The card was refused.',
            },
          };
        },
        confirmIntent: async (clientSecret) => {
          // Stripe.js runs 3-D Secure itself here, in its own modal.
          const r = await stripe.confirmCardPayment(clientSecret, { payment_method: { card } });
          if (r.paymentIntent) return { status: r.paymentIntent.status, nextActionUrl: null };
          return {
            error: {
              code: r.error.code ?? 'card_error',
              declineCode: r.error.decline_code ?? null,
              message: r.error.message ?? 'The card was refused.',
            },
          };
        },
      });
    })();
    return () => {
      cancelled = true;
      unmount?.();
      ready.current(undefined);
    };
  }, [publishableKey]);
  return (
    <Box
      ref={mount}
      p={3}
      borderWidth="1px"
      borderRadius="md"
      bg="white"
      aria-label="Card details"
      role="group"
    />
  );
}
