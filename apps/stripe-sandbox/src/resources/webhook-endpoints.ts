import type Stripe from 'stripe';
import { API_VERSION } from '../engine';
import { invalidRequest } from '../protocol/errors';
import { newId, randomToken } from '../protocol/ids';
import { paginate } from '../protocol/list';
import { del, get, post, type ResourceModule } from '../router';

export function newWebhookSecret(): string {
  return `whsec_${randomToken(32)}`;
}

export const webhookEndpoints: ResourceModule = {
  routes: [
    post('/webhook_endpoints', (engine, { p }) => {
      p.allowOnly(['url', 'enabled_events', 'description', 'metadata', 'api_version', 'connect']);
      const url = p.reqStr('url');
      if (!/^https?:\/\//.test(url))
        throw invalidRequest('Invalid URL: must be http or https.', 'url', 'url_invalid');
      const enabled = p.strings('enabled_events');
      if (enabled === undefined || enabled.length === 0) {
        throw invalidRequest(
          'Missing required param: enabled_events.',
          'enabled_events',
          'parameter_missing',
        );
      }
      const endpoint: Stripe.WebhookEndpoint = {
        id: newId('we'),
        object: 'webhook_endpoint',
        api_version: p.str('api_version') ?? API_VERSION,
        application: null,
        created: engine.now(),
        description: p.str('description') ?? null,
        enabled_events: enabled,
        livemode: false,
        metadata: p.metadata(),
        status: 'enabled',
        url,
      };
      engine.store.insert('webhook_endpoint', endpoint);
      const secret = newWebhookSecret();
      engine.store.internal.endpointSecrets[endpoint.id] = secret;
      // The secret is revealed only in the create response, as on Stripe.
      return { ...endpoint, secret };
    }),
    get('/webhook_endpoints/:id', (engine, { params }) =>
      engine.store.get('webhook_endpoint', params.id ?? '', 'webhook_endpoint'),
    ),
    post('/webhook_endpoints/:id', (engine, { params, p }) => {
      p.allowOnly(['url', 'enabled_events', 'description', 'metadata', 'disabled']);
      const endpoint = engine.store.get('webhook_endpoint', params.id ?? '', 'webhook_endpoint');
      if (p.has('url')) endpoint.url = p.reqStr('url');
      const enabled = p.strings('enabled_events');
      if (enabled !== undefined) endpoint.enabled_events = enabled;
      if (p.has('description')) endpoint.description = p.nullableStr('description') ?? null;
      const disabled = p.bool('disabled');
      if (disabled !== undefined) endpoint.status = disabled ? 'disabled' : 'enabled';
      endpoint.metadata = p.metadata(endpoint.metadata);
      return endpoint;
    }),
    del('/webhook_endpoints/:id', (engine, { params }) => {
      const endpoint = engine.store.get('webhook_endpoint', params.id ?? '', 'webhook_endpoint');
      engine.store.remove('webhook_endpoint', endpoint.id);
      delete engine.store.internal.endpointSecrets[endpoint.id];
      engine.store.internal.deleted[endpoint.id] = 'webhook_endpoint';
      const gone: Stripe.DeletedWebhookEndpoint = {
        id: endpoint.id,
        object: 'webhook_endpoint',
        deleted: true,
      };
      return gone;
    }),
    get('/webhook_endpoints', (engine, { p }) =>
      paginate(engine.store.all('webhook_endpoint'), '/v1/webhook_endpoints', p),
    ),
  ],
};
