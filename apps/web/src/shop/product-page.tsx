import { Button, Field, Flex, Input, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, call, newIdempotencyKey } from '../api/client';
import { formatMoney } from '../lib/format';
import { useSession } from '../session/store';
import { ErrorState, Loaded, Page } from '../shell/page';
import { useProduct, type Product } from './queries';

type Method = 'WALLET' | 'GATEWAY';

function Buy({ product }: { product: Product }) {
  const signedIn = useSession((s) => !!s.user);
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [quantity, setQuantity] = useState('1');
  // One key per attempt: a retry of the same purchase (a lost answer) cannot buy twice.
  const attempt = useRef<{ key: string; what: string } | undefined>(undefined);
  const qty = Number(quantity);
  const validQty = Number.isInteger(qty) && qty >= 1 && qty <= product.availableUnits;
  const buy = useMutation({
    mutationFn: (method: Method) => {
      const what = `${product.id}/${qty}/${method}`;
      if (attempt.current?.what !== what) attempt.current = { key: newIdempotencyKey(), what };
      return call(() =>
        api.POST('/api/v1/orders', {
          params: { header: { 'Idempotency-Key': attempt.current!.key } },
          body: { productId: product.id, quantity: qty, paymentMethod: method },
        }),
      );
    },
    onSuccess: (order) => {
      attempt.current = undefined;
      void queries.invalidateQueries({ queryKey: ['orders'] });
      void queries.invalidateQueries({ queryKey: ['wallet'] });
      // The hosted checkout is the provider's page: the card never touches Tender.
      if (order.checkoutUrl) window.location.assign(order.checkoutUrl);
      else void navigate(`/orders/${order.id}`);
    },
  });
  if (product.availableUnits === 0) return <Text color="red.700">Sold out.</Text>;
  if (!signedIn)
    return (
      <Button
        alignSelf="start"
        onClick={() => void navigate(`/login?next=/products/${product.id}`)}
      >
        Sign in to buy
      </Button>
    );
  return (
    <Stack gap={4} maxW="md">
      {buy.isError && <ErrorState error={buy.error} />}
      <Field.Root invalid={!validQty}>
        <Field.Label>Quantity</Field.Label>
        <Input
          inputMode="numeric"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          maxW="32"
        />
        {!validQty && <Field.ErrorText>Between 1 and {product.availableUnits}.</Field.ErrorText>}
      </Field.Root>
      <Text>
        Total: {validQty ? formatMoney(BigInt(product.price) * BigInt(qty), product.currency) : '—'}
      </Text>
      <Flex gap={3} wrap="wrap">
        <Button
          colorPalette="teal"
          disabled={!validQty || buy.isPending}
          loading={buy.isPending && buy.variables === 'WALLET'}
          onClick={() => buy.mutate('WALLET')}
        >
          Pay with wallet
        </Button>
        <Button
          variant="outline"
          colorPalette="teal"
          disabled={!validQty || buy.isPending}
          loading={buy.isPending && buy.variables === 'GATEWAY'}
          onClick={() => buy.mutate('GATEWAY')}
        >
          Pay by card
        </Button>
      </Flex>
    </Stack>
  );
}

export function ProductPage() {
  const { id = '' } = useParams();
  const q = useProduct(id);
  return (
    <Loaded query={q} what="the product">
      {(p) => (
        <Page title={p.name}>
          <Text>{p.description || 'No description.'}</Text>
          <Text fontSize="2xl" fontWeight="bold">
            {formatMoney(p.price, p.currency)}
          </Text>
          <Text color="fg.muted">{p.availableUnits} in stock</Text>
          <Buy product={p} />
        </Page>
      )}
    </Loaded>
  );
}
