// The sandbox's stand-in for Stripe Elements' card field: a page a platform's web app frames in an
// iframe. The card number is typed here, on the sandbox's origin, and sent only to the sandbox's
// own `POST /v1/payment_methods` with a publishable key; the parent page receives the resulting
// `pm_…` id by postMessage (to its exact origin), never the number.
//
// Messages (all `{ type, … }`):
//   parent → frame  `tender:create-payment-method`   create a payment method from what is typed
//                   `tender:confirm-payment` { clientSecret }   create one and confirm that
//                                                     PaymentIntent with it (Stripe.js's
//                                                     confirmCardPayment): the publishable key
//                                                     and the client secret, from this origin
//                   `tender:card-ping`                answer `tender:card-ready` again (a parent
//                                                     that started listening after the first one)
//   frame → parent  `tender:card-ready`               the frame listens
//                   `tender:card-submit`              Enter pressed in the frame (parent may pay)
//                   `tender:payment-method` { paymentMethodId, brand, last4 }
//                   `tender:card-error` { code, message }   refused by the sandbox (incorrect_number, …)
//                   `tender:payment-result` { status, nextActionUrl }   the intent after the confirm
//                   `tender:payment-error` { code, declineCode, message }   the confirm was refused
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { page } from './html';

/** What the frame authenticates with: any `pk_test_…` key passes on payment method creation. */
export const SANDBOX_PUBLISHABLE_KEY = 'pk_test_tender_sandbox';

/**
 * The parent's origin as given (`?origin=`), only if it is exactly an http(s) origin — which also
 * means it holds no character that could break out of the script it is written into.
 */
function parentOrigin(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > 200) return undefined;
  try {
    const u = new URL(raw);
    const ok = (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === raw;
    return ok ? raw : undefined;
  } catch {
    return undefined;
  }
}

const FIELDS = `<form id="card" novalidate>
<label for="number">Card number</label><input id="number" name="number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required>
<div class="row">
<div><label for="exp">Expiry (MM/YY)</label><input id="exp" name="exp" inputmode="numeric" autocomplete="cc-exp" placeholder="12/30" required></div>
<div><label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" required></div>
</div>
<button type="submit" hidden>Pay</button>
</form>`;

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;padding:2px;color:#1a202c;background:transparent}
label{display:block;font-size:.875rem;font-weight:500;margin:.5rem 0 .25rem}
input{box-sizing:border-box;width:100%;padding:.5rem .6rem;font-size:1rem;border:1px solid #a0aec0;border-radius:.375rem;background:#fff}
input:focus{outline:2px solid #2c7a7b;outline-offset:0}.row{display:flex;gap:.75rem}.row>div{flex:1}`;

function script(origin: string, key: string): string {
  return `(() => {
const parentOrigin = ${JSON.stringify(origin)};
const key = ${JSON.stringify(key)};
const post = (msg) => window.parent.postMessage(msg, parentOrigin);
const value = (id) => document.getElementById(id).value.replace(/\\s+/g, '');
document.getElementById('card').addEventListener('submit', (e) => { e.preventDefault(); post({ type: 'tender:card-submit' }); });
const form = (params) => ({ method: 'POST', body: new URLSearchParams(params),
  headers: { authorization: 'Bearer ' + key, 'content-type': 'application/x-www-form-urlencoded' } });
const createMethod = async () => {
  const [month, year] = value('exp').split('/');
  const res = await fetch('/v1/payment_methods', form({ type: 'card', 'card[number]': value('number'),
    'card[exp_month]': month || '', 'card[exp_year]': year || '', 'card[cvc]': value('cvc') }));
  const json = await res.json();
  if (!res.ok) { post({ type: 'tender:card-error', code: json.error.code || 'invalid_request', message: json.error.message }); return null; }
  return json;
};
const confirm = async (secret) => {
  const pm = await createMethod();
  if (!pm) return;
  const id = String(secret).split('_secret_')[0];
  const res = await fetch('/v1/payment_intents/' + encodeURIComponent(id) + '/confirm',
    form({ client_secret: String(secret), payment_method: pm.id }));
  const json = await res.json();
  if (res.ok) post({ type: 'tender:payment-result', status: json.status,
    nextActionUrl: (json.next_action && json.next_action.redirect_to_url && json.next_action.redirect_to_url.url) || null });
  else post({ type: 'tender:payment-error', code: json.error.code || 'card_error',
    declineCode: json.error.decline_code || null, message: json.error.message });
};
window.addEventListener('message', async (e) => {
  if (e.origin !== parentOrigin || e.source !== window.parent) return;
  if (e.data && e.data.type === 'tender:card-ping') return post({ type: 'tender:card-ready' });
  try {
    if (e.data && e.data.type === 'tender:confirm-payment') return await confirm(e.data.clientSecret);
    if (!e.data || e.data.type !== 'tender:create-payment-method') return;
    const json = await createMethod();
    if (json) post({ type: 'tender:payment-method', paymentMethodId: json.id, brand: json.card.brand, last4: json.card.last4 });
  } catch {
    post({ type: 'tender:card-error', code: 'network', message: 'The card could not be checked. Try again.' });
  }
});
post({ type: 'tender:card-ready' });
})();`;
}

export function registerCardElement(app: FastifyInstance): void {
  app.get<{ Querystring: { origin?: unknown } }>('/_sandbox/elements/card', (req, reply) => {
    const origin = parentOrigin(req.query.origin);
    if (origin === undefined)
      return reply
        .code(400)
        .type('text/html')
        .send(page('Bad request', '<p>origin must be the http(s) origin of the framing page.</p>'));
    const nonce = randomBytes(16).toString('base64');
    // Tight: only the named parent may frame it, its one script runs, it talks to itself only.
    void reply.header(
      'content-security-policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; frame-ancestors ${origin}; form-action 'none'; base-uri 'none'`,
    );
    return reply.type('text/html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Card details</title><style nonce="${nonce}">${STYLE}</style></head>
<body>${FIELDS}<script nonce="${nonce}">${script(origin, SANDBOX_PUBLISHABLE_KEY)}</script></body></html>`);
  });
}
