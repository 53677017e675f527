// Connect accounts. An Express or Standard account starts as Stripe's do: requirements due, nothing
// enabled, its requested capabilities inactive, until its owner completes the hosted onboarding an
// account link opens (account-links.ts, pages/onboarding.ts). Custom accounts, whose onboarding is
// the platform's own API work, are created enabled. `metadata[sandbox_fail_transfers]=true` keeps
// the `transfers` capability inactive even after onboarding (see transfers.ts).
import type Stripe from 'stripe';
import { diff, type Engine } from '../engine';
import { dict } from '../protocol/dict';
import { invalidRequest } from '../protocol/errors';
import { newId } from '../protocol/ids';
import { createdFilter, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { del, get, post, type ResourceModule } from '../router';

/** The sandbox's test flag (metadata, so it round-trips through any SDK unchanged). */
export const FAIL_TRANSFERS_FLAG = 'sandbox_fail_transfers';

/** What a new Express/Standard account must still provide (as Stripe lists it in test mode). */
export function onboardingDue(businessType: string | null): string[] {
  const who =
    businessType === 'individual'
      ? [
          'individual.address.city',
          'individual.address.line1',
          'individual.address.postal_code',
          'individual.address.state',
          'individual.dob.day',
          'individual.dob.month',
          'individual.dob.year',
          'individual.email',
          'individual.first_name',
          'individual.last_name',
          'individual.phone',
          'individual.ssn_last_4',
        ]
      : businessType === null
        ? ['business_type']
        : ['representative.first_name', 'representative.last_name'];
  return [
    'business_profile.mcc',
    'business_profile.url',
    ...who,
    'external_account',
    'tos_acceptance.date',
    'tos_acceptance.ip',
  ].sort();
}

export function requirements(due: string[]): Stripe.Account.Requirements {
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
  const businessType =
    p.oneOf('business_type', [
      'company',
      'government_entity',
      'individual',
      'non_profit',
    ] as const) ?? null;
  const onboarded = type === 'custom' && !failing;
  // Capability names are the client's (`capabilities[<name>]`).
  const capabilities = dict<'active' | 'inactive'>();
  for (const name of requestedCapabilities(p)) {
    capabilities[name] = onboarded ? 'active' : 'inactive';
  }
  const id = newId('acct').slice(0, 21);
  const due = onboarded
    ? []
    : type === 'custom'
      ? ['external_account']
      : onboardingDue(businessType);
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
    business_type: businessType,
    capabilities,
    charges_enabled: onboarded && capabilities.card_payments === 'active',
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
    details_submitted: onboarded,
    email: p.str('email') ?? null,
    external_accounts: {
      object: 'list',
      data: [],
      has_more: false,
      url: `/v1/accounts/${id}/external_accounts`,
    },
    future_requirements: requirements([]),
    // Stripe's `individual` is not shown to an Express platform; the sandbox never shows it.
    metadata,
    payouts_enabled: onboarded,
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
  engine.store.insert('account', account);
  return account;
}

function updateAccount(engine: Engine, id: string, p: ParamReader): Stripe.Account {
  p.allowOnly(['email', 'metadata', 'capabilities', 'default_currency', 'business_profile']);
  const account = engine.store.get('account', id, 'account');
  const before = structuredClone(account);
  if (p.has('email')) account.email = p.nullableStr('email') ?? null;
  account.metadata = p.metadata(account.metadata ?? {});
  if (p.has('default_currency'))
    account.default_currency = p.reqStr('default_currency').toLowerCase();
  const profile = p.obj('business_profile');
  if (profile !== undefined) {
    profile.allowOnly(['name', 'url', 'mcc', 'product_description', 'support_email']);
    const bp = account.business_profile!;
    if (profile.has('name')) bp.name = profile.nullableStr('name') ?? null;
    if (profile.has('url')) bp.url = profile.nullableStr('url') ?? null;
    if (profile.has('mcc')) bp.mcc = profile.nullableStr('mcc') ?? null;
    if (profile.has('product_description'))
      bp.product_description = profile.nullableStr('product_description') ?? null;
    if (profile.has('support_email'))
      bp.support_email = profile.nullableStr('support_email') ?? null;
  }
  if (p.has('capabilities')) {
    // A capability requested later starts inactive until the account is onboarded.
    const caps = account.capabilities ?? dict<'active' | 'inactive' | 'pending'>();
    for (const name of requestedCapabilities(p)) {
      if (!Object.hasOwn(caps, name))
        caps[name as keyof typeof caps] = account.details_submitted ? 'active' : 'inactive';
    }
    account.capabilities = caps;
  }
  const changes = diff(before, account);
  if (Object.keys(changes).length > 0) engine.emit('account.updated', account, changes, account.id);
  return account;
}

export const accounts: ResourceModule = {
  routes: [
    post('/accounts', (engine, { p }) => createAccount(engine, p)),
    get('/accounts/:id', (engine, { params }) => {
      if (engine.store.internal.deleted[params.id ?? ''] === 'account') {
        return { id: params.id, object: 'account', deleted: true };
      }
      return engine.store.get('account', params.id ?? '', 'account');
    }),
    post('/accounts/:id', (engine, { params, p }) => updateAccount(engine, params.id ?? '', p)),
    del('/accounts/:id', (engine, { params }) => {
      const account = engine.store.get('account', params.id ?? '', 'account');
      engine.store.remove('account', account.id);
      engine.store.internal.deleted[account.id] = 'account';
      return { id: account.id, object: 'account', deleted: true };
    }),
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
