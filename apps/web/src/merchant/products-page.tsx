import { Badge, Button, Field, Input, Link, Stack, Table } from '@chakra-ui/react';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { formatMoney } from '../lib/format';
import { useSettled } from '../lib/use-settled';
import { Empty, ErrorState, Loading, Page } from '../shell/page';
import { WideTable } from '../shell/wide-table';
import { useOwnProducts } from './queries';
import { ShowMore } from '../shell/show-more';

export function MerchantProductsPage() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useSettled(text);
  const list = useOwnProducts(q);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Page
      title="Your products"
      actions={
        <Button colorPalette="teal" onClick={() => void navigate('/merchant/products/new')}>
          New product
        </Button>
      }
    >
      <Field.Root maxW="md">
        <Field.Label>Search your products</Field.Label>
        <Input
          type="search"
          placeholder="Name or description"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Field.Root>
      {list.isPending ? (
        <Loading what="your products" />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>
          {q
            ? `None of your products matches “${q}”.`
            : 'You have no products yet. Create one with “New product”.'}
        </Empty>
      ) : (
        <Stack gap={4}>
          <WideTable label="Your products">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>Product</Table.ColumnHeader>
                <Table.ColumnHeader>Price</Table.ColumnHeader>
                <Table.ColumnHeader>In stock</Table.ColumnHeader>
                <Table.ColumnHeader>On sale</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((p) => (
                <Table.Row key={p.id} data-testid="merchant-product-row">
                  <Table.Cell>
                    <Link asChild color="teal.700">
                      <RouterLink to={`/merchant/products/${p.id}`}>{p.name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{formatMoney(p.price, p.currency)}</Table.Cell>
                  <Table.Cell>
                    {p.availableUnits} of {p.initialUnits}
                  </Table.Cell>
                  <Table.Cell>
                    {p.isActive ? (
                      <Badge colorPalette="green">Active</Badge>
                    ) : (
                      <Badge colorPalette="gray">Inactive</Badge>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </WideTable>
          <ShowMore query={list} />
        </Stack>
      )}
    </Page>
  );
}
