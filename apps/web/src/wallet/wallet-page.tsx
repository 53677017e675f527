import { Alert, NativeSelect, SimpleGrid, Stack, Stat, Table, Text } from '@chakra-ui/react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { formatDateTime, formatMoney } from '../lib/format';
import { Empty, ErrorState, Loaded, Loading, Page } from '../shell/page';
import { TopUp } from './top-up';
import { Withdrawals } from './withdrawals';
import { WideTable } from '../shell/wide-table';
import { ShowMore } from '../shell/show-more';

/** Wallets are per currency; USD is the platform's default (the demo shop sells in USD). */
const CURRENCIES = ['usd', 'eur', 'gbp'] as const;

const useWallet = (currency: string) =>
  useQuery({
    queryKey: ['wallet', currency],
    queryFn: () => call(() => api.GET('/api/v1/wallet', { params: { query: { currency } } })),
  });

const useHistory = (currency: string) =>
  useInfiniteQuery({
    queryKey: ['wallet', currency, 'history'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/wallet/transactions', {
          params: {
            query: {
              currency,
              limit: 20,
              ...(pageParam ? { startingAfter: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

export function WalletPage() {
  const [currency, setCurrency] = useState<string>(CURRENCIES[0]);
  const wallet = useWallet(currency);
  const history = useHistory(currency);
  const [params] = useSearchParams();
  const rows = history.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Page
      title="Wallet"
      actions={
        <NativeSelect.Root size="sm" width="auto">
          <NativeSelect.Field
            aria-label="Currency"
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c.toUpperCase()}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
      }
    >
      {params.get('topup') === 'success' && (
        <Alert.Root status="success" role="status">
          <Alert.Indicator />
          <Alert.Title>
            Card payment received. The money shows here as soon as the payment is confirmed.
          </Alert.Title>
        </Alert.Root>
      )}
      {params.get('topup') === 'cancel' && (
        <Alert.Root status="warning">
          <Alert.Indicator />
          <Alert.Title>Top-up cancelled. Nothing was charged.</Alert.Title>
        </Alert.Root>
      )}
      <Loaded query={wallet} what="your wallet">
        {(w) => (
          <SimpleGrid columns={{ base: 2, md: 4 }} gap={4}>
            {[
              ['Balance', w.balance],
              ['Available', w.available],
              ['Pending', w.pending],
              ['Debt', w.debt],
            ].map(([label, v]) => (
              <Stat.Root key={label} bg="white" p={4} borderRadius="md" borderWidth="1px">
                <Stat.Label>{label}</Stat.Label>
                <Stat.ValueText data-testid={`wallet-${String(label).toLowerCase()}`}>
                  {formatMoney(v as number, w.currency)}
                </Stat.ValueText>
              </Stat.Root>
            ))}
          </SimpleGrid>
        )}
      </Loaded>
      <TopUp currency={currency} />
      <Withdrawals currency={currency} available={wallet.data?.available} />
      <Stack gap={3}>
        <Text as="h2" fontSize="xl" fontWeight="semibold">
          History
        </Text>
        {history.isPending ? (
          <Loading what="your history" />
        ) : history.isError ? (
          <ErrorState error={history.error} retry={() => void history.refetch()} />
        ) : rows.length === 0 ? (
          <Empty>No money has moved yet. Add money by card above.</Empty>
        ) : (
          <WideTable label="Wallet history">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>Date</Table.ColumnHeader>
                <Table.ColumnHeader>What</Table.ColumnHeader>
                <Table.ColumnHeader textAlign="end">Amount</Table.ColumnHeader>
                <Table.ColumnHeader textAlign="end">Before</Table.ColumnHeader>
                <Table.ColumnHeader textAlign="end">After</Table.ColumnHeader>
                <Table.ColumnHeader>Reference</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((t) => (
                <Table.Row key={t.id} data-testid="wallet-row">
                  <Table.Cell>{formatDateTime(t.createdAt)}</Table.Cell>
                  <Table.Cell>{t.description}</Table.Cell>
                  <Table.Cell textAlign="end">{formatMoney(t.amount, t.currency)}</Table.Cell>
                  <Table.Cell textAlign="end">
                    {formatMoney(t.balanceBefore, t.currency)}
                  </Table.Cell>
                  <Table.Cell textAlign="end">{formatMoney(t.balanceAfter, t.currency)}</Table.Cell>
                  <Table.Cell>{t.referenceId ?? '—'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </WideTable>
        )}
        <ShowMore query={history} />
      </Stack>
    </Page>
  );
}
