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
//   field is dropped from `required`. Each entry says why; entries that turn out to be no-ops
//   are reported when the script runs.
// - `currentKeys`: the top-level keys of each kind in fixtures3.json (today's example objects),
//   so tests can check the sandbox emits every field today's API has.
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
  'account',
  'transfer',
  'balance',
  'balance_transaction',
  'payout',
  'error',
];

/** Fields required in 2023 but absent from today's objects (and the SDK's types). */
const RELAXATIONS = {
  invoice: {
    // 2025-03-31 (basil): paid_out_of_band was removed; tax amounts moved to `total_taxes`.
    dropRequired: ['paid_out_of_band', 'total_tax_amounts'],
  },
  line_item: {
    // basil: `proration` moved under `parent.subscription_item_details`; `type` was removed.
    dropRequired: ['proration', 'type'],
  },
  product: {
    // `features` was renamed `marketing_features` in 2024-04-10.
    dropRequired: ['features'],
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
    const unused = relax.dropRequired.filter((f) => !schema.required.includes(f));
    if (unused.length > 0)
      console.warn(`${name}: not required in the spec anyway: ${unused.join(', ')}`);
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
