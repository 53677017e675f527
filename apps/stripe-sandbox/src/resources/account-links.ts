// Account links: a single-use URL, valid five minutes, to the hosted onboarding page of an Express
// or Standard account (pages/onboarding.ts). Completing it clears the account's requirements and
// activates its capabilities, with `account.updated` — Connect's event, so it names the account.
import type Stripe from 'stripe';
import { diff, type Engine } from '../engine';
import { invalidRequest } from '../protocol/errors';
import { randomToken } from '../protocol/ids';
import type { ParamReader } from '../protocol/params';
import { post, type ResourceModule } from '../router';
import { FAIL_TRANSFERS_FLAG, requirements } from './accounts';

/** Stripe's account links expire a few minutes after they are created. */
export const LINK_TTL_S = 300;

function httpUrl(p: ParamReader, key: string): string {
  const raw = p.reqStr(key);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidRequest(`Not a valid URL`, key, 'url_invalid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidRequest(`Not a valid URL`, key, 'url_invalid');
  }
  return url.toString();
}

function createLink(engine: Engine, p: ParamReader): Stripe.AccountLink {
  p.allowOnly(['account', 'type', 'refresh_url', 'return_url', 'collect', 'collection_options']);
  const account = engine.store.referenced('account', p.reqStr('account'), 'account');
  const type = p.oneOf('type', ['account_onboarding', 'account_update'] as const);
  if (type === undefined) {
    throw invalidRequest('Missing required param: type.', 'type', 'parameter_missing');
  }
  const refreshUrl = httpUrl(p, 'refresh_url');
  const returnUrl = httpUrl(p, 'return_url');
  const token = randomToken(24);
  const created = engine.now();
  const expiresAt = created + LINK_TTL_S;
  engine.store.internal.accountLinks[token] = {
    account: account.id,
    refreshUrl,
    returnUrl,
    expiresAt,
    used: false,
  };
  return {
    object: 'account_link',
    created,
    expires_at: expiresAt,
    url: `${engine.baseUrl}/_sandbox/connect/onboarding/${token}`,
  };
}

/** The onboarding form's answers, already validated by the page. */
export interface OnboardingAnswers {
  firstName: string;
  lastName: string;
  email: string;
  url: string;
  accountNumberLast4: string;
  ip: string;
  userAgent: string;
}

/** What a completed onboarding does to the account (and its event). */
export function completeOnboarding(
  engine: Engine,
  account: Stripe.Account,
  answers: OnboardingAnswers,
): void {
  const before = structuredClone(account);
  const failing = account.metadata?.[FAIL_TRANSFERS_FLAG] === 'true';
  const caps = account.capabilities ?? {};
  for (const name of Object.keys(caps)) {
    (caps as Record<string, string>)[name] =
      failing && name === 'transfers' ? 'inactive' : 'active';
  }
  account.capabilities = caps;
  account.requirements = requirements(failing ? ['external_account'] : []);
  account.details_submitted = true;
  account.payouts_enabled = !failing;
  account.charges_enabled = caps.card_payments === 'active';
  if (account.business_type === null) account.business_type = 'individual';
  account.email = account.email ?? answers.email;
  account.business_profile = { ...account.business_profile!, url: answers.url, mcc: '5734' };
  account.tos_acceptance = {
    date: engine.now(),
    ip: answers.ip,
    user_agent: answers.userAgent,
  };
  account.external_accounts = {
    object: 'list',
    has_more: false,
    url: `/v1/accounts/${account.id}/external_accounts`,
    data: [
      {
        id: `ba_${randomToken(24)}`,
        object: 'bank_account',
        account: account.id,
        account_holder_name: `${answers.firstName} ${answers.lastName}`,
        account_holder_type: 'individual',
        account_type: null,
        available_payout_methods: ['standard'],
        bank_name: 'STRIPE TEST BANK',
        country: account.country ?? 'US',
        currency: account.default_currency ?? 'usd',
        default_for_currency: true,
        fingerprint: randomToken(16),
        future_requirements: null,
        last4: answers.accountNumberLast4,
        metadata: {},
        requirements: null,
        routing_number: '110000000',
        status: 'new',
      },
    ],
  };
  engine.emit('account.updated', account, diff(before, account), account.id);
}

export const accountLinks: ResourceModule = {
  routes: [post('/account_links', (engine, { p }) => createLink(engine, p))],
};
