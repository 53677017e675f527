import {
  Badge,
  Button,
  DataList,
  Field,
  Flex,
  Input,
  Link,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { api, call } from '../api/client';
import { formatDateTime, formatMoney } from '../lib/format';
import { useSettled } from '../lib/use-settled';
import { useSession } from '../session/store';
import { AdminPage } from '../admin/admin-page';
import { BackLink, Empty, ErrorState, Loaded, Loading } from '../shell/page';
import { Panel } from '../shell/panel';
import { WideTable } from '../shell/wide-table';
import {
  fullName,
  SETTABLE_ROLES,
  useDirectoryChange,
  useUser,
  useUsers,
  useWallets,
  type AdminWallet,
  type DirectoryUser,
  type Role,
} from './queries';
import { ShowMore } from '../shell/show-more';

const ROLE_LABEL: Record<Role, string> = {
  USER: 'Customer',
  MERCHANT: 'Merchant',
  OPERATOR: 'Operator',
  ADMIN: 'Admin',
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge
      colorPalette={role === 'ADMIN' ? 'purple' : role === 'MERCHANT' ? 'teal' : 'gray'}
      data-role={role}
    >
      {ROLE_LABEL[role]}
    </Badge>
  );
}

export function UsersPage() {
  const [text, setText] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const q = useSettled(text);
  const users = useUsers(q, role || undefined);
  const rows = users.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <AdminPage title="Users">
      <SimpleGrid columns={{ base: 1, sm: 2 }} gap={3} maxW="2xl">
        <Field.Root>
          <Field.Label>Search users</Field.Label>
          <Input
            type="search"
            placeholder="E-mail or name"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field.Root>
        <Field.Root>
          <Field.Label>Role</Field.Label>
          <NativeSelect.Root>
            <NativeSelect.Field value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
              <option value="">Any role</option>
              {(Object.keys(ROLE_LABEL) as Role[]).map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
      </SimpleGrid>
      {users.isPending ? (
        <Loading what="users" />
      ) : users.isError ? (
        <ErrorState error={users.error} retry={() => void users.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{q || role ? 'No user matches this search.' : 'No users yet.'}</Empty>
      ) : (
        <Stack gap={4}>
          <WideTable label="Users">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>E-mail</Table.ColumnHeader>
                <Table.ColumnHeader>Name</Table.ColumnHeader>
                <Table.ColumnHeader>Role</Table.ColumnHeader>
                <Table.ColumnHeader>Account</Table.ColumnHeader>
                <Table.ColumnHeader>Joined</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((u) => (
                <Table.Row key={u.id} data-testid="user-row">
                  <Table.Cell>
                    <Link asChild color="teal.700">
                      <RouterLink to={`/admin/users/${u.id}`}>{u.email}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{fullName(u) || '—'}</Table.Cell>
                  <Table.Cell>
                    <RoleBadge role={u.role} />
                  </Table.Cell>
                  <Table.Cell>{u.isActive ? 'Active' : 'Disabled'}</Table.Cell>
                  <Table.Cell>{formatDateTime(u.createdAt)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </WideTable>
          <ShowMore query={users} />
        </Stack>
      )}
    </AdminPage>
  );
}

function ChangeRole({ user }: { user: DirectoryUser }) {
  const me = useSession((s) => s.user?.id);
  const [role, setRole] = useState<Role>(user.role === 'OPERATOR' ? 'USER' : user.role);
  const change = useDirectoryChange((to: Role) =>
    call(() =>
      api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { role: to } }),
    ),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(role);
  };
  return (
    <Panel title="Role">
      <Stack asChild gap={3}>
        <form onSubmit={submit} noValidate>
          {change.isError && <ErrorState error={change.error} />}
          {change.isSuccess && (
            <Text role="status">Role changed to {ROLE_LABEL[change.data.role]}.</Text>
          )}
          {user.role === 'OPERATOR' && (
            <Text>
              An operator of a company. Giving another role detaches them from it; to make someone
              an operator, add them on their company’s page.
            </Text>
          )}
          {user.id === me && (
            <Text color="orange.800">
              This is your own account: leaving ADMIN locks you out of these pages.
            </Text>
          )}
          <Field.Root>
            <Field.Label>New role</Field.Label>
            <NativeSelect.Root maxW="xs">
              <NativeSelect.Field value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {SETTABLE_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
          </Field.Root>
          <Button
            type="submit"
            colorPalette="teal"
            alignSelf="start"
            loading={change.isPending}
            disabled={role === user.role}
          >
            Change role
          </Button>
        </form>
      </Stack>
    </Panel>
  );
}

function WalletCard({ wallet }: { wallet: AdminWallet }) {
  const toggle = useDirectoryChange(() =>
    call(() =>
      wallet.isLocked
        ? api.POST('/api/v1/admin/wallets/{id}/unlock', { params: { path: { id: wallet.id } } })
        : api.POST('/api/v1/admin/wallets/{id}/lock', { params: { path: { id: wallet.id } } }),
    ),
  );
  const money = (v: number) => formatMoney(v, wallet.currency);
  return (
    <Stack
      gap={3}
      bg="white"
      p={4}
      borderRadius="md"
      borderWidth="1px"
      borderColor={wallet.isLocked ? 'red.300' : undefined}
      data-testid="wallet-card"
      data-locked={wallet.isLocked}
    >
      <Flex justify="space-between" align="center" gap={2} wrap="wrap">
        <Text fontWeight="semibold">
          {wallet.currency.toUpperCase()}{' '}
          {wallet.type === 'MERCHANT_WALLET' ? 'merchant wallet' : 'wallet'}
        </Text>
        <Flex gap={2}>
          {wallet.isLocked ? (
            <Badge colorPalette="red">Locked</Badge>
          ) : (
            <Badge colorPalette="green">Open</Badge>
          )}
          {wallet.debt > 0 && <Badge colorPalette="orange">In debt</Badge>}
        </Flex>
      </Flex>
      <DataList.Root orientation="horizontal" size="sm">
        {[
          ['Balance', money(wallet.balance)],
          ['Withdrawable now', money(wallet.available)],
          ['Not yet settled', money(wallet.pending)],
          ['Owed to the platform', money(wallet.debt)],
        ].map(([k, v]) => (
          <DataList.Item key={k}>
            <DataList.ItemLabel>{k}</DataList.ItemLabel>
            <DataList.ItemValue>{v}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList.Root>
      <Text fontSize="sm" color="fg.muted">
        {wallet.isLocked
          ? 'Locked: no deposit, purchase or withdrawal can start from it.'
          : 'Open: the owner can deposit, buy and withdraw.'}
        {wallet.debt > 0 &&
          ` It is below zero (a dispute or forced refund took back money already spent): withdrawals wait until ${money(wallet.debt)} is paid back.`}
      </Text>
      {toggle.isError && <ErrorState error={toggle.error} />}
      <Button
        alignSelf="start"
        variant="outline"
        colorPalette={wallet.isLocked ? 'teal' : 'red'}
        loading={toggle.isPending}
        onClick={() => toggle.mutate(undefined)}
      >
        {wallet.isLocked ? 'Unlock wallet' : 'Lock wallet'}
      </Button>
    </Stack>
  );
}

function Wallets({ ownerId }: { ownerId: string }) {
  const q = useWallets(ownerId);
  return (
    <Stack gap={3}>
      <Text as="h2" fontSize="lg" fontWeight="semibold">
        Wallets
      </Text>
      <Loaded
        query={q}
        what="the wallets"
        isEmpty={(w) => w.data.length === 0}
        empty="No wallet yet: one opens with the first deposit or sale."
      >
        {(w) => (
          <SimpleGrid columns={{ base: 1, md: 2 }} gap={3}>
            {w.data.map((x) => (
              <WalletCard key={x.id} wallet={x} />
            ))}
          </SimpleGrid>
        )}
      </Loaded>
    </Stack>
  );
}

export function UserPage() {
  const { id = '' } = useParams();
  const q = useUser(id);
  return (
    <Loaded query={q} what="the user">
      {(u) => (
        <AdminPage title={fullName(u) || u.email} actions={<RoleBadge role={u.role} />}>
          <BackLink to="/admin/users">All users</BackLink>
          <SimpleGrid columns={{ base: 1, lg: 2 }} gap={4} alignItems="start">
            <DataList.Root
              orientation="horizontal"
              bg="white"
              p={4}
              borderRadius="md"
              borderWidth="1px"
            >
              {[
                ['E-mail', u.email],
                ['Id', u.id],
                ['Account', u.isActive ? 'Active' : 'Disabled'],
                ...(u.companyId ? [['Company', u.companyId]] : []),
                ['Joined', formatDateTime(u.createdAt)],
                ['Last sign-in', formatDateTime(u.lastLogin)],
              ].map(([k, v]) => (
                <DataList.Item key={k}>
                  <DataList.ItemLabel>{k}</DataList.ItemLabel>
                  <DataList.ItemValue overflowWrap="anywhere">
                    {k === 'Company' ? (
                      // An id wraps only with "anywhere" on the link itself: a link is its own flex box.
                      <Link asChild color="teal.700" overflowWrap="anywhere">
                        <RouterLink to={`/admin/companies/${v}`}>{v}</RouterLink>
                      </Link>
                    ) : (
                      v
                    )}
                  </DataList.ItemValue>
                </DataList.Item>
              ))}
            </DataList.Root>
            <ChangeRole user={u} />
          </SimpleGrid>
          <Wallets ownerId={u.id} />
        </AdminPage>
      )}
    </Loaded>
  );
}
