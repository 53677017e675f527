import { DataList, Heading, Link, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { BackLink, Loaded } from '../../shell/page';
import { Panel } from '../../shell/panel';
import { ChargingPage } from './area';
import { ChargerSettings, ocppUrl } from './chargers';
import { CommandPanel } from './commands';
import { ConfirmDelete } from '../../shell/confirm-delete';
import { ConnectorList } from './connectors';
import { errorLabel, OnlineBadge, plain, StatusBadge } from './labels';
import { useChargerLive } from './live';
import { OcppLog } from './ocpp-log';
import { useCharger, useChargingChange, useStation, type Charger } from './queries';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack as="section" gap={3} aria-labelledby={id} minW={0}>
      <Heading as="h2" size="lg" id={id}>
        {title}
      </Heading>
      {children}
    </Stack>
  );
}

function StationLink({ stationId }: { stationId: string }) {
  const q = useStation(stationId);
  return (
    <Link asChild color="teal.700">
      <RouterLink to={`/charging/stations/${stationId}`}>{q.data?.name ?? stationId}</RouterLink>
    </Link>
  );
}

/** What the charger last reported after an UpdateFirmware or GetDiagnostics (`UPLOAD_FAILED`). */
const progress = (status: string | null, at: string | null) =>
  status ? `${plain(status)} (${formatDateTime(at)})` : 'Nothing reported';

/** What the charger is and last said: the live state, then its BootNotification's identity. */
function Facts({ charger: c }: { charger: Charger }) {
  const rows: [string, ReactNode][] = [
    ['Station', <StationLink key="s" stationId={c.stationId} />],
    ['Connection', c.online ? 'Connected now' : 'Not connected'],
    ['Charger status', c.status ? <StatusBadge status={c.status} /> : 'Not reported yet'],
    ['Charger error', errorLabel(c.errorCode)],
    ['Last heartbeat', formatDateTime(c.lastHeartbeatAt)],
    ['Last boot', formatDateTime(c.lastBootAt)],
    ['Vendor', c.vendor ?? 'Not known until it boots'],
    ['Model', c.model ?? '—'],
    ['Serial number', c.serialNumber ?? '—'],
    ['Firmware', c.firmwareVersion ?? '—'],
    ['Firmware update', progress(c.firmwareStatus, c.firmwareStatusAt)],
    ['Diagnostics upload', progress(c.diagnosticsStatus, c.diagnosticsStatusAt)],
    ['Password', c.hasPassword ? 'Set (never shown)' : 'None'],
    ['OCPP address', ocppUrl(c.ocppId)],
  ];
  return (
    <DataList.Root orientation="horizontal" data-testid="charger-facts">
      {rows.map(([k, v]) => (
        <DataList.Item key={k}>
          <DataList.ItemLabel>{k}</DataList.ItemLabel>
          <DataList.ItemValue overflowWrap="anywhere" data-testid={`fact-${k}`}>
            {v}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList.Root>
  );
}

function RemoveCharger({ charger }: { charger: Charger }) {
  const navigate = useNavigate();
  const remove = useChargingChange(() =>
    call(() => api.DELETE('/api/v1/chargers/{id}', { params: { path: { id: charger.id } } })),
  );
  return (
    <Panel title="Delete">
      <ConfirmDelete
        label="Delete charger"
        question={`Delete charger ${charger.ocppId} and its connectors? It is disconnected and can no longer connect.`}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => void navigate(`/charging/stations/${charger.stationId}`),
          })
        }
        pending={remove.isPending}
        error={remove.error}
      />
    </Panel>
  );
}

export function ChargerPage() {
  const { id = '' } = useParams();
  const q = useCharger(id, useChargerLive() || undefined);
  return (
    <Loaded query={q} what="the charger">
      {(c) => (
        <ChargingPage title={`Charger ${c.ocppId}`} actions={<OnlineBadge online={c.online} />}>
          <BackLink to={`/charging/stations/${c.stationId}`}>Back to its station</BackLink>
          <SimpleGrid columns={{ base: 1, lg: 2 }} gap={4} alignItems="start">
            <Panel title="Status">
              <Facts charger={c} />
            </Panel>
            <Panel title="Connectors">
              <ConnectorList charger={c} />
            </Panel>
          </SimpleGrid>
          <Section id="commands-title" title="Remote commands">
            <Text color="fg.muted">
              Sent to the charger over OCPP 1.6; its answer shows below, and the exchange in the
              log.
            </Text>
            <Stack bg="white" p={4} borderRadius="md" borderWidth="1px">
              <CommandPanel chargerId={c.id} online={c.online} />
            </Stack>
          </Section>
          <Section id="log-title" title="OCPP log">
            <OcppLog chargerId={c.id} />
          </Section>
          <SimpleGrid columns={{ base: 1, lg: 2 }} gap={4} alignItems="start">
            <Panel title="Settings">
              <ChargerSettings charger={c} />
            </Panel>
            <RemoveCharger charger={c} />
          </SimpleGrid>
        </ChargingPage>
      )}
    </Loaded>
  );
}
