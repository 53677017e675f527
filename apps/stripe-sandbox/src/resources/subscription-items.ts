// Subscription items: their prices (as Stripe still mirrors them in the legacy `plan`), the lines
// they put on invoices, and item changes with prorations for the rest of the period.
import type Stripe from 'stripe';
import type { Engine } from '../engine';
import { invalidRequest, missingParam } from '../protocol/errors';
import { newId, refId } from '../protocol/ids';
import type { ParamReader } from '../protocol/params';
import type { Subscription } from '../types';
import { lineItem } from './invoices';
import { createPrice } from './prices';
import { prorate } from './subscription-billing';

function plan(price: Stripe.Price): Stripe.Plan {
  const rec = price.recurring!;
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    interval: rec.interval,
    interval_count: rec.interval_count,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: 'licensed',
  };
}

export function itemPrice(engine: Engine, p: ParamReader): Stripe.Price {
  const priceId = p.str('price');
  const price =
    priceId !== undefined
      ? engine.store.get('price', priceId, `${'items'}[price]`)
      : p.has('price_data')
        ? createPrice(engine, p.obj('price_data')!, 'items[price_data][product]')
        : undefined;
  if (price === undefined) throw missingParam('items[0][price]');
  if (price.recurring === null) {
    throw invalidRequest(
      `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`,
      'items[0][price]',
    );
  }
  return price;
}

export function newItem(
  engine: Engine,
  sub: Subscription,
  price: Stripe.Price,
  quantity: number,
  metadata: Stripe.Metadata,
): Stripe.SubscriptionItem {
  const item: Stripe.SubscriptionItem = {
    id: newId('si'),
    object: 'subscription_item',
    billing_thresholds: null,
    created: engine.now(),
    current_period_end: sub.current_period_end,
    current_period_start: sub.current_period_start,
    current_trial: null,
    discounts: [],
    metadata,
    plan: plan(price),
    price,
    quantity,
    subscription: sub.id,
    tax_rates: [],
  };
  engine.store.insert('subscription_item', item);
  return item;
}

export function describe(item: Stripe.SubscriptionItem, engine: Engine): string {
  const product = engine.store.find('product', refId(item.price.product) ?? '');
  return `${item.quantity ?? 1} × ${product?.name ?? item.price.id}`;
}

export function periodLines(engine: Engine, sub: Subscription): Stripe.InvoiceLineItem[] {
  return sub.items.data.map((item) =>
    lineItem(engine, sub, {
      amount: (item.price.unit_amount ?? 0) * (item.quantity ?? 1),
      quantity: item.quantity ?? 1,
      price: item.price,
      item: item.id,
      period: { start: sub.current_period_start, end: sub.current_period_end },
      proration: false,
      description: describe(item, engine),
    }),
  );
}

/** Applies item changes; returns proration lines for the rest of the current period. */
export function changeItems(
  engine: Engine,
  sub: Subscription,
  items: ParamReader[],
): Stripe.InvoiceLineItem[] {
  const now = engine.now();
  const period = sub.current_period_end - sub.current_period_start;
  const remaining = sub.current_period_end - now;
  const lines: Stripe.InvoiceLineItem[] = [];
  const line = (item: Stripe.SubscriptionItem, amount: number, what: string) =>
    lineItem(engine, sub, {
      amount,
      quantity: item.quantity ?? 1,
      price: item.price,
      item: item.id,
      period: { start: now, end: sub.current_period_end },
      proration: true,
      description: `${what} ${describe(item, engine)} after ${new Date(now * 1000).toISOString().slice(0, 10)}`,
    });
  for (const ip of items) {
    const itemId = ip.str('id');
    const existing = itemId === undefined ? undefined : sub.items.data.find((i) => i.id === itemId);
    if (itemId !== undefined && existing === undefined)
      throw invalidRequest(`No such subscription item: '${itemId}'`, 'items');
    if (existing !== undefined) {
      lines.push(
        line(
          existing,
          -prorate((existing.price.unit_amount ?? 0) * (existing.quantity ?? 1), remaining, period),
          'Unused time on',
        ),
      );
      if (ip.bool('deleted') === true) {
        sub.items.data = sub.items.data.filter((i) => i.id !== existing.id);
        engine.store.remove('subscription_item', existing.id);
        continue;
      }
      if (ip.has('price') || ip.has('price_data')) {
        existing.price = itemPrice(engine, ip);
        existing.plan = plan(existing.price);
      }
      existing.quantity = ip.int('quantity') ?? existing.quantity;
      existing.metadata = ip.metadata(existing.metadata);
      lines.push(
        line(
          existing,
          prorate((existing.price.unit_amount ?? 0) * (existing.quantity ?? 1), remaining, period),
          'Remaining time on',
        ),
      );
    } else {
      const item = newItem(
        engine,
        sub,
        itemPrice(engine, ip),
        ip.int('quantity') ?? 1,
        ip.metadata(),
      );
      sub.items.data.push(item);
      lines.push(
        line(
          item,
          prorate((item.price.unit_amount ?? 0) * (item.quantity ?? 1), remaining, period),
          'Remaining time on',
        ),
      );
    }
  }
  return lines;
}
