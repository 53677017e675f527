import { Button, DataList, Flex, Heading, Link, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { BackLink, Empty, ErrorState, Loaded } from '../../shell/page';
import { Panel } from '../../shell/panel';
import { ChargingPage, TariffField } from './area';
import { AddCharger } from './chargers';
import { ConfirmDelete } from '../../shell/confirm-delete';
import { ConnectorList } from './connectors';
import { OnlineBadge, StatusBadge } from './labels';
import { useChargerLive } from './live';
import { stationBody, stationDraft, StationFields } from './station-form';
import {
  useChargingChange,
  useStation,
  useStationChargers,
  type Charger,
  type Station,
} from './queries';

function EditStation({ station }: { station: Station }) {
  const [draft, setDraft] = useState(() => stationDraft(station));
  const [tariffId, setTariffId] = useState(station.tariffId ?? '');
  const body = stationBody(draft);
  const save = useChargingChange(() =>
    call(() =>
      api.PATCH('/api/v1/stations/{id}', {
        params: { path: { id: station.id } },
        body: { ...body!, tariffId: tariffId || null },
      }),
    ),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body) save.mutate(undefined);
  };
  return (
    <Panel title="Details">
      <Stack asChild gap={3}>
        <form onSubmit={submit} noValidate aria-label="Station details">
          {save.isError && <ErrorState error={save.error} />}
          {save.isSuccess && <Text role="status">Saved.</Text>}
          <StationFields value={draft} onChange={setDraft} touched />
          <TariffField
            companyId={station.companyId}
            value={tariffId}
            onChange={setTariffId}
            none="No tariff: drivers cannot pay here yet"
          />
          <Button
            type="submit"
            colorPalette="teal"
            alignSelf="start"
            loading={save.isPending}
            disabled={!body}
          >
            Save changes
          </Button>
        </form>
      </Stack>
    </Panel>
  );
}

function RemoveStation({ station }: { station: Station }) {
  const navigate = useNavigate();
  const remove = useChargingChange(() =>
    call(() => api.DELETE('/api/v1/stations/{id}', { params: { path: { id: station.id } } })),
  );
  return (
    <Panel title="Delete">
      <Text color="fg.muted">A station can be deleted once it has no chargers.</Text>
      <ConfirmDelete
        label="Delete station"
        question={`Delete “${station.name}”? Drivers no longer find it.`}
        onConfirm={() =>
          remove.mutate(undefined, { onSuccess: () => void navigate('/charging/stations') })
        }
        pending={remove.isPending}
        error={remove.error}
      />
    </Panel>
  );
}

/** One charger on the station page: live state, its connectors (managed here), a way in. */
function ChargerCard({ charger }: { charger: Charger }) {
  const remove = useChargingChange(() =>
    call(() => api.DELETE('/api/v1/chargers/{id}', { params: { path: { id: charger.id } } })),
  );
  return (
    <Stack
      as="li"
      gap={3}
      bg="white"
      p={4}
      borderRadius="md"
      borderWidth="1px"
      data-testid="charger-card"
      aria-label={`Charger ${charger.ocppId}`}
    >
      <Flex gap={3} align="center" wrap="wrap" justify="space-between">
        <Flex gap={2} align="center" wrap="wrap" minW={0}>
          <Heading as="h3" size="md" overflowWrap="anywhere">
            <Link asChild color="teal.700">
              <RouterLink to={`/charging/chargers/${charger.id}`}>{charger.ocppId}</RouterLink>
            </Link>
          </Heading>
          <OnlineBadge online={charger.online} />
          {charger.status && <StatusBadge status={charger.status} />}
        </Flex>
        <Text fontSize="sm" color="fg.muted">
          Last heartbeat: {formatDateTime(charger.lastHeartbeatAt)}
        </Text>
      </Flex>
      <ConnectorList charger={charger} />
      <Flex gap={2} wrap="wrap" align="start">
        <Button asChild size="sm" variant="outline">
          <RouterLink to={`/charging/chargers/${charger.id}`}>
            Settings, commands and log
          </RouterLink>
        </Button>
        <ConfirmDelete
          size="sm"
          label="Remove charger"
          question={`Remove charger ${charger.ocppId} and its connectors? It can no longer connect.`}
          onConfirm={() => remove.mutate(undefined)}
          pending={remove.isPending}
          error={remove.error}
        />
      </Flex>
    </Stack>
  );
}

function Chargers({ station }: { station: Station }) {
  const q = useStationChargers(station.id, useChargerLive() || undefined);
  return (
    <Stack as="section" gap={3} aria-labelledby="chargers-title">
      <Heading as="h2" size="lg" id="chargers-title">
        Chargers
      </Heading>
      <SimpleGrid columns={{ base: 1, lg: 3 }} gap={4} alignItems="start">
        <Stack gap={4} gridColumn={{ lg: 'span 2' }} minW={0}>
          <Loaded query={q} what="the chargers">
            {(page) =>
              page.data.length === 0 ? (
                <Empty>No chargers yet. Register the first one here.</Empty>
              ) : (
                <Stack as="ul" listStyleType="none" gap={4}>
                  {page.data.map((c) => (
                    <ChargerCard key={c.id} charger={c} />
                  ))}
                  {page.hasMore && (
                    <Text color="fg.muted">Only the first 100 chargers are shown.</Text>
                  )}
                </Stack>
              )
            }
          </Loaded>
        </Stack>
        <Panel title="Add a charger">
          <AddCharger station={station} />
        </Panel>
      </SimpleGrid>
    </Stack>
  );
}

export function StationPage() {
  const { id = '' } = useParams();
  const q = useStation(id);
  return (
    <Loaded query={q} what="the station">
      {(s) => (
        <ChargingPage title={s.name}>
          <BackLink to="/charging/stations">All stations</BackLink>
          <DataList.Root
            orientation="horizontal"
            bg="white"
            p={4}
            borderRadius="md"
            borderWidth="1px"
          >
            {(
              [
                ['Address', s.address],
                ['Position', `${s.latitude}, ${s.longitude}`],
                ['Time zone', s.timeZone],
                ['Created', formatDateTime(s.createdAt)],
              ] as const
            ).map(([k, v]) => (
              <DataList.Item key={k}>
                <DataList.ItemLabel>{k}</DataList.ItemLabel>
                <DataList.ItemValue overflowWrap="anywhere">{v}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList.Root>
          <Chargers station={s} />
          <SimpleGrid columns={{ base: 1, lg: 2 }} gap={4} alignItems="start">
            <EditStation station={s} />
            <RemoveStation station={s} />
          </SimpleGrid>
        </ChargingPage>
      )}
    </Loaded>
  );
}
