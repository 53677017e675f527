import { Alert, Button, Link, RadioGroup, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { cardName, useCards } from '../../cards/queries';
import { useSession } from '../../session/store';
import { ErrorState, Loaded, Loading, Page } from '../../shell/page';
import { Panel } from '../../shell/panel';
import { PriceList } from './price';
import { useConnector, useMyLiveSessions, useStartSession, type PublicConnector } from './queries';
import { ConnectorBadge } from './status';
import { Reserve } from './reserve';

const kw = (w: number) => `${Math.round(w / 100) / 10} kW`;
const TYPES: Record<string, string> = {
  TYPE_1: 'Type 1',
  TYPE_2: 'Type 2',
  CCS_1: 'CCS 1',
  CCS_2: 'CCS 2',
  CHADEMO: 'CHAdeMO',
  NACS: 'NACS',
  GB_T: 'GB/T',
  SCHUKO: 'Schuko',
};

/**
 * What a connector's QR code opens, for anyone: its status and the price before the start. A
 * signed-in driver picks a saved card and starts; the live session then has its own page.
 */
export function ConnectorPage() {
  const { connectorId = '' } = useParams();
  const connector = useConnector(connectorId, true);
  return (
    <Loaded query={connector} what="the connector">
      {(c) => (
        <Page title={`${c.station.name} · connector ${c.connectorNumber}`}>
          <Stack gap={1}>
            <Text overflowWrap="anywhere">{c.station.address}</Text>
            <Text fontSize="sm" color="fg.muted">
              {[c.type && (TYPES[c.type] ?? c.type), c.maxPowerW && `up to ${kw(c.maxPowerW)}`]
                .filter(Boolean)
                .join(', ')}
            </Text>
          </Stack>
          <Stack direction="row" align="center" gap={3} wrap="wrap">
            <ConnectorBadge connector={c} />
            <Text>{availability(c)}</Text>
          </Stack>
          <Stack gap={6} direction={{ base: 'column', lg: 'row' }} align={{ lg: 'start' }}>
            <Stack flex="1" minW={0}>
              <Panel title="Price">
                {c.price ? (
                  <PriceList price={c.price} timeZone={c.station.timeZone} />
                ) : (
                  <Text>This connector has no price yet, so it cannot be started.</Text>
                )}
              </Panel>
            </Stack>
            <Stack flex="1" minW={0} gap={6}>
              <Start connector={c} />
              <Reserve connector={c} />
              {/* The USDC pre-check (charging/usdc-precheck.tsx, another branch) goes here as the
                  "pay in USDC" option once it lands on main. */}
            </Stack>
          </Stack>
        </Page>
      )}
    </Loaded>
  );
}

function availability(c: PublicConnector): string {
  if (!c.chargerOnline) return 'The charger is offline just now: it cannot start.';
  if (c.available) return 'Free: plug in your car and start.';
  if (c.status === 'PREPARING') return 'A car is plugged in: start to charge it.';
  if (c.status === 'RESERVED') return 'Reserved. If it is your reservation, you can start.';
  if (c.status === 'FAULTED' || c.status === 'UNAVAILABLE')
    return 'This connector is out of service.';
  return 'Someone is using this connector. This page updates by itself.';
}

function Start({ connector: c }: { connector: PublicConnector }) {
  const user = useSession((s) => s.user);
  const here = `/charge/${encodeURIComponent(c.id)}`;
  if (!user)
    return (
      <Panel title="Start charging">
        <Text>Sign in to start: you pay with a card saved to your account.</Text>
        <Stack direction="row" gap={3} wrap="wrap">
          <Button asChild colorPalette="teal">
            <RouterLink to={`/login?next=${encodeURIComponent(here)}`}>
              Sign in to charge
            </RouterLink>
          </Button>
          <Button asChild variant="outline">
            <RouterLink to={`/signup?next=${encodeURIComponent(here)}`}>
              Create an account
            </RouterLink>
          </Button>
        </Stack>
      </Panel>
    );
  return <StartSignedIn connector={c} />;
}

function StartSignedIn({ connector: c }: { connector: PublicConnector }) {
  const cards = useCards();
  const live = useMyLiveSessions(true);
  const start = useStartSession();
  const navigate = useNavigate();
  const [picked, setPicked] = useState<string | undefined>();
  const mine = live.data?.find((s) => s.connectorId === c.id);
  if (mine)
    return (
      <Panel title="Your session here">
        <Alert.Root status="info" role="status">
          <Alert.Indicator />
          <Alert.Title>You have a session running on this connector.</Alert.Title>
        </Alert.Root>
        <Button asChild colorPalette="teal" alignSelf="start">
          <RouterLink to={`/charge/sessions/${mine.id}`}>Open your session</RouterLink>
        </Button>
      </Panel>
    );
  // Plugged in first, or reserved (the server knows for whom, and says no in words otherwise).
  const startable =
    !!c.price && c.chargerOnline && (c.available || ['PREPARING', 'RESERVED'].includes(c.status));
  return (
    <Panel title="Start charging">
      <Loaded
        query={cards}
        what="your saved cards"
        isEmpty={(list) => list.data.length === 0}
        empty={
          <>
            You have no saved card yet.{' '}
            <Link asChild color="teal.700">
              <RouterLink to="/cards">Add a card</RouterLink>
            </Link>{' '}
            and come back to this page.
          </>
        }
      >
        {(list) => {
          const card = picked ?? list.data[0]!.id;
          return (
            <Stack gap={4}>
              <RadioGroup.Root value={card} onValueChange={(e) => e.value && setPicked(e.value)}>
                <RadioGroup.Label fontWeight="medium" mb={2}>
                  Pay with
                </RadioGroup.Label>
                <Stack gap={2}>
                  {list.data.map((pm) => (
                    <RadioGroup.Item key={pm.id} value={pm.id} data-testid="card-choice">
                      <RadioGroup.ItemHiddenInput />
                      <RadioGroup.ItemIndicator />
                      <RadioGroup.ItemText>
                        {cardName(pm)} (expires {String(pm.expMonth).padStart(2, '0')}/{pm.expYear})
                      </RadioGroup.ItemText>
                    </RadioGroup.Item>
                  ))}
                </Stack>
              </RadioGroup.Root>
              <Text fontSize="sm">
                <Link asChild color="teal.700">
                  <RouterLink to="/cards">Manage your cards</RouterLink>
                </Link>
              </Text>
              {start.isError && <ErrorState error={start.error} />}
              {!startable && <Text color="fg.muted">This connector cannot start just now.</Text>}
              <Button
                colorPalette="teal"
                size="lg"
                disabled={!startable}
                loading={start.isPending}
                loadingText="Starting"
                onClick={() =>
                  start.mutate(
                    { connectorId: c.id, paymentMethodId: card },
                    { onSuccess: (s) => void navigate(`/charge/sessions/${s.id}`) },
                  )
                }
              >
                Start charging
              </Button>
            </Stack>
          );
        }}
      </Loaded>
      {live.isPending && <Loading what="your running sessions" />}
    </Panel>
  );
}
