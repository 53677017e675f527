import { Button, Link, SimpleGrid, Stack, Table, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { BackLink, Empty, ErrorState, Loaded, Loading } from '../../shell/page';
import { Panel } from '../../shell/panel';
import { ShowMore } from '../../shell/show-more';
import { WideTable } from '../../shell/wide-table';
import { ChargingPage, CompanyField, useCompanyNames, useIsAdmin } from './area';
import { ConfirmDelete } from '../../shell/confirm-delete';
import { emptyTariff, tariffBody, tariffDraft, TariffFields } from './tariff-form';
import { tariffLine, TariffSummary } from './tariff-summary';
import { useChargingChange, useTariff, useTariffs, type Tariff } from './queries';

function NewTariff() {
  const navigate = useNavigate();
  const admin = useIsAdmin();
  const [draft, setDraft] = useState(emptyTariff);
  const [companyId, setCompanyId] = useState('');
  const [touched, setTouched] = useState(false);
  const body = tariffBody(draft);
  const create = useChargingChange(() =>
    call(() =>
      api.POST('/api/v1/tariffs', { body: { ...body!, ...(admin ? { companyId } : {}) } }),
    ),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (body && (!admin || companyId))
      create.mutate(undefined, { onSuccess: (t) => void navigate(`/charging/tariffs/${t.id}`) });
  };
  return (
    <Panel title="New tariff">
      <Stack asChild gap={3}>
        <form onSubmit={submit} noValidate aria-label="New tariff">
          {create.isError && <ErrorState error={create.error} />}
          {admin && <CompanyField value={companyId} onChange={setCompanyId} />}
          <TariffFields value={draft} onChange={setDraft} touched={touched} />
          <Button type="submit" colorPalette="teal" alignSelf="start" loading={create.isPending}>
            Create tariff
          </Button>
        </form>
      </Stack>
    </Panel>
  );
}

function TariffRows({ rows, companies }: { rows: Tariff[]; companies?: Map<string, string> }) {
  return (
    <WideTable label="Tariffs">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeader>Tariff</Table.ColumnHeader>
          <Table.ColumnHeader>Prices</Table.ColumnHeader>
          <Table.ColumnHeader>Currency</Table.ColumnHeader>
          {companies && <Table.ColumnHeader>Company</Table.ColumnHeader>}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((t) => (
          <Table.Row key={t.id} data-testid="tariff-row">
            <Table.Cell>
              <Link asChild color="teal.700">
                <RouterLink to={`/charging/tariffs/${t.id}`}>{t.name}</RouterLink>
              </Link>
            </Table.Cell>
            <Table.Cell minW="14rem">{tariffLine(t)}</Table.Cell>
            <Table.Cell>{t.currency.toUpperCase()}</Table.Cell>
            {companies && <Table.Cell>{companies.get(t.companyId) ?? t.companyId}</Table.Cell>}
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

export function TariffsPage() {
  const admin = useIsAdmin();
  const list = useTariffs();
  const companies = useCompanyNames(admin);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <ChargingPage title="Tariffs">
      <Text color="fg.muted">
        What drivers pay. A station has one tariff; a charger may have its own instead.
      </Text>
      <SimpleGrid columns={{ base: 1, lg: 3 }} gap={4} alignItems="start">
        <Stack gap={4} gridColumn={{ lg: 'span 2' }} minW={0}>
          {list.isPending ? (
            <Loading what="tariffs" />
          ) : list.isError ? (
            <ErrorState error={list.error} retry={() => void list.refetch()} />
          ) : rows.length === 0 ? (
            <Empty>No tariffs yet. Create one here, then pick it on a station.</Empty>
          ) : (
            <TariffRows rows={rows} companies={admin ? (companies.data ?? new Map()) : undefined} />
          )}
          <ShowMore query={list} />
        </Stack>
        <NewTariff />
      </SimpleGrid>
    </ChargingPage>
  );
}

function EditTariff({ tariff }: { tariff: Tariff }) {
  const [draft, setDraft] = useState(() => tariffDraft(tariff));
  const body = tariffBody(draft);
  const save = useChargingChange(() => {
    const { currency: _fixed, ...change } = body!;
    return call(() =>
      api.PATCH('/api/v1/tariffs/{id}', { params: { path: { id: tariff.id } }, body: change }),
    );
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body) save.mutate(undefined);
  };
  return (
    <Panel title="Prices">
      <Stack asChild gap={3}>
        <form onSubmit={submit} noValidate aria-label="Tariff prices">
          {save.isError && <ErrorState error={save.error} />}
          {save.isSuccess && <Text role="status">Saved.</Text>}
          <TariffFields value={draft} onChange={setDraft} touched currencyFixed />
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

export function TariffPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useTariff(id);
  const remove = useChargingChange(() =>
    call(() => api.DELETE('/api/v1/tariffs/{id}', { params: { path: { id } } })),
  );
  return (
    <Loaded query={q} what="the tariff">
      {(t) => (
        <ChargingPage title={t.name}>
          <BackLink to="/charging/tariffs">All tariffs</BackLink>
          <SimpleGrid columns={{ base: 1, lg: 2 }} gap={4} alignItems="start">
            <EditTariff tariff={t} />
            <Stack gap={4}>
              <Panel title="What drivers pay">
                <TariffSummary tariff={t} />
              </Panel>
              <Panel title="Delete">
                <Text color="fg.muted">
                  A tariff can be deleted once no station or charger uses it.
                </Text>
                <ConfirmDelete
                  label="Delete tariff"
                  question={`Delete “${t.name}”? It can no longer be picked for a station or charger.`}
                  onConfirm={() =>
                    remove.mutate(undefined, {
                      onSuccess: () => void navigate('/charging/tariffs'),
                    })
                  }
                  pending={remove.isPending}
                  error={remove.error}
                />
              </Panel>
            </Stack>
          </SimpleGrid>
        </ChargingPage>
      )}
    </Loaded>
  );
}
