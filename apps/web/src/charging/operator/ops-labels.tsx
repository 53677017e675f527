import { Badge, Button, Link, Stack, Text } from '@chakra-ui/react';
import { Link as RouterLink } from 'react-router';
import { ErrorState } from '../../shell/page';
import { useCharger, useConnectors } from './queries';
import { useRetryCapture, useStationOnce, type OpsSession } from './ops-queries';

// Small pieces shared by the sessions, session and reservations pages.

const CAPTURE: Record<OpsSession['captureStatus'], { label: string; palette: string }> = {
  NONE: { label: 'Not due yet', palette: 'gray' },
  PENDING: { label: 'Capturing', palette: 'blue' },
  CAPTURED: { label: 'Captured', palette: 'green' },
  RELEASED: { label: 'Hold released', palette: 'gray' },
  FAILED: { label: 'Capture failed', palette: 'red' },
};

export function CaptureBadge({ status }: { status: OpsSession['captureStatus'] }) {
  const look = CAPTURE[status];
  return (
    <Badge colorPalette={look.palette} variant="subtle" data-capture={status}>
      {look.label}
    </Badge>
  );
}

/**
 * Where a session or reservation is: its station (a link) and charger, read through the cached
 * charger and station queries (a list of rows at one charger asks once).
 */
export function Place({ chargerId, connector }: { chargerId: string; connector?: number }) {
  const charger = useCharger(chargerId);
  const station = useStationOnce(charger.data?.stationId);
  if (charger.isError) return <Text color="fg.muted">Charger {chargerId}</Text>;
  const name = station.data?.name ?? '…';
  return (
    <Stack gap={0} minW="10rem">
      {charger.data ? (
        <Link asChild color="teal.700">
          <RouterLink to={`/charging/stations/${charger.data.stationId}`}>{name}</RouterLink>
        </Link>
      ) : (
        <Text>…</Text>
      )}
      <Text fontSize="sm" color="fg.muted" overflowWrap="anywhere">
        {charger.data?.ocppId ?? chargerId}
        {connector !== undefined ? ` · connector ${connector}` : ''}
      </Text>
    </Stack>
  );
}

/** A reservation names its connector by id: its number on the charger, from the charger's list. */
export function ConnectorNumber({
  chargerId,
  connectorId,
}: {
  chargerId: string;
  connectorId: string;
}) {
  const list = useConnectors(chargerId);
  const n = list.data?.data.find((c) => c.id === connectorId)?.connectorId;
  return <>{n !== undefined ? `connector ${n}` : 'connector'}</>;
}

/** A failed capture: why, and a button that retries it now (the job retries by itself too). */
export function FailedCapture({ session: s, compact }: { session: OpsSession; compact?: boolean }) {
  const retry = useRetryCapture();
  if (s.captureStatus !== 'FAILED') return null;
  return (
    <Stack gap={2} data-testid="failed-capture" align="start">
      <Text color="red.700" fontSize="sm" overflowWrap="anywhere">
        {s.captureError ?? 'The capture failed.'}
        {compact
          ? ''
          : ' Tender retries by itself, waiting longer each time; retry now to try at once.'}
      </Text>
      {retry.isError && <ErrorState error={retry.error} />}
      {retry.isSuccess && retry.data.captureStatus === 'FAILED' && (
        <Text fontSize="sm" role="status">
          Retrying now…
        </Text>
      )}
      <Button
        size="sm"
        colorPalette="red"
        variant="outline"
        loading={retry.isPending}
        loadingText="Retrying"
        onClick={() => retry.mutate(s.id)}
      >
        Retry capture now
      </Button>
    </Stack>
  );
}
