import type Stripe from 'stripe';
import { diff, type Engine } from '../engine';
import { invalidRequest } from '../protocol/errors';
import { newId } from '../protocol/ids';
import { createdFilter, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { del, get, post, type ResourceModule } from '../router';

const FIELDS = [
  'name',
  'description',
  'active',
  'metadata',
  'images',
  'url',
  'unit_label',
  'statement_descriptor',
  'tax_code',
  'shippable',
  'id',
  'default_price_data',
];

export function createProduct(engine: Engine, p: ParamReader): Stripe.Product {
  const now = engine.now();
  const product: Stripe.Product = {
    id: p.str('id') ?? newId('prod'),
    object: 'product',
    active: p.bool('active') ?? true,
    created: now,
    default_price: null,
    description: p.str('description') ?? null,
    images: p.strings('images') ?? [],
    livemode: false,
    marketing_features: [],
    metadata: p.metadata(),
    name: p.reqStr('name'),
    package_dimensions: null,
    shippable: p.bool('shippable') ?? null,
    statement_descriptor: p.str('statement_descriptor') ?? null,
    tax_code: p.str('tax_code') ?? null,
    tax_details: null,
    type: 'service',
    unit_label: p.str('unit_label') ?? null,
    updated: now,
    url: p.str('url') ?? null,
  };
  if (engine.store.find('product', product.id) !== undefined) {
    throw invalidRequest(`Product already exists.`, 'id', 'resource_already_exists');
  }
  engine.store.insert('product', product);
  engine.emit('product.created', product);
  return product;
}

export const products: ResourceModule = {
  routes: [
    post('/products', (engine, { p }) => {
      p.allowOnly(FIELDS);
      return createProduct(engine, p);
    }),
    get('/products/:id', (engine, { params }) =>
      engine.store.get('product', params.id ?? '', 'id'),
    ),
    post('/products/:id', (engine, { params, p }) => {
      p.allowOnly([
        ...FIELDS.filter((f) => f !== 'id' && f !== 'default_price_data'),
        'default_price',
      ]);
      const product = engine.store.get('product', params.id ?? '', 'id');
      const before = structuredClone(product);
      if (p.has('name')) product.name = p.reqStr('name');
      if (p.has('description')) product.description = p.nullableStr('description') ?? null;
      const active = p.bool('active');
      if (active !== undefined) product.active = active;
      if (p.has('default_price')) {
        const priceId = p.nullableStr('default_price') ?? null;
        if (priceId !== null) engine.store.referenced('price', priceId, 'default_price');
        product.default_price = priceId;
      }
      if (p.has('images')) product.images = p.strings('images') ?? [];
      if (p.has('url')) product.url = p.nullableStr('url') ?? null;
      if (p.has('unit_label')) product.unit_label = p.nullableStr('unit_label') ?? null;
      product.metadata = p.metadata(product.metadata);
      product.updated = engine.now();
      engine.emit('product.updated', product, diff(before, product));
      return product;
    }),
    del('/products/:id', (engine, { params }) => {
      const product = engine.store.get('product', params.id ?? '', 'id');
      if (engine.store.all('price', (pr) => pr.product === product.id).length > 0) {
        throw invalidRequest(
          'This product cannot be deleted because it has one or more user-created prices.',
          undefined,
          'product_has_prices',
        );
      }
      engine.store.remove('product', product.id);
      engine.store.internal.deleted[product.id] = 'product';
      engine.emit('product.deleted', product);
      const gone: Stripe.DeletedProduct = { id: product.id, object: 'product', deleted: true };
      return gone;
    }),
    get('/products', (engine, { p }) => {
      const active = p.bool('active');
      const ids = p.strings('ids');
      const created = createdFilter(p);
      const rows = engine.store.all(
        'product',
        (pr) =>
          (active === undefined || pr.active === active) &&
          (ids === undefined || ids.includes(pr.id)) &&
          created(pr.created),
      );
      return paginate(rows, '/v1/products', p);
    }),
  ],
};
