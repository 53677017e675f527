// Connect accounts: just enough for a platform to pay sellers by transfer. There is no onboarding:
// an account is created as if its owner had already completed Express/Custom onboarding, so
// transfers to it succeed — unless it was created with `metadata[sandbox_fail_transfers]=true`,
// which leaves its `transfers` capability inactive (see transfers.ts).
import type Stripe from 'stripe';
import type { Engine } from '../engine';
import { dict } from '../protocol/dict';
import { invalidRequest } from '../protocol/errors';
import { newId } from '../protocol/ids';
import { createdFilter, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { get, post, type ResourceModule } from '../router';

/** The sandbox's test flag (metadata, so it round-trips through any SDK unchanged). */
export const FAIL_TRANSFERS_FLAG = 'sandbox_fail_transfers';

function requirements(due: string[]): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: due,
    disabled_reason: due.length > 0 ? 'requirements.past_due' : null,
    errors: [],
    eventually_due: due,
    past_due: due,
    pending_verification: [],
  };
}

/** Requested capabilities (`capabilities[transfers][requested]=true`); default: transfers. */
function requestedCapabilities(p: ParamReader): string[] {
  const caps = p.obj('capabilities');
  if (caps === undefined) return ['transfers'];
  const names = Object.keys(caps.raw);
  for (const name of names) {
    const c = caps.obj(name);
    c?.allowOnly(['requested']);
  }
  return names.filter((n) => caps.obj(n)?.bool('requested') === true);
}

function createAccount(engine: Engine, p: ParamReader): Stripe.Account {
  p.allowOnly([
    'type',
    'country',
    'email',
    'business_type',
    'capabilities',
    'default_currency',
    'metadata',
  ]);
  const type = p.oneOf('type', ['express', 'custom', 'standard'] as const);
  if (type === undefined) {
    // Today's API also accepts `controller` instead; the sandbox only knows the classic types.
    throw invalidRequest('Missing required param: type.', 'type', 'parameter_missing');
  }
  const country = (p.str('country') ?? 'US').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    throw invalidRequest(`Invalid country: ${country}`, 'country', 'parameter_invalid_string');
  }
  const metadata = p.metadata();
  const failing = metadata[FAIL_TRANSFERS_FLAG] === 'true';
  // Capability names are the client's (`capabilities[<name>]`).
  const capabilities = dict<'active' | 'inactive'>();
  for (const name of requestedCapabilities(p)) {
    capabilities[name] = failing && name === 'transfers' ? 'inactive' : 'active';
  }
  const id = newId('acct').slice(0, 21);
  const due = failing ? ['external_account'] : [];
  const account: Stripe.Account = {
    id,
    object: 'account',
    business_profile: {
      annual_revenue: { amount: null, currency: null, fiscal_year_end: null },
      estimated_worker_count: null,
      mcc: null,
      minority_owned_business_designation: null,
      name: null,
      product_description: null,
      specified_commercial_transactions_act_url: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    },
    business_type:
      p.oneOf('business_type', [
        'company',
        'government_entity',
        'individual',
        'non_profit',
      ] as const) ?? null,
    capabilities,
    charges_enabled: !failing && capabilities.card_payments === 'active',
    controller: {
      fees: { payer: type === 'standard' ? 'account' : `application_${type}` },
      is_controller: true,
      losses: { payments: type === 'standard' ? 'stripe' : 'application' },
      requirement_collection: type === 'custom' ? 'application' : 'stripe',
      stripe_dashboard: {
        type: type === 'standard' ? 'full' : type === 'express' ? 'express' : 'none',
      },
      type: 'application',
    },
    country,
    created: engine.now(),
    default_currency: (
      p.str('default_currency') ?? (country === 'US' ? 'usd' : 'eur')
    ).toLowerCase(),
    details_submitted: true,
    email: p.str('email') ?? null,
    external_accounts: {
      object: 'list',
      data: [],
      has_more: false,
      url: `/v1/accounts/${id}/external_accounts`,
    },
    future_requirements: requirements([]),
    metadata,
    payouts_enabled: !failing,
    requirements: requirements(due),
    settings: {
      // No bacs_debit_payments: the 2023 spec has its display_name non-nullable, today's is null.
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_issuing: { tos_acceptance: { date: null, ip: null } },
      card_payments: {
        decline_on: { avs_failure: false, cvc_failure: false },
        statement_descriptor_prefix: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      dashboard: { display_name: null, timezone: 'Etc/UTC' },
      invoices: { default_account_tax_ids: null, hosted_payment_method_save: 'offer' },
      payments: {
        statement_descriptor: null,
        statement_descriptor_kana: null,
        statement_descriptor_kanji: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      payouts: {
        debit_negative_balances: true,
        schedule: { delay_days: 2, interval: 'daily' },
        statement_descriptor: null,
      },
      sepa_debit_payments: {},
    },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type,
  };
  return engine.store.insert('account', account);
}

export const accounts: ResourceModule = {
  routes: [
    post('/accounts', (engine, { p }) => createAccount(engine, p)),
    get('/accounts/:id', (engine, { params }) =>
      engine.store.get('account', params.id ?? '', 'account'),
    ),
    get('/accounts', (engine, { p }) => {
      const created = createdFilter(p);
      return paginate(
        engine.store.all('account', (a) => created(a.created ?? 0)),
        '/v1/accounts',
        p,
      );
    }),
  ],
};
