import { Button, Link, SimpleGrid, Stack, Table, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { Empty, ErrorState, Loading } from '../../shell/page';
import { Panel } from '../../shell/panel';
import { ShowMore } from '../../shell/show-more';
import { WideTable } from '../../shell/wide-table';
import { ChargingPage, CompanyField, useCompanyNames, useIsAdmin } from './area';
import { useChargerLive } from './live';
import { emptyStation, stationBody, StationFields } from './station-form';
import { useChargingChange, useStationChargers, useStations, type Station } from './queries';

/** "2 of 3 online", from the station's chargers (polled with the live view). */
function ChargersOnline({ stationId }: { stationId: string }) {
  const q = useStationChargers(stationId, useChargerLive() || undefined);
  if (q.isPending) return <Text color="fg.muted">…</Text>;
  if (q.isError) return <Text color="red.700">Not known</Text>;
  const all = q.data.data;
  if (all.length === 0) return <Text color="fg.muted">No chargers</Text>;
  const online = all.filter((c) => c.online).length;
  return (
    <Text data-testid="chargers-online">
      {online} of {all.length}
      {q.data.hasMore ? '+' : ''} online
    </Text>
  );
}

function NewStation() {
  const navigate = useNavigate();
  const admin = useIsAdmin();
  const [draft, setDraft] = useState(emptyStation);
  const [companyId, setCompanyId] = useState('');
  const [touched, setTouched] = useState(false);
  const body = stationBody(draft);
  const ready = body && (!admin || companyId);
  const create = useChargingChange(() =>
    call(() =>
      api.POST('/api/v1/stations', { body: { ...body!, ...(admin ? { companyId } : {}) } }),
    ),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (ready)
      create.mutate(undefined, {
        onSuccess: (s) => void navigate(`/charging/stations/${s.id}`),
      });
  };
  return (
    <Panel title="New station">
      <Stack asChild gap={3}>
        <form onSubmit={submit} noValidate aria-label="New station">
          {create.isError && <ErrorState error={create.error} />}
          {admin && <CompanyField value={companyId} onChange={setCompanyId} />}
          <StationFields value={draft} onChange={setDraft} touched={touched} />
          <Button type="submit" colorPalette="teal" alignSelf="start" loading={create.isPending}>
            Create station
          </Button>
        </form>
      </Stack>
    </Panel>
  );
}

function StationRows({ rows, companies }: { rows: Station[]; companies?: Map<string, string> }) {
  return (
    <WideTable label="Stations">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeader>Station</Table.ColumnHeader>
          <Table.ColumnHeader>Chargers</Table.ColumnHeader>
          <Table.ColumnHeader>Address</Table.ColumnHeader>
          {companies && <Table.ColumnHeader>Company</Table.ColumnHeader>}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((s) => (
          <Table.Row key={s.id} data-testid="station-row">
            <Table.Cell>
              <Link asChild color="teal.700">
                <RouterLink to={`/charging/stations/${s.id}`}>{s.name}</RouterLink>
              </Link>
            </Table.Cell>
            <Table.Cell whiteSpace="nowrap">
              <ChargersOnline stationId={s.id} />
            </Table.Cell>
            <Table.Cell minW="12rem">{s.address}</Table.Cell>
            {companies && <Table.Cell>{companies.get(s.companyId) ?? s.companyId}</Table.Cell>}
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

export function StationsPage() {
  const admin = useIsAdmin();
  const list = useStations();
  const companies = useCompanyNames(admin);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <ChargingPage title="Charging stations">
      <Text color="fg.muted">
        {admin
          ? "Every operator company's charging sites."
          : "Your company's charging sites: their chargers, connectors and prices."}
      </Text>
      <SimpleGrid columns={{ base: 1, lg: 3 }} gap={4} alignItems="start">
        <Stack gap={4} gridColumn={{ lg: 'span 2' }} minW={0}>
          {list.isPending ? (
            <Loading what="stations" />
          ) : list.isError ? (
            <ErrorState error={list.error} retry={() => void list.refetch()} />
          ) : rows.length === 0 ? (
            <Empty>No stations yet. Create the first one here.</Empty>
          ) : (
            <StationRows
              rows={rows}
              companies={admin ? (companies.data ?? new Map()) : undefined}
            />
          )}
          <ShowMore query={list} />
        </Stack>
        <NewStation />
      </SimpleGrid>
    </ChargingPage>
  );
}
