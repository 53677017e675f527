import { Alert, Badge, Button, Field, Input, Stack, Table, Text } from '@chakra-ui/react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { api, call, newIdempotencyKey } from '../api/client';
import { formatDateTime, formatMoney, parseMoney } from '../lib/format';
import { Empty, ErrorState, Loading } from '../shell/page';
import { WideTable } from '../shell/wide-table';
import { ShowMore } from '../shell/show-more';
import { PayoutAccountPanel, usePayoutAccount } from './payout-account';

type Withdrawal = Awaited<ReturnType<typeof withdraw>>;

const withdraw = (amount: bigint, currency: string, key: string) =>
  call(() =>
    api.POST('/api/v1/wallet/withdraw', {
      params: { header: { 'Idempotency-Key': key } },
      body: { amount: Number(amount), currency },
    }),
  );

const useWithdrawals = (currency: string) =>
  useInfiniteQuery({
    queryKey: ['wallet', currency, 'withdrawals'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/wallet/withdrawals', {
          params: {
            query: { currency, limit: 10, ...(pageParam ? { startingAfter: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

const LOOK: Record<Withdrawal['status'], { label: string; palette: string }> = {
  PENDING: { label: 'Pending', palette: 'blue' },
  PAID: { label: 'Paid out', palette: 'green' },
  FAILED: { label: 'Failed, money returned', palette: 'red' },
};

/** Why a pending withdrawal has not gone yet, in words (the server's waitingReason). */
const WAITING: Record<string, string> = {
  balance_insufficient:
    "Waiting for the platform's payout funds to settle; it is sent automatically, usually within two days.",
  provider_unavailable:
    'The payment provider did not answer; it is retried automatically every few minutes.',
};

function StatusBadge({ status }: { status: Withdrawal['status'] }) {
  const look = LOOK[status];
  return (
    <Badge colorPalette={look.palette} variant="subtle" data-status={status}>
      {look.label}
    </Badge>
  );
}

/** Withdrawals: the payout account (created once), the form (up to Available), and the list. */
export function Withdrawals({ currency, available }: { currency: string; available?: number }) {
  const account = usePayoutAccount();
  return (
    <Stack gap={3} bg="white" p={4} borderRadius="md" borderWidth="1px">
      <Text as="h2" fontSize="xl" fontWeight="semibold">
        Withdraw
      </Text>
      <PayoutAccountPanel account={account} />
      {account.data?.status === 'active' && (
        <WithdrawForm currency={currency} available={available} />
      )}
      <WithdrawalList currency={currency} />
    </Stack>
  );
}

function WithdrawForm({ currency, available }: { currency: string; available?: number }) {
  const [amount, setAmount] = useState('');
  const attempt = useRef<{ key: string; amount: string } | undefined>(undefined);
  const queries = useQueryClient();
  const minor = parseMoney(amount, currency);
  const tooMuch = minor !== undefined && available !== undefined && minor > BigInt(available);
  const invalid = amount !== '' && (!minor || minor <= 0n);
  const send = useMutation({
    mutationFn: (m: bigint) => {
      // The same attempt retried keeps its key: never two withdrawals for one click.
      if (attempt.current?.amount !== amount)
        attempt.current = { key: newIdempotencyKey(), amount };
      return withdraw(m, currency, attempt.current.key);
    },
    onSuccess: () => {
      setAmount('');
      attempt.current = undefined;
      void queries.invalidateQueries({ queryKey: ['wallet', currency] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (minor && minor > 0n && !tooMuch) send.mutate(minor);
  };
  return (
    <Stack asChild gap={3} maxW="md">
      <form onSubmit={submit} noValidate>
        {send.isError && <ErrorState error={send.error} />}
        {send.isSuccess && (
          <Alert.Root status={send.data.status === 'FAILED' ? 'error' : 'success'} role="status">
            <Alert.Indicator />
            <Alert.Title>
              {send.data.status === 'PAID'
                ? `${formatMoney(send.data.amount, send.data.currency)} is on its way to your payout account.`
                : send.data.status === 'PENDING'
                  ? `${formatMoney(send.data.amount, send.data.currency)} will be sent ${send.data.waitingReason === 'balance_insufficient' ? "as soon as the platform's payout funds settle" : 'as soon as the payment provider answers'}.`
                  : `The withdrawal failed (${send.data.failureReason ?? 'refused'}); the money is back in your wallet.`}
            </Alert.Title>
          </Alert.Root>
        )}
        <Field.Root invalid={invalid || tooMuch}>
          <Field.Label>Amount to withdraw ({currency.toUpperCase()})</Field.Label>
          <Input
            inputMode="decimal"
            placeholder="10.00"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          {available !== undefined && !invalid && !tooMuch && (
            <Field.HelperText>
              Available to withdraw: {formatMoney(available, currency)}. Recent card top-ups are
              pending until they settle.
            </Field.HelperText>
          )}
          {invalid && <Field.ErrorText>Enter an amount such as 10 or 10.50.</Field.ErrorText>}
          {tooMuch && (
            <Field.ErrorText>
              At most {formatMoney(available, currency)} is available to withdraw now.
            </Field.ErrorText>
          )}
        </Field.Root>
        <Button
          type="submit"
          colorPalette="teal"
          alignSelf="start"
          loading={send.isPending}
          disabled={!minor || minor <= 0n || tooMuch}
        >
          Withdraw
        </Button>
      </form>
    </Stack>
  );
}

function WithdrawalList({ currency }: { currency: string }) {
  const list = useWithdrawals(currency);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  if (list.isPending) return <Loading what="your withdrawals" />;
  if (list.isError) return <ErrorState error={list.error} retry={() => void list.refetch()} />;
  if (rows.length === 0) return <Empty>No withdrawals yet.</Empty>;
  return (
    <>
      <WideTable label="Withdrawals">
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader>Date</Table.ColumnHeader>
            <Table.ColumnHeader textAlign="end">Amount</Table.ColumnHeader>
            <Table.ColumnHeader>Status</Table.ColumnHeader>
            <Table.ColumnHeader>Reference</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((w) => (
            <Table.Row key={w.id} data-testid="withdrawal-row">
              <Table.Cell>{formatDateTime(w.createdAt)}</Table.Cell>
              <Table.Cell textAlign="end">{formatMoney(w.amount, w.currency)}</Table.Cell>
              <Table.Cell>
                <StatusBadge status={w.status} />
                {w.failureReason && (
                  <Text fontSize="sm" color="fg.muted">
                    {w.failureReason}
                  </Text>
                )}
                {w.status === 'PENDING' && w.waitingReason && (
                  <Text fontSize="sm" color="fg.muted" data-testid="waiting-reason">
                    {WAITING[w.waitingReason] ?? 'Waiting to be sent; retried automatically.'}
                  </Text>
                )}
                {w.amountReversed > 0 && (
                  <Text fontSize="sm" color="fg.muted">
                    {formatMoney(w.amountReversed, w.currency)} reversed, back in your wallet
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell>{w.id}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
      <ShowMore query={list} label="Show more withdrawals" />
    </>
  );
}
