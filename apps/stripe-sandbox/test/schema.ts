// Validates sandbox objects against Stripe's published OpenAPI schemas (extracted by
// scripts/extract-spec.mjs into test/spec/stripe-schemas.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

interface Bundle {
  definitions: Record<string, object>;
  /** Top-level keys of today's example object per kind (from fixtures3.json). */
  currentKeys: Record<string, string[]>;
}

const bundle = JSON.parse(
  readFileSync(join(__dirname, 'spec', 'stripe-schemas.json'), 'utf8'),
) as Bundle;
// The schema closure is large (~600 definitions); skipping ajv's code optimiser makes compiling it
// several times faster, and validation speed does not matter here.
const ajv = new Ajv({
  strict: false,
  allErrors: true,
  inlineRefs: false,
  code: { optimize: false },
});
ajv.addFormat('unix-time', { type: 'number', validate: (n: number) => Number.isInteger(n) });
ajv.addFormat('decimal', /^-?\d+(\.\d+)?$/);
ajv.addSchema({ $id: 'stripe', definitions: bundle.definitions });

/** `object` value → schema name. */
const SCHEMA_OF: Record<string, string> = {
  customer: 'customer',
  payment_method: 'payment_method',
  setup_intent: 'setup_intent',
  payment_intent: 'payment_intent',
  charge: 'charge',
  refund: 'refund',
  dispute: 'dispute',
  'checkout.session': 'checkout.session',
  item: 'item',
  product: 'product',
  price: 'price',
  plan: 'plan',
  subscription: 'subscription',
  subscription_item: 'subscription_item',
  invoice: 'invoice',
  line_item: 'line_item',
  event: 'event',
  webhook_endpoint: 'webhook_endpoint',
  account: 'account',
  transfer: 'transfer',
  balance: 'balance',
  balance_transaction: 'balance_transaction',
  payout: 'payout',
  transfer_reversal: 'transfer_reversal',
};

const cache = new Map<string, ValidateFunction>();

function validator(name: string): ValidateFunction {
  let v = cache.get(name);
  if (v === undefined) {
    v = ajv.getSchema(`stripe#/definitions/${name}`);
    if (v === undefined) throw new Error(`no schema ${name}`);
    cache.set(name, v);
  }
  return v;
}

/** Keys today's Stripe object of this kind has that `obj` lacks. */
export function missingCurrentKeys(obj: Record<string, unknown>): string[] {
  const kind = SCHEMA_OF[String(obj.object)] ?? '';
  return (bundle.currentKeys[kind] ?? []).filter((k) => !(k in obj));
}

/** Problems with an error response body `{ error: … }` against Stripe's `error` schema. */
export function errorBodyErrors(body: unknown): string[] {
  const v = validator('error');
  return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Problems with `obj` (and, for lists and events, what they contain); [] when valid. */
export function schemaErrors(obj: unknown, where = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [`${where}: not an object`];
  const o = obj as { object?: string; deleted?: boolean; data?: unknown };
  if (o.object === 'list') {
    return (o.data as unknown[]).flatMap((item, i) => schemaErrors(item, `${where}.data[${i}]`));
  }
  let name = o.object === undefined ? undefined : SCHEMA_OF[o.object];
  if (name === undefined) return [`${where}: unknown object kind ${String(o.object)}`];
  if (o.deleted === true) name = `deleted_${name}`;
  const v = validator(name);
  const errors = v(obj)
    ? []
    : (v.errors ?? []).map(
        (e) => `${where}${e.instancePath} (${name}) ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
  if (o.object === 'event') {
    const inner = (o.data as { object: unknown }).object;
    errors.push(...schemaErrors(inner, `${where}.data.object`));
  }
  return errors;
}
