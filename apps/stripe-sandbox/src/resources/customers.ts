import type Stripe from 'stripe';
import { diff, type Engine } from '../engine';
import { newId } from '../protocol/ids';
import { createdFilter, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { del, get, post, type ResourceModule } from '../router';
import { address, resolvePaymentMethod, attach } from './payment-methods';

const FIELDS = [
  'email',
  'name',
  'description',
  'phone',
  'metadata',
  'payment_method',
  'invoice_settings',
  'address',
  'preferred_locales',
] as const;

function apply(engine: Engine, c: Stripe.Customer, p: ParamReader): void {
  if (p.has('email')) c.email = p.email('email') ?? null;
  if (p.has('name')) c.name = p.nullableStr('name') ?? null;
  if (p.has('description')) c.description = p.nullableStr('description') ?? null;
  if (p.has('phone')) c.phone = p.nullableStr('phone') ?? null;
  if (p.has('address')) c.address = address(p.obj('address'));
  if (p.has('preferred_locales')) c.preferred_locales = p.strings('preferred_locales') ?? [];
  c.metadata = p.metadata(c.metadata);
  const settings = p.obj('invoice_settings');
  if (settings?.has('default_payment_method')) {
    const pmId = settings.nullableStr('default_payment_method') ?? null;
    if (pmId !== null) {
      const pm = engine.store.get(
        'payment_method',
        pmId,
        'invoice_settings[default_payment_method]',
      );
      if (pm.customer !== c.id) attach(engine, pm, c.id);
    }
    c.invoice_settings = { ...c.invoice_settings, default_payment_method: pmId };
  }
}

export function createCustomer(engine: Engine, p: ParamReader): Stripe.Customer {
  p.allowOnly(FIELDS);
  const c: Stripe.Customer = {
    id: newId('cus'),
    object: 'customer',
    address: null,
    balance: 0,
    created: engine.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: newId('x').slice(2, 10).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  engine.store.insert('customer', c);
  const pmId = p.str('payment_method');
  if (pmId !== undefined)
    attach(engine, resolvePaymentMethod(engine, pmId, 'payment_method'), c.id);
  apply(engine, c, p);
  engine.emit('customer.created', c);
  return c;
}

export const customers: ResourceModule = {
  routes: [
    post('/customers', (engine, { p }) => createCustomer(engine, p)),
    get('/customers/:id', (engine, { params }) => {
      const deleted = engine.store.internal.deleted[params.id ?? ''];
      if (deleted === 'customer') return { id: params.id, object: 'customer', deleted: true };
      return engine.store.get('customer', params.id ?? '');
    }),
    post('/customers/:id', (engine, { params, p }) => {
      p.allowOnly(FIELDS.filter((f) => f !== 'payment_method'));
      const c = engine.store.get('customer', params.id ?? '');
      const before = structuredClone(c);
      apply(engine, c, p);
      engine.emit('customer.updated', c, diff(before, c));
      return c;
    }),
    del('/customers/:id', (engine, { params }) => {
      const c = engine.store.get('customer', params.id ?? '');
      // As on Stripe: deleting a customer ends its subscriptions and forgets its cards.
      for (const sub of engine.store.all(
        'subscription',
        (x) => x.customer === c.id && x.status !== 'canceled',
      )) {
        sub.status = 'canceled';
        sub.canceled_at = engine.now();
        sub.ended_at = engine.now();
        engine.emit('customer.subscription.deleted', sub);
      }
      for (const pm of engine.store.all('payment_method', (x) => x.customer === c.id)) {
        pm.customer = null;
        engine.emit('payment_method.detached', pm);
      }
      engine.store.remove('customer', c.id);
      engine.store.internal.deleted[c.id] = 'customer';
      engine.emit('customer.deleted', c);
      const gone: Stripe.DeletedCustomer = { id: c.id, object: 'customer', deleted: true };
      return gone;
    }),
    get('/customers', (engine, { p }) => {
      const email = p.str('email');
      const created = createdFilter(p);
      const rows = engine.store.all(
        'customer',
        (c) => (email === undefined || c.email === email) && created(c.created),
      );
      return paginate(rows, '/v1/customers', p);
    }),
  ],
};
