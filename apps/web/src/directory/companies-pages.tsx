import { Button, Field, Flex, Input, Link, SimpleGrid, Stack, Table, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { api, call } from '../api/client';
import { formatDateTime } from '../lib/format';
import { useSettled } from '../lib/use-settled';
import { AdminPage } from '../admin/admin-page';
import { BackLink, Empty, ErrorState, Loaded, Loading } from '../shell/page';
import { Panel } from '../shell/panel';
import { WideTable } from '../shell/wide-table';
import {
  fullName,
  useCompanies,
  useCompany,
  useDirectoryChange,
  useOperators,
  useUsers,
  type DirectoryUser,
} from './queries';
import { RoleBadge } from './users-pages';
import { ShowMore } from '../shell/show-more';

function NewCompany() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const create = useDirectoryChange(() =>
    call(() => api.POST('/api/v1/companies', { body: { name: name.trim() } })),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim())
      create.mutate(undefined, {
        onSuccess: (c) => void navigate(`/admin/companies/${c.id}`),
      });
  };
  return (
    <Panel title="New company">
      <Stack asChild gap={3}>
        <form onSubmit={submit} noValidate>
          {create.isError && <ErrorState error={create.error} />}
          <Field.Root required>
            <Field.Label>Company name</Field.Label>
            <Input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </Field.Root>
          <Button
            type="submit"
            colorPalette="teal"
            alignSelf="start"
            loading={create.isPending}
            disabled={!name.trim()}
          >
            Create company
          </Button>
        </form>
      </Stack>
    </Panel>
  );
}

export function CompaniesPage() {
  const list = useCompanies();
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <AdminPage title="Companies">
      <Text color="fg.muted">
        Operator companies: their operators run charging sites and spaces.
      </Text>
      <SimpleGrid columns={{ base: 1, lg: 3 }} gap={4} alignItems="start">
        <Stack gap={4} gridColumn={{ lg: 'span 2' }}>
          {list.isPending ? (
            <Loading what="companies" />
          ) : list.isError ? (
            <ErrorState error={list.error} retry={() => void list.refetch()} />
          ) : rows.length === 0 ? (
            <Empty>No companies yet. Create the first one here.</Empty>
          ) : (
            <WideTable label="Companies">
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeader>Company</Table.ColumnHeader>
                  <Table.ColumnHeader>Created</Table.ColumnHeader>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows.map((c) => (
                  <Table.Row key={c.id} data-testid="company-row">
                    <Table.Cell>
                      <Link asChild color="teal.700">
                        <RouterLink to={`/admin/companies/${c.id}`}>{c.name}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{formatDateTime(c.createdAt)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </WideTable>
          )}
          <ShowMore query={list} />
        </Stack>
        <NewCompany />
      </SimpleGrid>
    </AdminPage>
  );
}

function Operators({ companyId }: { companyId: string }) {
  const q = useOperators(companyId);
  const detach = useDirectoryChange((userId: string) =>
    call(() =>
      api.DELETE('/api/v1/companies/{id}/operators/{userId}', {
        params: { path: { id: companyId, userId } },
      }),
    ),
  );
  return (
    <Panel title="Operators">
      {detach.isError && <ErrorState error={detach.error} />}
      <Loaded
        query={q}
        what="the operators"
        isEmpty={(ops) => ops.length === 0}
        empty="No operators yet. Add one below."
      >
        {(ops) => (
          <Stack gap={2} as="ul" listStyleType="none">
            {ops.map((u) => (
              <Flex
                as="li"
                key={u.id}
                justify="space-between"
                align="center"
                gap={2}
                wrap="wrap"
                data-testid="operator"
              >
                <Text overflowWrap="anywhere">
                  {fullName(u) ? `${fullName(u)} · ` : ''}
                  {u.email}
                </Text>
                <Button
                  size="sm"
                  variant="outline"
                  colorPalette="red"
                  loading={detach.isPending && detach.variables === u.id}
                  onClick={() => detach.mutate(u.id)}
                  aria-label={`Remove ${u.email}`}
                >
                  Remove
                </Button>
              </Flex>
            ))}
          </Stack>
        )}
      </Loaded>
      <Text fontSize="sm" color="fg.muted">
        A removed operator becomes a customer (USER) again.
      </Text>
    </Panel>
  );
}

/** Find a customer by e-mail or name and make them an operator of this company. */
function AddOperator({ companyId }: { companyId: string }) {
  const [text, setText] = useState('');
  const q = useSettled(text);
  const found = useUsers(q, 'USER');
  const attach = useDirectoryChange((userId: string) =>
    call(() =>
      api.POST('/api/v1/companies/{id}/operators', {
        params: { path: { id: companyId } },
        body: { userId },
      }),
    ),
  );
  const rows: DirectoryUser[] = q ? (found.data?.pages[0]?.data.slice(0, 5) ?? []) : [];
  return (
    <Panel title="Add an operator">
      {attach.isError && <ErrorState error={attach.error} />}
      <Field.Root>
        <Field.Label>Find a customer</Field.Label>
        <Input
          type="search"
          placeholder="E-mail or name"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Field.HelperText>Only customers (USER) can become operators.</Field.HelperText>
      </Field.Root>
      {q && found.isPending && <Loading what="matching users" />}
      {q && found.isError && <ErrorState error={found.error} />}
      {q && found.isSuccess && rows.length === 0 && <Text>No customer matches “{q}”.</Text>}
      <Stack gap={2} as="ul" listStyleType="none">
        {rows.map((u) => (
          <Flex as="li" key={u.id} justify="space-between" align="center" gap={2} wrap="wrap">
            <Flex gap={2} align="center" minW={0}>
              <Text overflowWrap="anywhere">{u.email}</Text>
              <RoleBadge role={u.role} />
            </Flex>
            <Button
              size="sm"
              colorPalette="teal"
              loading={attach.isPending && attach.variables === u.id}
              onClick={() => attach.mutate(u.id, { onSuccess: () => setText('') })}
              aria-label={`Add ${u.email}`}
            >
              Add
            </Button>
          </Flex>
        ))}
      </Stack>
    </Panel>
  );
}

export function CompanyPage() {
  const { id = '' } = useParams();
  const q = useCompany(id);
  return (
    <Loaded query={q} what="the company">
      {(c) => (
        <AdminPage title={c.name}>
          <BackLink to="/admin/companies">All companies</BackLink>
          <SimpleGrid columns={{ base: 1, lg: 2 }} gap={4} alignItems="start">
            <Operators companyId={c.id} />
            <AddOperator companyId={c.id} />
          </SimpleGrid>
        </AdminPage>
      )}
    </Loaded>
  );
}
