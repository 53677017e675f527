import { Badge, Button, Field, NativeSelect, Stack, Table, Text } from '@chakra-ui/react';
import { formatDateTime } from '../../lib/format';
import { Empty, ErrorState, Loading } from '../../shell/page';
import { ShowMore } from '../../shell/show-more';
import { WideTable } from '../../shell/wide-table';
import { useState } from 'react';
import { ChargingPage } from './area';
import { ConnectorNumber, Place } from './ops-labels';
import {
  useCancelReservation,
  useOpsReservations,
  type Reservation,
  type ReservationStatus,
} from './ops-queries';

export const RESERVATION_LOOK: Record<ReservationStatus, { label: string; palette: string }> = {
  PENDING: { label: 'Asking the charger', palette: 'blue' },
  ACTIVE: { label: 'Reserved', palette: 'purple' },
  FAILED: { label: 'Refused by the charger', palette: 'red' },
  CANCELLED: { label: 'Cancelled', palette: 'gray' },
  EXPIRED: { label: 'Expired', palette: 'gray' },
  USED: { label: 'Used', palette: 'green' },
};
const live = (r: Reservation) => r.status === 'PENDING' || r.status === 'ACTIVE';

/** The company's reservations, newest first; a live one can be cancelled (CancelReservation). */
export function OpsReservationsPage() {
  const [status, setStatus] = useState<ReservationStatus | ''>('');
  const q = useOpsReservations(status || undefined);
  const rows = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <ChargingPage title="Reservations">
      <Text color="fg.muted">
        Drivers reserve a free connector for 5 to 60 minutes; the charger keeps it for them until it
        expires. Cancel one to free the connector at once.
      </Text>
      <Field.Root width={{ base: 'full', sm: '20rem' }}>
        <Field.Label>Status</Field.Label>
        <NativeSelect.Root>
          <NativeSelect.Field
            value={status}
            onChange={(e) => setStatus(e.target.value as ReservationStatus | '')}
          >
            <option value="">Any status</option>
            {Object.entries(RESERVATION_LOOK).map(([v, look]) => (
              <option key={v} value={v}>
                {look.label}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
      </Field.Root>
      {q.isPending ? (
        <Loading what="reservations" />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>
          {status
            ? 'No reservation with this status.'
            : 'No reservations yet. Drivers reserve from a connector’s page.'}
        </Empty>
      ) : (
        <Stack gap={4}>
          <WideTable label="Reservations">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>Made</Table.ColumnHeader>
                <Table.ColumnHeader>Status</Table.ColumnHeader>
                <Table.ColumnHeader>Where</Table.ColumnHeader>
                <Table.ColumnHeader>Expires</Table.ColumnHeader>
                <Table.ColumnHeader>Driver</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((r) => (
                <Row key={r.id} reservation={r} />
              ))}
            </Table.Body>
          </WideTable>
          <ShowMore query={q} />
        </Stack>
      )}
    </ChargingPage>
  );
}

function Row({ reservation: r }: { reservation: Reservation }) {
  const cancel = useCancelReservation();
  const look = RESERVATION_LOOK[r.status];
  return (
    <Table.Row data-testid="ops-reservation-row" data-status={r.status}>
      <Table.Cell whiteSpace="nowrap">{formatDateTime(r.createdAt)}</Table.Cell>
      <Table.Cell minW="11rem">
        <Stack gap={2} align="start">
          <Badge colorPalette={look.palette} variant="subtle">
            {look.label}
          </Badge>
          {r.failureCode && (
            <Text fontSize="sm" color="fg.muted">
              {r.failureCode === 'NO_ANSWER'
                ? 'The charger did not answer'
                : r.failureCode.toLowerCase()}
            </Text>
          )}
          {live(r) && (
            <Stack gap={1} align="start">
              {cancel.isError && <ErrorState error={cancel.error} />}
              <Button
                size="sm"
                variant="outline"
                colorPalette="red"
                loading={cancel.isPending}
                onClick={() => cancel.mutate(r.id)}
              >
                Cancel reservation
              </Button>
            </Stack>
          )}
        </Stack>
      </Table.Cell>
      <Table.Cell>
        <Place chargerId={r.chargerId} />
        <Text fontSize="sm" color="fg.muted">
          <ConnectorNumber chargerId={r.chargerId} connectorId={r.connectorId} />
        </Text>
      </Table.Cell>
      <Table.Cell whiteSpace="nowrap">{formatDateTime(r.expiresAt)}</Table.Cell>
      <Table.Cell fontSize="sm" overflowWrap="anywhere" minW="8rem">
        {r.driverId}
      </Table.Cell>
    </Table.Row>
  );
}
