// Extracts the object schemas the sandbox returns from Stripe's OpenAPI spec (4 MB, outside the
// repo) into test/spec/stripe-schemas.json (committed), so CI validates responses without it.
//
//   node apps/stripe-sandbox/scripts/extract-spec.mjs [path/to/spec3.yaml]
//
// Transformations, all deliberate:
// - OpenAPI 3.0 `nullable: true` becomes a JSON-Schema union with `null` (ajv does not read it).
// - Only the listed roots and their `$ref` closure are kept; refs point at `#/definitions/…`.
// - RELAXATIONS: the spec is API version 2023-08-16, the SDK (and so the sandbox) speaks
//   2026-10-28. Where a field was removed or moved since, the current SDK types win and the
//   field is dropped from `required`. Each entry says why.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const specPath = resolve(
  process.argv[2] ?? resolve(here, '../../../../shared/stripe/spec3-2023-08-16.yaml'),
);
const outPath = resolve(here, '../test/spec/stripe-schemas.json');
// Today's example objects (API 2026): their top-level keys are the current shape to match.
const fixturesPath = resolve(dirname(specPath), 'fixtures3.json');

export const ROOTS = [
  'customer',
  'deleted_customer',
  'payment_method',
  'setup_intent',
  'payment_intent',
  'charge',
  'refund',
  'dispute',
  'checkout.session',
  'item',
  'product',
  'deleted_product',
  'price',
  'plan',
  'subscription',
  'subscription_item',
  'invoice',
  'line_item',
  'event',
  'webhook_endpoint',
  'deleted_webhook_endpoint',
  'error',
];

/** Fields required in 2023 but absent from today's objects (and the SDK's types). */
const RELAXATIONS = {
  invoice: {
    // 2025-03-31 (basil) moved payment details to `payments`, subscription to `parent`, tax
    // amounts to `total_taxes`, and removed paid_out_of_band and quote references.
    dropRequired: [
      'charge',
      'discount',
      'paid_out_of_band',
      'quote',
      'subscription_proration_date',
      'tax',
      'total_tax_amounts',
      'application_fee_amount',
      'subscription_details',
      'rendering_options',
      'on_behalf_of',
      'from_invoice',
      'latest_revision',
    ],
  },
  line_item: {
    // basil: `price`, `plan`, `proration`, `type`, `tax_amounts`, `tax_rates`, `discount_amounts`
    // moved under `pricing` / `parent` / `taxes`.
    dropRequired: [
      'plan',
      'price',
      'proration',
      'proration_details',
      'tax_amounts',
      'tax_rates',
      'type',
      'amount_excluding_tax',
      'unit_amount_excluding_tax',
      'invoice_item',
      'subscription_item',
    ],
  },
  subscription: {
    // basil moved billing periods onto items; `discount` became `discounts`; `plan` and
    // `quantity` were removed from the top level long ago.
    dropRequired: ['discount', 'on_behalf_of', 'current_period_start', 'current_period_end'],
  },
  charge: {
    // Removed in 2022-11-15 (refunds only by expand) and basil (invoice).
    dropRequired: ['invoice', 'refunds', 'order'],
  },
  payment_intent: {
    // basil removed `invoice` from payment intents.
    dropRequired: ['invoice'],
  },
  'checkout.session': {
    // `shipping_details` moved to `collected_information` (2024-09-30.acacia); shipping_rate
    // fields were folded into shipping_cost/shipping_options.
    dropRequired: ['shipping_details', 'shipping_rate', 'shipping'],
  },
  product: {
    // `features` was renamed `marketing_features` in 2024-04-10.
    dropRequired: ['features'],
  },
  customer: {
    // Never returned any more without `expand`.
    dropRequired: ['discount'],
  },
};

function nullableToJsonSchema(node) {
  if (Array.isArray(node)) return node.map(nullableToJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable' || k.startsWith('x-')) continue;
    out[k] = nullableToJsonSchema(v);
  }
  if (typeof out.$ref === 'string')
    out.$ref = out.$ref.replace('#/components/schemas/', '#/definitions/');
  if (node.nullable === true) {
    if (typeof out.type === 'string' && out.$ref === undefined && out.anyOf === undefined) {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function refsOf(node, acc) {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, acc));
  else if (node !== null && typeof node === 'object') {
    if (typeof node.$ref === 'string') acc.add(node.$ref.split('/').pop());
    Object.values(node).forEach((n) => refsOf(n, acc));
  }
  return acc;
}

const spec = parse(readFileSync(specPath, 'utf8'), { maxAliasCount: -1 });
const all = spec.components.schemas;
const keep = new Set();
const queue = [...ROOTS];
while (queue.length > 0) {
  const name = queue.pop();
  if (keep.has(name)) continue;
  if (all[name] === undefined) throw new Error(`schema ${name} not in spec`);
  keep.add(name);
  for (const r of refsOf(all[name], new Set())) if (!keep.has(r)) queue.push(r);
}

const definitions = {};
for (const name of [...keep].sort()) {
  const schema = nullableToJsonSchema(all[name]);
  const relax = RELAXATIONS[name];
  if (relax !== undefined && Array.isArray(schema.required)) {
    schema.required = schema.required.filter((f) => !relax.dropRequired.includes(f));
  }
  definitions[name] = schema;
}

const fixtures = JSON.parse(readFileSync(fixturesPath, 'utf8')).resources;
const currentKeys = {};
for (const name of ROOTS) {
  if (fixtures[name] !== undefined) currentKeys[name] = Object.keys(fixtures[name]).sort();
}

mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(
  outPath,
  JSON.stringify({
    source: 'spec3-2023-08-16.yaml + fixtures3.json',
    roots: ROOTS,
    relaxations: RELAXATIONS,
    currentKeys,
    definitions,
  }),
);
console.log(`wrote ${keep.size} schemas to ${outPath}`);
