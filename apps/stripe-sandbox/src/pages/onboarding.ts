// The hosted Connect onboarding page an account link opens. Opening a link uses it up (as Stripe's
// are single use): an expired or used link sends the browser to the link's refresh_url, where the
// platform makes a new one. The form is posted under its own short-lived token.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Engine } from '../engine';
import { randomToken } from '../protocol/ids';
import { completeOnboarding, LINK_TTL_S } from '../resources/account-links';
import { escapeHtml, page } from './html';

const FIELDS = [
  ['first_name', 'First name', 'text', 'Jenny'],
  ['last_name', 'Last name', 'text', 'Rosen'],
  ['email', 'Email', 'email', 'jenny@example.com'],
  ['dob', 'Date of birth', 'date', '1990-01-01'],
  ['phone', 'Phone', 'tel', '000 000 0000'],
  ['ssn_last_4', 'SSN last 4 (test: 0000)', 'text', '0000'],
  ['address_line1', 'Address', 'text', 'address_full_match'],
  ['url', 'Website', 'url', 'https://example.com'],
  ['routing_number', 'Routing number (test: 110000000)', 'text', '110000000'],
  ['account_number', 'Account number (test: 000123456789)', 'text', '000123456789'],
] as const;

type Answers = Partial<Record<(typeof FIELDS)[number][0], string>>;

function form(token: string, values: Answers, error: string | null): string {
  const inputs = FIELDS.map(
    ([name, label, type, placeholder]) =>
      `<label>${escapeHtml(label)}<input name="${name}" type="${type}" required placeholder="${escapeHtml(placeholder)}" value="${escapeHtml(values[name] ?? '')}"></label>`,
  ).join('\n');
  return `<h1>Set up payouts</h1><p>Test mode: use the test values shown.</p>
${error === null ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>`}
<form method="post" action="/_sandbox/connect/onboarding/form/${escapeHtml(token)}">${inputs}
<button type="submit" id="submit">Agree and submit</button></form>`;
}

/** The first thing wrong with the answers, in words; null when they complete onboarding. */
function problem(a: Answers): string | null {
  for (const [name, label] of FIELDS) {
    if ((a[name] ?? '').trim() === '') return `${label} is required.`;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.dob ?? '')) return 'Date of birth must be a date.';
  if (!/^\d{4}$/.test(a.ssn_last_4 ?? '')) return 'SSN last 4 must be four digits.';
  if (!/^https?:\/\/\S+$/.test(a.url ?? '')) return 'Website must be an http(s) URL.';
  if (a.routing_number !== '110000000') return 'Use the test routing number 110000000.';
  if (a.account_number !== '000123456789') return 'Use the test account number 000123456789.';
  return null;
}

const html = (reply: FastifyReply, status: number, title: string, body: string) =>
  reply.code(status).type('text/html').send(page(title, body));

export function registerOnboarding(app: FastifyInstance, engine: Engine): void {
  app.get<{ Params: { token: string } }>('/_sandbox/connect/onboarding/:token', (req, reply) => {
    const links = engine.store.internal.accountLinks;
    const link = Object.hasOwn(links, req.params.token) ? links[req.params.token] : undefined;
    if (link === undefined) return html(reply, 404, 'Not found', '<p>Unknown account link.</p>');
    if (link.used || link.expiresAt <= engine.now()) return reply.redirect(link.refreshUrl, 302);
    link.used = true;
    const token = randomToken(24);
    engine.store.internal.onboardingForms[token] = {
      account: link.account,
      returnUrl: link.returnUrl,
      expiresAt: engine.now() + 2 * LINK_TTL_S,
    };
    engine.changed();
    return html(reply, 200, 'Set up payouts', form(token, {}, null));
  });

  app.post<{ Params: { token: string }; Body: Answers | undefined }>(
    '/_sandbox/connect/onboarding/form/:token',
    (req, reply) => {
      const forms = engine.store.internal.onboardingForms;
      const entry = Object.hasOwn(forms, req.params.token) ? forms[req.params.token] : undefined;
      const account = entry && engine.store.find('account', entry.account);
      if (entry === undefined || entry.expiresAt <= engine.now() || account === undefined) {
        return html(
          reply,
          410,
          'Expired',
          '<p>This onboarding session has expired. Go back and start again.</p>',
        );
      }
      const answers = req.body ?? {};
      const wrong = problem(answers);
      if (wrong !== null)
        return html(reply, 400, 'Set up payouts', form(req.params.token, answers, wrong));
      delete forms[req.params.token];
      completeOnboarding(engine, account, {
        firstName: answers.first_name!.trim(),
        lastName: answers.last_name!.trim(),
        email: answers.email!.trim(),
        url: answers.url!.trim(),
        accountNumberLast4: answers.account_number!.slice(-4),
        ip: req.ip,
        userAgent: String(req.headers['user-agent'] ?? ''),
      });
      engine.changed();
      return reply.redirect(entry.returnUrl, 303);
    },
  );
}
