import { Alert, Button, Flex, Stack, Text } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { formatDateTime, formatMoney } from '../lib/format';
import { Loaded, Page } from '../shell/page';
import { paymentOutcome } from './outcomes';

/**
 * Where a browser lands after 3-D Secure opened outside the app's frame (the server's return
 * redirects here): the payment as it now stands, read again until it settles.
 */
export function PaymentPage() {
  const { id = '' } = useParams();
  const payment = useQuery({
    queryKey: ['payment', id],
    queryFn: () => call(() => api.GET('/api/v1/payments/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => {
      const o = q.state.data && paymentOutcome(q.state.data);
      return o && o.kind !== 'authenticate' ? false : 2000;
    },
  });
  return (
    <Page title="Card payment">
      <Loaded query={payment} what="the payment">
        {(p) => {
          const o = paymentOutcome(p);
          return (
            <Stack gap={4}>
              {o?.kind === 'succeeded' ? (
                <Alert.Root status="success" role="status">
                  <Alert.Indicator />
                  <Alert.Title>Paid {formatMoney(p.amount, p.currency)}.</Alert.Title>
                </Alert.Root>
              ) : o?.kind === 'declined' ? (
                <Alert.Root status="error" role="alert">
                  <Alert.Indicator />
                  <Alert.Title>The card was declined: {o.reason}</Alert.Title>
                </Alert.Root>
              ) : (
                <Alert.Root status="info" role="status">
                  <Alert.Indicator />
                  <Alert.Title>Waiting for your bank's answer…</Alert.Title>
                </Alert.Root>
              )}
              <Text color="fg.muted">
                {formatMoney(p.amount, p.currency)}, started {formatDateTime(p.createdAt)}
              </Text>
              <Flex gap={3} wrap="wrap">
                <Button asChild variant="outline">
                  <Link to="/wallet">Go to your wallet</Link>
                </Button>
                <Button asChild variant="outline">
                  <Link to="/orders">Go to your orders</Link>
                </Button>
              </Flex>
            </Stack>
          );
        }}
      </Loaded>
    </Page>
  );
}
