import { Alert, DataList, Link, Stack, Table } from '@chakra-ui/react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { formatDateTime, formatMoney } from '../lib/format';
import { BackLink, Empty, ErrorState, Loaded, Loading, Page } from '../shell/page';
import { SETTLED, useOrder, useOrders } from './queries';
import { OrderStatusBadge } from './status';
import { WideTable } from '../shell/wide-table';
import { ShowMore } from '../shell/show-more';

export function OrdersPage() {
  const q = useOrders();
  const orders = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Page title="Your orders">
      {q.isPending ? (
        <Loading what="your orders" />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : orders.length === 0 ? (
        <Empty>You have no orders yet. Products are in the shop.</Empty>
      ) : (
        <Stack gap={4}>
          <WideTable label="Your orders">
            <Table.Header>
              <Table.Row>
                {/* What a customer looks for first stays on a 375 px screen; the rest scrolls. */}
                <Table.ColumnHeader>Order</Table.ColumnHeader>
                <Table.ColumnHeader>Status</Table.ColumnHeader>
                <Table.ColumnHeader>Amount</Table.ColumnHeader>
                <Table.ColumnHeader>Date</Table.ColumnHeader>
                <Table.ColumnHeader>Paid by</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {orders.map((o) => (
                <Table.Row key={o.id} data-testid="order-row">
                  <Table.Cell>
                    <Link asChild color="teal.700">
                      <RouterLink to={`/orders/${o.id}`}>{o.id}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <OrderStatusBadge status={o.status} />
                  </Table.Cell>
                  <Table.Cell>{formatMoney(o.amount, o.currency)}</Table.Cell>
                  <Table.Cell>{formatDateTime(o.createdAt)}</Table.Cell>
                  <Table.Cell>{o.paymentMethod === 'WALLET' ? 'Wallet' : 'Card'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </WideTable>
          <ShowMore query={q} />
        </Stack>
      )}
    </Page>
  );
}

export function OrderPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const q = useOrder(id);
  const returned = params.get('checkout');
  return (
    <Loaded query={q} what="the order">
      {(o) => (
        <Page title={`Order ${o.id}`} actions={<OrderStatusBadge status={o.status} />}>
          {returned === 'cancel' && o.status !== 'COMPLETED' && (
            <Alert.Root status="warning">
              <Alert.Indicator />
              <Alert.Title>
                You left the payment page. Nothing was charged; the units are back on sale.
              </Alert.Title>
            </Alert.Root>
          )}
          {!SETTLED.includes(o.status) && (
            <Alert.Root status="info" role="status">
              <Alert.Indicator />
              <Alert.Title>
                Waiting for the payment to be confirmed… this page updates by itself.
              </Alert.Title>
            </Alert.Root>
          )}
          <DataList.Root
            orientation="horizontal"
            bg="white"
            p={4}
            borderRadius="md"
            borderWidth="1px"
          >
            {[
              ['Amount', formatMoney(o.amount, o.currency)],
              ['Quantity', String(o.quantity)],
              ['Paid by', o.paymentMethod === 'WALLET' ? 'Wallet' : 'Card (hosted checkout)'],
              ['Refunded', formatMoney(o.refundedAmount, o.currency)],
              ['Ordered', formatDateTime(o.createdAt)],
              ['Completed', formatDateTime(o.completedAt)],
              ...(o.failureReason ? [['Why it failed', o.failureReason]] : []),
            ].map(([k, v]) => (
              <DataList.Item key={k}>
                <DataList.ItemLabel>{k}</DataList.ItemLabel>
                <DataList.ItemValue>{v}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList.Root>
          <BackLink to="/orders">All your orders</BackLink>
        </Page>
      )}
    </Loaded>
  );
}
