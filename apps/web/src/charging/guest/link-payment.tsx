import { Alert, Button, Stack, Text } from '@chakra-ui/react';
import { formatDateTime, formatMoney } from '../../lib/format';
import { ErrorState, Loading } from '../../shell/page';
import { Panel } from '../../shell/panel';
import { useRecreateLink, usePaymentLink, type LinkMethod, type PaymentLink } from './queries';

export type CheckoutReturn = 'success' | 'cancel' | undefined;

const METHOD: Record<LinkMethod, string> = { card: 'by card', crypto: 'in USDC' };
const other = (m: LinkMethod): LinkMethod => (m === 'card' ? 'crypto' : 'card');

/**
 * A link's state in words, for the payer: what to do next, or that it is done. `back` is how the
 * payer came to the page: from the hosted checkout, paid or given up.
 */
export function linkWords(
  l: PaymentLink,
  back: CheckoutReturn,
): { tone: 'info' | 'success' | 'warning' | 'error'; title: string; detail?: string } {
  const money = (v: number | string) => formatMoney(v, l.currency);
  switch (l.status) {
    case 'PENDING':
      if (back === 'success')
        return {
          tone: 'info',
          title: 'Back from the payment page: waiting for the payment to be confirmed…',
          detail: 'This page updates by itself.',
        };
      return {
        tone: back === 'cancel' ? 'warning' : 'info',
        title:
          back === 'cancel'
            ? `You left the payment page without paying. ${money(l.amount)} is still to pay.`
            : `${money(l.amount)} to pay ${METHOD[l.method]}.`,
        detail: l.expiresAt
          ? `The payment link works until ${formatDateTime(l.expiresAt)}.`
          : undefined,
      };
    case 'PAID':
      return { tone: 'success', title: `Paid: ${money(l.amount)}. Thank you.` };
    case 'EXPIRED':
      return {
        tone: 'warning',
        title: `The payment link expired before it was paid. ${money(l.amount)} is still to pay.`,
        detail: 'Make a new link to pay.',
      };
    case 'FAILED':
      return {
        tone: 'error',
        title: `The payment did not go through. ${money(l.amount)} is still to pay.`,
        detail: 'Nothing was taken. Make a new link to try again.',
      };
    case 'REFUNDED':
      return { tone: 'success', title: `Paid ${money(l.amount)}, then refunded in full.` };
    case 'PARTIALLY_REFUNDED':
      return {
        tone: 'success',
        title: `Paid ${money(l.amount)}; ${money(l.amountRefunded)} of it was refunded.`,
      };
  }
}

/** A session paid after, by link: the link's state, "Pay now", and a new link when it is needed. */
export function LinkPayment({
  sessionId,
  sessionKey,
  back,
}: {
  sessionId: string;
  sessionKey?: string;
  back?: CheckoutReturn;
}) {
  const q = usePaymentLink(sessionId, sessionKey);
  const recreate = useRecreateLink(sessionId, sessionKey);
  if (q.isPending) return <Loading what="the payment link" />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const l = q.data;
  if (!l)
    return (
      <Panel title="Payment">
        <Text role="status" data-testid="link-status" data-link-status="NONE">
          The session is ending; your payment link is being made. This page updates by itself.
        </Text>
      </Panel>
    );
  const words = linkWords(l, back);
  const renewable = l.status === 'EXPIRED' || l.status === 'FAILED';
  return (
    <Panel title="Payment">
      <Alert.Root status={words.tone} role="status" aria-live="polite">
        <Alert.Indicator />
        <Alert.Content>
          <Alert.Title data-testid="link-status" data-link-status={l.status}>
            {words.title}
          </Alert.Title>
          {words.detail && <Alert.Description>{words.detail}</Alert.Description>}
        </Alert.Content>
      </Alert.Root>
      {recreate.isError && <ErrorState error={recreate.error} />}
      <Stack direction={{ base: 'column', sm: 'row' }} gap={3} wrap="wrap">
        {l.status === 'PENDING' && l.paymentUrl && (
          // The hosted checkout is the provider's page: the whole tab goes there and comes back.
          <Button asChild colorPalette="teal" size="lg">
            <a href={l.paymentUrl}>Pay now</a>
          </Button>
        )}
        {renewable && (
          <Button
            colorPalette="teal"
            size="lg"
            loading={recreate.isPending}
            loadingText="Making a new link"
            onClick={() => recreate.mutate(undefined)}
          >
            Make a new payment link
          </Button>
        )}
        {/* USDC is dollars: a session priced otherwise is paid by card (the server says so too). */}
        {(renewable || l.status === 'PENDING') &&
          (l.method === 'crypto' || l.currency === 'usd') && (
            <Button
              variant="outline"
              size="lg"
              loading={recreate.isPending}
              onClick={() => recreate.mutate(other(l.method))}
            >
              {l.method === 'card' ? 'Pay in USDC instead' : 'Pay by card instead'}
            </Button>
          )}
      </Stack>
    </Panel>
  );
}
