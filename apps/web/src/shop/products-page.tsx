import { Button, Card, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import { Link as RouterLink } from 'react-router';
import { formatMoney } from '../lib/format';
import { Empty, ErrorState, Loading, Page } from '../shell/page';
import { useProducts } from './queries';
import { ShowMore } from '../shell/show-more';

export function ProductsPage() {
  const q = useProducts();
  const products = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Page title="Shop">
      {q.isPending ? (
        <Loading what="products" />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : products.length === 0 ? (
        <Empty>No products are on sale yet. Merchants add them from their products page.</Empty>
      ) : (
        <Stack gap={6}>
          <SimpleGrid columns={{ base: 1, sm: 2, lg: 3 }} gap={4}>
            {products.map((p) => (
              <Card.Root key={p.id} data-testid="product-card">
                <Card.Body gap={2}>
                  <Card.Title>{p.name}</Card.Title>
                  <Text color="fg.muted" lineClamp={2}>
                    {p.description || 'No description.'}
                  </Text>
                  <Text fontWeight="bold" fontSize="lg">
                    {formatMoney(p.price, p.currency)}
                  </Text>
                  <Text fontSize="sm" color={p.availableUnits > 0 ? 'fg.muted' : 'red.700'}>
                    {p.availableUnits > 0 ? `${p.availableUnits} in stock` : 'Sold out'}
                  </Text>
                </Card.Body>
                <Card.Footer>
                  <Button asChild variant="outline" colorPalette="teal">
                    <RouterLink to={`/products/${p.id}`} aria-label={`View ${p.name}`}>
                      View
                    </RouterLink>
                  </Button>
                </Card.Footer>
              </Card.Root>
            ))}
          </SimpleGrid>
          <ShowMore query={q} />
        </Stack>
      )}
    </Page>
  );
}
