// The 3-D Secure challenge page `next_action.redirect_to_url.url` points at. A browser (or a
// test acting as one) loads it and submits one of its two forms.
import type { FastifyInstance } from 'fastify';
import type { Engine } from '../engine';
import { finishAuthentication } from '../resources/payment-flow';
import { finishSetupAuthentication } from '../resources/setup-intents';
import { escapeHtml, page } from './html';

export function registerThreeDSecure(app: FastifyInstance, engine: Engine): void {
  app.get<{ Params: { id: string } }>('/_sandbox/3ds/:id', (req, reply) => {
    const id = req.params.id;
    const intent = engine.store.find('payment_intent', id) ?? engine.store.find('setup_intent', id);
    if (intent === undefined)
      return reply.code(404).type('text/html').send(page('Not found', '<p>Unknown intent.</p>'));
    const action = `/_sandbox/3ds/${escapeHtml(id)}`;
    const body =
      intent.status === 'requires_action'
        ? `<h1>3-D Secure authentication</h1><p>Authenticate ${escapeHtml(id)}?</p>
<form method="post" action="${action}"><input type="hidden" name="result" value="approve"><button type="submit" id="approve">Complete authentication</button></form>
<form method="post" action="${action}"><input type="hidden" name="result" value="fail"><button type="submit" id="fail">Fail authentication</button></form>`
        : `<h1>Nothing to authenticate</h1><p>${escapeHtml(id)} has status ${escapeHtml(intent.status)}.</p>`;
    return reply.type('text/html').send(page('3-D Secure', body));
  });

  app.post<{ Params: { id: string }; Body: { result?: string } }>(
    '/_sandbox/3ds/:id',
    (req, reply) => {
      const id = req.params.id;
      const approved = req.body?.result === 'approve';
      const returnUrl = engine.store.internal.threeDS[id]?.returnUrl ?? null;
      const pi = engine.store.find('payment_intent', id);
      const si = pi === undefined ? engine.store.find('setup_intent', id) : undefined;
      if (pi === undefined && si === undefined)
        return reply.code(404).type('text/html').send(page('Not found', '<p>Unknown intent.</p>'));
      let status: string;
      let secret: string | null;
      if (pi !== undefined) {
        finishAuthentication(engine, pi, approved);
        status = pi.status;
        secret = pi.client_secret;
      } else {
        finishSetupAuthentication(engine, si!, approved);
        status = si!.status;
        secret = si!.client_secret;
      }
      engine.changed();
      const ok = status === 'succeeded' || status === 'requires_capture' || status === 'processing';
      if (returnUrl === null) {
        return reply
          .type('text/html')
          .send(
            page(
              'Done',
              `<h1>Authentication ${ok ? 'complete' : 'failed'}</h1><p id="status">${escapeHtml(status)}</p>`,
            ),
          );
      }
      const url = new URL(returnUrl);
      const kind = pi !== undefined ? 'payment_intent' : 'setup_intent';
      url.searchParams.set(kind, id);
      url.searchParams.set(`${kind}_client_secret`, secret ?? '');
      url.searchParams.set('redirect_status', ok ? 'succeeded' : 'failed');
      return reply.redirect(url.toString(), 303);
    },
  );
}
