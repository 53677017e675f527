import { Alert, Button, Flex, Spinner, Stack, Text } from '@chakra-ui/react';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, declineReason, describeError } from '../api/errors';
import { ErrorState } from '../shell/page';
import { ConfiguredCardField, type CardField } from './card-fields';

/** The five states a card payment (or a card being saved) goes through. */
export type PaymentState = 'idle' | 'processing' | 'authenticating' | 'declined' | 'succeeded';

/**
 * What the server made of the card: done, refused (in words), or the bank asks for 3-D Secure at
 * `url`, after which `settle` reads the outcome (undefined while it is not known yet).
 */
export type CardOutcome =
  | { kind: 'succeeded' }
  | { kind: 'declined'; reason: string }
  | { kind: 'authenticate'; url: string; settle: () => Promise<CardOutcome | undefined> };

export interface CardPaymentProps {
  /** The button: "Pay $25.00", "Save card". */
  submitLabel: string;
  /** Shown once it succeeded. */
  successText: string;
  /** Sends the payment method id (never a card number) to the server and reads its answer. */
  confirm(paymentMethodId: string): Promise<CardOutcome>;
  disabled?: boolean;
  onSucceeded?(): void;
  /** Every change of state, for a page that shows other things only while idle. */
  onStateChange?(state: PaymentState): void;
  /** Tests give their own field; the app uses the one the server's config names. */
  field?: { element: ReactNode; handle: CardField };
  /** How often the outcome is read while 3-D Secure runs. */
  pollMs?: number;
}

/** A 402 from the server is a refusal of the card: its reason in words, from the decline code. */
function asDecline(err: unknown): CardOutcome | undefined {
  if (!(err instanceof ApiError) || err.status !== 402) return undefined;
  const reason = declineReason(err.body?.decline_code, err.body?.code) ?? describeError(err);
  return { kind: 'declined', reason };
}

/**
 * The one card entry of the app: the provider's card field, then idle → processing → (3-D Secure)
 * → declined or succeeded. The 3-D Secure page is framed here; its outcome is polled, and a frame
 * that comes back to our own origin is taken down at once.
 */
export function CardPayment({
  submitLabel,
  successText,
  confirm,
  disabled,
  onSucceeded,
  onStateChange,
  field,
  pollMs = 1000,
}: CardPaymentProps) {
  const [state, setState] = useState<PaymentState>('idle');
  const [reason, setReason] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [action, setAction] = useState<Extract<CardOutcome, { kind: 'authenticate' }>>();
  const [frameBack, setFrameBack] = useState(false);
  const [handle, setHandle] = useState<CardField | undefined>(field?.handle);
  const busy = useRef(false);
  useEffect(() => onStateChange?.(state), [state, onStateChange]);

  const finish = useCallback(
    (o: CardOutcome) => {
      if (o.kind === 'authenticate') {
        if (handle?.threeDSecure === 'page') {
          // The return route sends the browser back to the app's page for the outcome.
          window.location.assign(o.url);
          return;
        }
        setFrameBack(false);
        setAction(o);
        setState('authenticating');
        return;
      }
      busy.current = false;
      setAction(undefined);
      if (o.kind === 'declined') {
        setReason(o.reason);
        setState('declined');
      } else {
        setState('succeeded');
        onSucceeded?.();
      }
    },
    [onSucceeded, handle],
  );
  const fail = useCallback(
    (err: unknown) => {
      const d = asDecline(err);
      if (d) return finish(d);
      busy.current = false;
      setAction(undefined);
      setError(err);
      setState('idle');
    },
    [finish],
  );

  const pay = async () => {
    if (!handle || busy.current || disabled) return;
    busy.current = true;
    setError(undefined);
    setState('processing');
    try {
      const card = await handle.create();
      if ('error' in card) {
        // Refused by the provider before any payment (a wrong number, a past expiry).
        const words = declineReason(undefined, card.error.code) ?? card.error.message;
        return finish({ kind: 'declined', reason: words });
      }
      finish(await confirm(card.paymentMethodId));
    } catch (err) {
      fail(err);
    }
  };

  // While 3-D Secure runs: read the outcome until it is known.
  useEffect(() => {
    if (state !== 'authenticating' || !action) return;
    let stop = false;
    const tick = async () => {
      if (stop) return;
      try {
        const o = await action.settle();
        if (stop) return;
        if (o && o.kind !== 'authenticate') return finish(o);
      } catch (err) {
        if (!stop) return fail(err);
      }
      timer = setTimeout(() => void tick(), pollMs);
    };
    let timer = setTimeout(() => void tick(), pollMs);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [state, action, pollMs, finish, fail]);

  /** The 3-D Secure frame is readable only once it is back on our origin: then it has finished. */
  const frameLoaded = (e: React.SyntheticEvent<HTMLIFrameElement>) => {
    try {
      if (e.currentTarget.contentWindow?.location.origin === window.location.origin)
        setFrameBack(true);
    } catch {
      /* still on the bank's (the provider's) page */
    }
  };

  const again = () => {
    setReason(undefined);
    setState('idle');
  };

  return (
    <Stack gap={3} data-payment-state={state}>
      {state === 'succeeded' ? (
        <Alert.Root status="success" role="status">
          <Alert.Indicator />
          <Alert.Title>{successText}</Alert.Title>
        </Alert.Root>
      ) : state === 'declined' ? (
        <>
          <Alert.Root status="error" role="alert">
            <Alert.Indicator />
            <Alert.Content>
              <Alert.Title>The card was declined</Alert.Title>
              <Alert.Description data-testid="decline-reason">{reason}</Alert.Description>
            </Alert.Content>
          </Alert.Root>
          <Button alignSelf="start" variant="outline" onClick={again}>
            Try another card
          </Button>
        </>
      ) : state === 'authenticating' && action ? (
        <Stack gap={2}>
          <Text fontWeight="semibold" role="status">
            Your bank asks you to confirm this payment (3-D Secure).
          </Text>
          {frameBack ? (
            <Flex align="center" gap={3} role="status">
              <Spinner size="sm" />
              <Text>Checking the result…</Text>
            </Flex>
          ) : (
            <iframe
              src={action.url}
              title="3-D Secure authentication"
              onLoad={frameLoaded}
              style={{
                width: '100%',
                height: '380px',
                border: '1px solid #cbd5e0',
                borderRadius: '6px',
                background: '#fff',
              }}
            />
          )}
        </Stack>
      ) : (
        <Stack asChild gap={3}>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void pay();
            }}
          >
            {error !== undefined && <ErrorState error={error} />}
            {field?.element ?? (
              <ConfiguredCardField onReady={setHandle} onSubmit={() => void pay()} />
            )}
            <Button
              type="submit"
              colorPalette="teal"
              alignSelf="start"
              loading={state === 'processing'}
              loadingText="Processing…"
              disabled={disabled || !handle}
            >
              {submitLabel}
            </Button>
            {state === 'processing' && (
              <Text srOnly role="status">
                Processing the card…
              </Text>
            )}
          </form>
        </Stack>
      )}
    </Stack>
  );
}
