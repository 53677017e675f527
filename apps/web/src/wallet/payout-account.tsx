import { Alert, Badge, Button, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { ErrorState, Loading } from '../shell/page';

export type PayoutAccountStatus = Awaited<ReturnType<typeof fetchStatus>>;

const fetchStatus = () => call(() => api.GET('/api/v1/wallet/payout-account'));

/**
 * The payout account's onboarding status. Back from the provider's form, the account.updated
 * webhook may still be on its way: the status is asked again every 2 s while it is pending.
 */
export function usePayoutAccount() {
  const [params] = useSearchParams();
  const returned = params.get('payouts') === 'return';
  return useQuery({
    queryKey: ['payout-account'],
    queryFn: fetchStatus,
    refetchInterval: (q) => (returned && q.state.data?.status === 'pending' ? 2000 : false),
  });
}

const LOOK = {
  not_started: { label: 'Not set up', palette: 'gray' },
  pending: { label: 'Setup not finished', palette: 'orange' },
  active: { label: 'Active', palette: 'green' },
} as const;

/** Status of the payout account, and the way to (finish) setting it up at the provider. */
export function PayoutAccountPanel({ account }: { account: ReturnType<typeof usePayoutAccount> }) {
  const [params] = useSearchParams();
  const back = params.get('payouts');
  const setUp = useMutation({
    mutationFn: () =>
      call(() => api.POST('/api/v1/wallet/payout-account/onboarding-link', { body: {} })),
    // The provider's hosted form; it sends the browser back to /wallet?payouts=return.
    onSuccess: (link) => window.location.assign(link.url),
  });
  if (account.isPending) return <Loading what="your payout account" />;
  if (account.isError)
    return <ErrorState error={account.error} retry={() => void account.refetch()} />;
  const a = account.data;
  const look = LOOK[a.status];
  return (
    <Stack gap={2} align="start" data-testid="payout-account-panel">
      <Text>
        Payout account:{' '}
        <Badge
          colorPalette={look.palette}
          variant="subtle"
          data-testid="payout-status"
          data-status={a.status}
        >
          {look.label}
        </Badge>
      </Text>
      {a.accountId && a.status === 'active' && (
        <Text fontSize="sm" color="fg.muted">
          Withdrawals go to{' '}
          <Text as="span" fontFamily="mono" data-testid="payout-account" overflowWrap="anywhere">
            {a.accountId}
          </Text>
        </Text>
      )}
      {back === 'refresh' && a.status !== 'active' && (
        <Alert.Root status="warning" role="status">
          <Alert.Indicator />
          <Alert.Title>The setup link expired or was already used. Start again below.</Alert.Title>
        </Alert.Root>
      )}
      {back === 'return' && a.status === 'pending' && (
        <Text role="status">Checking your payout account with the payment provider…</Text>
      )}
      {a.status !== 'active' && (
        <>
          <Text>
            {a.status === 'not_started'
              ? 'To withdraw, set up your payout account with our payment provider: it asks for your name, date of birth and bank account.'
              : `Your payout account setup is not finished${a.currentlyDue.length > 0 ? ` (${a.currentlyDue.length} details still needed)` : ''}. Withdrawals start once it is.`}
          </Text>
          {setUp.isError && <ErrorState error={setUp.error} />}
          <Button colorPalette="teal" loading={setUp.isPending} onClick={() => setUp.mutate()}>
            {a.status === 'not_started' ? 'Set up payouts' : 'Continue payout setup'}
          </Button>
        </>
      )}
    </Stack>
  );
}
