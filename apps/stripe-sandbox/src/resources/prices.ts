import type Stripe from 'stripe';
import { diff, type Engine } from '../engine';
import { invalidRequest, missingParam } from '../protocol/errors';
import { newId } from '../protocol/ids';
import { createdFilter, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { get, post, type ResourceModule } from '../router';
import { currencyParam } from './payment-intents';
import { createProduct } from './products';

/** Decimal fields travel as strings; the SDK turns them into its Decimal type on receipt. */
export function decimalString(n: number): Stripe.Decimal {
  return String(n) as unknown as Stripe.Decimal;
}

const INTERVALS = ['day', 'week', 'month', 'year'] as const;

/** Shared by `POST /v1/prices` and inline `price_data` (checkout, subscriptions). */
export function createPrice(engine: Engine, p: ParamReader, productParam: string): Stripe.Price {
  const unitAmount = p.amount('unit_amount');
  if (unitAmount === undefined) throw missingParam('unit_amount');
  let productId = p.str('product');
  if (productId !== undefined) engine.store.get('product', productId, productParam);
  else {
    const data = p.obj('product_data');
    if (data === undefined) throw missingParam(productParam);
    productId = createProduct(engine, data).id;
  }
  const rec = p.obj('recurring');
  let recurring: Stripe.Price.Recurring | null = null;
  if (rec !== undefined) {
    const interval = rec.oneOf('interval', INTERVALS);
    if (interval === undefined) throw missingParam('recurring[interval]');
    recurring = {
      interval,
      interval_count: rec.int('interval_count') ?? 1,
      meter: null,
      trial_period_days: null,
      usage_type: 'licensed',
    };
  }
  const price: Stripe.Price = {
    id: newId('price'),
    object: 'price',
    active: p.bool('active') ?? true,
    billing_scheme: 'per_unit',
    created: engine.now(),
    currency: currencyParam(p),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: p.str('lookup_key') ?? null,
    metadata: p.metadata(),
    nickname: p.str('nickname') ?? null,
    product: productId,
    recurring,
    tax_behavior:
      p.oneOf('tax_behavior', ['exclusive', 'inclusive', 'unspecified'] as const) ?? 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: recurring === null ? 'one_time' : 'recurring',
    unit_amount: unitAmount,
    unit_amount_decimal: decimalString(unitAmount),
  };
  if (
    price.lookup_key !== null &&
    engine.store.all('price', (x) => x.lookup_key === price.lookup_key).length > 0
  ) {
    throw invalidRequest(
      `A price (\`${price.lookup_key}\`) already uses that lookup key.`,
      'lookup_key',
    );
  }
  engine.store.insert('price', price);
  engine.emit('price.created', price);
  return price;
}

export const prices: ResourceModule = {
  routes: [
    post('/prices', (engine, { p }) => {
      p.allowOnly([
        'currency',
        'unit_amount',
        'product',
        'product_data',
        'recurring',
        'nickname',
        'lookup_key',
        'metadata',
        'active',
        'tax_behavior',
      ]);
      return createPrice(engine, p, 'product');
    }),
    get('/prices/:id', (engine, { params }) => engine.store.get('price', params.id ?? '', 'price')),
    post('/prices/:id', (engine, { params, p }) => {
      p.allowOnly(['active', 'nickname', 'lookup_key', 'metadata', 'tax_behavior']);
      const price = engine.store.get('price', params.id ?? '', 'price');
      const before = structuredClone(price);
      const active = p.bool('active');
      if (active !== undefined) price.active = active;
      if (p.has('nickname')) price.nickname = p.nullableStr('nickname') ?? null;
      if (p.has('lookup_key')) price.lookup_key = p.nullableStr('lookup_key') ?? null;
      price.metadata = p.metadata(price.metadata);
      engine.emit('price.updated', price, diff(before, price));
      return price;
    }),
    get('/prices', (engine, { p }) => {
      const product = p.str('product');
      const active = p.bool('active');
      const type = p.str('type');
      const keys = p.strings('lookup_keys');
      const created = createdFilter(p);
      const rows = engine.store.all(
        'price',
        (x) =>
          (product === undefined || x.product === product) &&
          (active === undefined || x.active === active) &&
          (type === undefined || x.type === type) &&
          (keys === undefined || (x.lookup_key !== null && keys.includes(x.lookup_key))) &&
          created(x.created),
      );
      return paginate(rows, '/v1/prices', p);
    }),
  ],
};
