import { Badge, Box, Button, Flex, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatMoney } from '../lib/format';
import { ErrorState, Loaded, Page } from '../shell/page';
import { useCancelBooking, useMyBookings, useSpaces, type Booking, type Space } from './queries';

const STATUS: Record<Booking['status'], { label: string; palette: string }> = {
  PENDING_PAYMENT: { label: 'Awaiting payment', palette: 'orange' },
  CONFIRMED: { label: 'Confirmed', palette: 'green' },
  CANCELLED: { label: 'Cancelled', palette: 'gray' },
  EXPIRED: { label: 'Released (unpaid)', palette: 'gray' },
  FAILED: { label: 'Payment failed', palette: 'red' },
  REFUNDED: { label: 'Refunded', palette: 'gray' },
};

/** The member's bookings, newest first, each cancellable with the refund shown before confirming. */
export function BookingsPage() {
  const bookings = useMyBookings();
  const spaces = useSpaces();
  const spaceOf = (id: string) => spaces.data?.data.find((s) => s.id === id);
  return (
    <Page
      title="My bookings"
      actions={
        <Button asChild colorPalette="teal" size="sm">
          <RouterLink to="/spaces">Book a space</RouterLink>
        </Button>
      }
    >
      <Loaded
        query={bookings}
        what="your bookings"
        isEmpty={(d) => d.data.length === 0}
        empty="You have no bookings yet."
      >
        {(d) => (
          <Stack gap={3} role="list" aria-label="Bookings">
            {d.data.map((b) => (
              <BookingRow key={b.id} booking={b} space={spaceOf(b.spaceId)} />
            ))}
          </Stack>
        )}
      </Loaded>
    </Page>
  );
}

/** When, in the space's own time zone (its opening hours and slots are written in it). */
export function when(b: Pick<Booking, 'start' | 'end'>, timeZone: string | undefined): string {
  const f = new Intl.DateTimeFormat(undefined, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return `${f.format(new Date(b.start))} – ${f.format(new Date(b.end))}${timeZone ? ` (${timeZone})` : ''}`;
}

function BookingRow({ booking: b, space }: { booking: Booking; space: Space | undefined }) {
  const cancel = useCancelBooking();
  const [asking, setAsking] = useState(false);
  const status = STATUS[b.status];
  const cancellable = b.status === 'PENDING_PAYMENT' || b.status === 'CONFIRMED';
  return (
    <Box role="listitem" borderWidth="1px" borderRadius="md" p={4}>
      <Flex justify="space-between" gap={3} wrap="wrap">
        <Stack gap={1} minW={0}>
          <Text fontWeight="semibold">{space?.name ?? 'A space'}</Text>
          <Text>{when(b, space?.timeZone)}</Text>
          <Text>
            {formatMoney(b.amount, b.currency)}
            {b.amountRefunded > 0 && ` · ${formatMoney(b.amountRefunded, b.currency)} refunded`}
          </Text>
          {b.failureMessage && <Text color="red.700">{b.failureMessage}</Text>}
        </Stack>
        <Stack gap={2} align="end">
          <Badge colorPalette={status.palette}>{status.label}</Badge>
          {cancellable && !asking && (
            <Button size="sm" variant="outline" onClick={() => setAsking(true)}>
              Cancel booking
            </Button>
          )}
        </Stack>
      </Flex>
      {asking && (
        <Stack gap={2} mt={3} role="group" aria-label="Confirm the cancellation">
          <Text>
            {b.status === 'CONFIRMED'
              ? b.refundIfCancelledNow > 0
                ? `Cancelling now gives back ${formatMoney(b.refundIfCancelledNow, b.currency)} of ${formatMoney(b.amountPaid, b.currency)}.`
                : 'Cancelling now gives nothing back (the cancellation policy).'
              : 'The booking is not paid: cancelling releases the slot.'}
          </Text>
          {cancel.isError && <ErrorState error={cancel.error} />}
          <Flex gap={2}>
            <Button
              size="sm"
              colorPalette="red"
              loading={cancel.isPending}
              onClick={() => cancel.mutate(b.id, { onSuccess: () => setAsking(false) })}
            >
              Yes, cancel it
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setAsking(false)}>
              Keep it
            </Button>
          </Flex>
        </Stack>
      )}
    </Box>
  );
}
