import {
  Badge,
  Button,
  Field,
  Flex,
  Input,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@chakra-ui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, call } from '../api/client';
import { currencyExponent, parseMoney } from '../lib/format';
import { ConfirmDelete } from '../shell/confirm-delete';
import { BackLink, ErrorState, Loaded, Page } from '../shell/page';
import { Panel } from '../shell/panel';
import { useProduct, type Product } from '../shop/queries';
import { PRICE_CURRENCIES, useProductChange } from './queries';

interface Details {
  name: string;
  description: string;
  price: string;
  currency: string;
}

/** Minor units as the merchant would type them back ("12.50"): exact, from the integer. */
function priceText(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const digits = String(minor).padStart(exp + 1, '0');
  return exp ? `${digits.slice(0, -exp)}.${digits.slice(-exp)}` : digits;
}

/** Name, description, price and currency: the fields a product is created and edited with. */
function DetailFields({ value, onChange }: { value: Details; onChange: (d: Details) => void }) {
  const set = (k: keyof Details) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value });
  const minor = parseMoney(value.price, value.currency);
  const badPrice = value.price !== '' && (!minor || minor <= 0n);
  return (
    <>
      <Field.Root required invalid={value.name.trim() === '' && value.name !== ''}>
        <Field.Label>Name</Field.Label>
        <Input value={value.name} maxLength={200} onChange={set('name')} />
      </Field.Root>
      <Field.Root>
        <Field.Label>Description</Field.Label>
        <Textarea value={value.description} maxLength={5000} onChange={set('description')} />
      </Field.Root>
      <SimpleGrid columns={{ base: 1, sm: 2 }} gap={3}>
        <Field.Root required invalid={badPrice}>
          <Field.Label>Price</Field.Label>
          <Input
            inputMode="decimal"
            placeholder="19.99"
            value={value.price}
            onChange={set('price')}
          />
          {badPrice && <Field.ErrorText>Enter a price above zero, such as 19.99.</Field.ErrorText>}
        </Field.Root>
        <Field.Root required>
          <Field.Label>Currency</Field.Label>
          <NativeSelect.Root>
            <NativeSelect.Field value={value.currency} onChange={set('currency')}>
              {PRICE_CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c.toUpperCase()}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
      </SimpleGrid>
    </>
  );
}

/** The details as the API takes them, or undefined while something is missing or wrong. */
function toBody(d: Details) {
  const price = parseMoney(d.price, d.currency);
  if (!d.name.trim() || !price || price <= 0n) return undefined;
  return {
    name: d.name.trim(),
    description: d.description,
    price: Number(price),
    currency: d.currency,
  };
}

const wholeUnits = (text: string) => (/^\d{1,9}$/.test(text.trim()) ? Number(text) : undefined);

export function NewProductPage() {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [details, setDetails] = useState<Details>({
    name: '',
    description: '',
    price: '',
    currency: 'usd',
  });
  const [units, setUnits] = useState('10');
  const body = toBody(details);
  const initialUnits = wholeUnits(units);
  const create = useMutation({
    mutationFn: () =>
      call(() => api.POST('/api/v1/products', { body: { ...body!, initialUnits: initialUnits! } })),
    onSuccess: (p) => {
      void queries.invalidateQueries({ queryKey: ['merchant', 'products'] });
      void navigate(`/merchant/products/${p.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body && initialUnits !== undefined) create.mutate();
  };
  return (
    <Page title="New product">
      <Stack asChild gap={4} maxW="xl">
        <form onSubmit={submit} noValidate>
          {create.isError && <ErrorState error={create.error} />}
          <DetailFields value={details} onChange={setDetails} />
          <Field.Root required invalid={units !== '' && initialUnits === undefined}>
            <Field.Label>Units in stock</Field.Label>
            <Input
              inputMode="numeric"
              value={units}
              onChange={(e) => setUnits(e.target.value)}
              maxW="40"
            />
            <Field.HelperText>How many you can sell now; restock later.</Field.HelperText>
          </Field.Root>
          <Flex gap={3} wrap="wrap">
            <Button
              type="submit"
              colorPalette="teal"
              loading={create.isPending}
              disabled={!body || initialUnits === undefined}
            >
              Create product
            </Button>
            <Button variant="outline" onClick={() => void navigate('/merchant/products')}>
              Cancel
            </Button>
          </Flex>
        </form>
      </Stack>
    </Page>
  );
}

function EditDetails({ product }: { product: Product }) {
  const [details, setDetails] = useState<Details>({
    name: product.name,
    description: product.description,
    price: priceText(product.price, product.currency),
    currency: product.currency,
  });
  const change = useProductChange(product);
  const body = toBody(details);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body) change.mutate(body);
  };
  return (
    <Panel title="Details">
      <Stack asChild gap={3}>
        <form onSubmit={submit} noValidate>
          {change.isError && <ErrorState error={change.error} />}
          {change.isSuccess && <Text role="status">Saved.</Text>}
          <DetailFields value={details} onChange={setDetails} />
          <Button
            type="submit"
            colorPalette="teal"
            alignSelf="start"
            loading={change.isPending}
            disabled={!body}
          >
            Save changes
          </Button>
        </form>
      </Stack>
    </Panel>
  );
}

function Restock({ product }: { product: Product }) {
  const [units, setUnits] = useState('');
  const change = useProductChange(product);
  const addUnits = wholeUnits(units);
  const valid = addUnits !== undefined && addUnits >= 1;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) change.mutate({ addUnits }, { onSuccess: () => setUnits('') });
  };
  return (
    <Panel title="Stock">
      <Text data-testid="stock">
        {product.availableUnits} of {product.initialUnits} units available.
      </Text>
      <Stack asChild gap={3}>
        <form onSubmit={submit} noValidate>
          {change.isError && <ErrorState error={change.error} />}
          <Field.Root invalid={units !== '' && !valid}>
            <Field.Label>Units to add</Field.Label>
            <Input
              inputMode="numeric"
              value={units}
              onChange={(e) => setUnits(e.target.value)}
              maxW="40"
            />
            {units !== '' && !valid && (
              <Field.ErrorText>A whole number of at least 1.</Field.ErrorText>
            )}
          </Field.Root>
          <Button type="submit" alignSelf="start" loading={change.isPending} disabled={!valid}>
            Restock
          </Button>
        </form>
      </Stack>
    </Panel>
  );
}

function OnSale({ product }: { product: Product }) {
  const change = useProductChange(product);
  return (
    <Panel title="On sale">
      <Text>
        {product.isActive
          ? 'Customers can see and buy this product.'
          : 'Hidden from the shop: nobody can buy it until you put it back on sale.'}
      </Text>
      {change.isError && <ErrorState error={change.error} />}
      <Button
        alignSelf="start"
        variant="outline"
        loading={change.isPending}
        onClick={() => change.mutate({ isActive: !product.isActive })}
      >
        {product.isActive ? 'Take off sale' : 'Put on sale'}
      </Button>
    </Panel>
  );
}

function Remove({ product }: { product: Product }) {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      call(() => api.DELETE('/api/v1/products/{id}', { params: { path: { id: product.id } } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['merchant', 'products'] });
      void queries.invalidateQueries({ queryKey: ['products'] });
      void navigate('/merchant/products');
    },
  });
  return (
    <Panel title="Delete">
      <ConfirmDelete
        label="Delete product"
        question={`Delete “${product.name}”? It leaves the shop for good; its past orders stay.`}
        confirmLabel="Yes, delete it"
        onConfirm={() => remove.mutate()}
        pending={remove.isPending}
        error={remove.error}
      />
    </Panel>
  );
}

export function EditProductPage() {
  const { id = '' } = useParams();
  const q = useProduct(id);
  return (
    <Loaded query={q} what="the product">
      {(p) => (
        <Page
          title={p.name}
          actions={
            p.isActive ? <Badge colorPalette="green">Active</Badge> : <Badge>Inactive</Badge>
          }
        >
          <BackLink to="/merchant/products">All your products</BackLink>
          <SimpleGrid columns={{ base: 1, lg: 2 }} gap={4} alignItems="start">
            <EditDetails product={p} />
            <Stack gap={4}>
              <Restock product={p} />
              <OnSale product={p} />
              <Remove product={p} />
            </Stack>
          </SimpleGrid>
        </Page>
      )}
    </Loaded>
  );
}
