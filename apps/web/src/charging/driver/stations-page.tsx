import { Alert, Box, Button, Flex, Heading, Link, Stack, Text } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatDistance } from '../../lib/format';
import { Empty, ErrorState, Loading, Page } from '../../shell/page';
import { headlinePrice, PriceList } from './price';
import { useStations, type Station } from './queries';

type Where =
  | { kind: 'asking' }
  | { kind: 'found'; lat: number; lng: number }
  | { kind: 'refused' }
  | { kind: 'unavailable'; why: string };

/**
 * The browser's position, asked once. Rounded to about 100 m: enough to sort stations, and the
 * query's key stays the same while the driver stands still.
 */
function useWhere(): Where {
  const [where, setWhere] = useState<Where>(() =>
    'geolocation' in navigator
      ? { kind: 'asking' }
      : { kind: 'unavailable', why: 'This browser cannot tell where you are.' },
  );
  useEffect(() => {
    if (!('geolocation' in navigator)) return;
    navigator.geolocation.getCurrentPosition(
      (p) =>
        setWhere({
          kind: 'found',
          lat: Math.round(p.coords.latitude * 1000) / 1000,
          lng: Math.round(p.coords.longitude * 1000) / 1000,
        }),
      (err) =>
        setWhere(
          err.code === err.PERMISSION_DENIED
            ? { kind: 'refused' }
            : { kind: 'unavailable', why: 'Your position could not be found just now.' },
        ),
      { timeout: 10_000, maximumAge: 5 * 60_000 },
    );
  }, []);
  return where;
}

/** Stations for a driver: nearest first from the browser's position, else by name. */
export function StationsPage() {
  const where = useWhere();
  const at = where.kind === 'found' ? { lat: where.lat, lng: where.lng } : undefined;
  const stations = useStations(at, where.kind !== 'asking');
  return (
    <Page
      title="Charge"
      actions={
        <Button asChild variant="outline" size="sm">
          <RouterLink to="/charge/sessions">My sessions</RouterLink>
        </Button>
      }
    >
      <Text>
        Scan the QR code on a charger&apos;s connector to start, or find a station here. Prices
        include tax.
      </Text>
      {where.kind === 'asking' && <Loading what="your position" />}
      {where.kind === 'refused' && (
        <Alert.Root status="info" role="status" data-testid="where">
          <Alert.Indicator />
          <Alert.Title>
            You did not share your position, so stations are listed by name. Allow location for this
            site to see the nearest first.
          </Alert.Title>
        </Alert.Root>
      )}
      {where.kind === 'unavailable' && (
        <Alert.Root status="info" role="status" data-testid="where">
          <Alert.Indicator />
          <Alert.Title>{where.why} Stations are listed by name.</Alert.Title>
        </Alert.Root>
      )}
      {where.kind === 'found' && (
        <Text fontSize="sm" color="fg.muted" data-testid="where">
          Nearest first from where you are.
        </Text>
      )}
      {where.kind !== 'asking' &&
        (stations.isPending ? (
          <Loading what="stations" />
        ) : stations.isError ? (
          <ErrorState error={stations.error} retry={() => void stations.refetch()} />
        ) : stations.data.data.length === 0 ? (
          <Empty>No charging stations yet.</Empty>
        ) : (
          <Stack as="ul" gap={3} listStyleType="none" aria-label="Charging stations">
            {stations.data.data.map((s) => (
              <StationCard key={s.id} station={s} />
            ))}
          </Stack>
        ))}
    </Page>
  );
}

function StationCard({ station: s }: { station: Station }) {
  const [open, setOpen] = useState(false);
  const details = `station-${s.id}-details`;
  const maps = `https://www.openstreetmap.org/?mlat=${s.latitude}&mlon=${s.longitude}#map=17/${s.latitude}/${s.longitude}`;
  return (
    <Box as="li" bg="white" borderWidth="1px" borderRadius="md" p={4} data-testid="station">
      <Flex justify="space-between" align="start" gap={3} wrap="wrap">
        <Stack gap={1} minW={0} flex="1">
          <Heading as="h2" size="md" overflowWrap="anywhere">
            {s.name}
          </Heading>
          <Text fontSize="sm" color="fg.muted" overflowWrap="anywhere">
            {s.address}
          </Text>
        </Stack>
        {s.distanceMeters !== null && (
          <Text fontWeight="semibold" data-testid="distance" whiteSpace="nowrap">
            {formatDistance(s.distanceMeters)}
          </Text>
        )}
      </Flex>
      <Flex gap={4} wrap="wrap" mt={2} fontSize="sm">
        <Text data-testid="free" color={s.available > 0 ? 'green.700' : 'fg.muted'}>
          {s.connectors === 0
            ? 'No connectors'
            : `${s.available} of ${s.connectors} connector${s.connectors === 1 ? '' : 's'} free`}
        </Text>
        <Text data-testid="price">{s.price ? headlinePrice(s.price) : 'No price set yet'}</Text>
      </Flex>
      <Flex gap={3} mt={3} wrap="wrap" align="center">
        <Button
          size="sm"
          variant="outline"
          aria-expanded={open}
          aria-controls={details}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide details' : 'Prices and connectors'}
        </Button>
        <Link href={maps} target="_blank" rel="noreferrer" color="teal.700" fontSize="sm">
          Directions (OpenStreetMap)
        </Link>
      </Flex>
      {open && (
        <Stack id={details} gap={3} mt={3}>
          {s.price ? (
            <PriceList price={s.price} timeZone={s.timeZone} />
          ) : (
            <Text>This station has no price yet: it cannot be started.</Text>
          )}
          {/* The directory lists a station's counts, not its connectors: a connector's page is
              reached by its QR code. */}
          <Text fontSize="sm" color="fg.muted">
            To charge, scan the QR code on the connector you plug into: its page shows its status
            and starts the session.
          </Text>
        </Stack>
      )}
    </Box>
  );
}
