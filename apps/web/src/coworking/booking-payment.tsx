import { Alert, Button, Stack, Text } from '@chakra-ui/react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { declineReason } from '../api/errors';
import { formatDateTime, formatMoney } from '../lib/format';
import { ConfiguredCardField, type CardField } from '../payment/card-fields';
import { ErrorState, Loaded } from '../shell/page';
import { when } from './bookings-page';
import { createIntent, readIntent, useBooking } from './queries';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Pays a booking: the server makes (or finds) its intent, the card field confirms it on the
 * provider's origin with the client secret, and the page then waits for the server's word — the
 * booking is CONFIRMED only when the provider told the server, never because the browser says so.
 */
export function BookingPayment({
  bookingId,
  spaceName,
  timeZone,
}: {
  bookingId: string;
  spaceName: string;
  timeZone?: string;
}) {
  const booking = useBooking(bookingId, true);
  const queries = useQueryClient();
  const [field, setField] = useState<CardField>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [declined, setDeclined] = useState<string>();

  const pay = async () => {
    if (!field?.confirmIntent || busy) return;
    setBusy(true);
    setError(undefined);
    setDeclined(undefined);
    try {
      const intent = await createIntent(bookingId);
      const r = await field.confirmIntent(intent.clientSecret);
      if ('error' in r)
        setDeclined(declineReason(r.error.declineCode, r.error.code) ?? r.error.message);
      // Ask the server to read the intent (faster than waiting for the webhook alone).
      for (let i = 0; i < 20; i++) {
        const now = await readIntent(intent.paymentIntentId);
        if (now.status === 'SUCCEEDED' || now.status === 'FAILED') break;
        await sleep(1000);
      }
      await queries.invalidateQueries({ queryKey: ['coworking', 'bookings', bookingId] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Loaded query={booking} what="your booking">
      {(b) => (
        <Stack gap={4} maxW="32rem">
          <Text>
            {spaceName}: {when(b, timeZone)}
          </Text>
          <Text fontWeight="semibold" fontSize="lg">
            {formatMoney(b.amount, b.currency)}
          </Text>
          {declined && (
            <Alert.Root status="error" role="alert">
              <Alert.Indicator />
              <Alert.Content>
                <Alert.Title>The card was declined</Alert.Title>
                <Alert.Description data-testid="decline-reason">{declined}</Alert.Description>
              </Alert.Content>
            </Alert.Root>
          )}
          {b.status === 'CONFIRMED' ? (
            <Alert.Root status="success" role="status">
              <Alert.Indicator />
              <Alert.Title>Booking confirmed. Your card was charged.</Alert.Title>
            </Alert.Root>
          ) : b.status === 'PENDING_PAYMENT' ? (
            <Stack gap={3}>
              <Text color="fg.muted">
                The slot is held for you until {formatDateTime(b.holdExpiresAt)}.
              </Text>
              {error !== undefined && <ErrorState error={error} />}
              <ConfiguredCardField onReady={setField} onSubmit={() => void pay()} />
              <Button
                colorPalette="teal"
                alignSelf="start"
                loading={busy}
                loadingText="Paying…"
                disabled={!field?.confirmIntent}
                onClick={() => void pay()}
              >
                {`Pay ${formatMoney(b.amount, b.currency)}`}
              </Button>
            </Stack>
          ) : (
            <Alert.Root status="error" role="alert">
              <Alert.Indicator />
              <Alert.Content>
                <Alert.Title>
                  {b.status === 'FAILED'
                    ? 'The payment failed; the slot was released.'
                    : `This booking is ${b.status.toLowerCase().replace('_', ' ')}.`}
                </Alert.Title>
                {b.failureMessage && <Alert.Description>{b.failureMessage}</Alert.Description>}
              </Alert.Content>
            </Alert.Root>
          )}
          <Button asChild variant="outline" alignSelf="start">
            <RouterLink to="/bookings">My bookings</RouterLink>
          </Button>
        </Stack>
      )}
    </Loaded>
  );
}
