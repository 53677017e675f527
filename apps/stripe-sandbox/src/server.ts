// HTTP layer: Stripe's wire protocol around the route table (auth, request ids, injected faults,
// idempotency, expand, error rendering), plus the browser pages and `/_sandbox` controls.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { API_VERSION, type Engine } from './engine';
import type { Faults } from './faults';
import type { Idempotency } from './idempotency';
import { StripeError, invalidRequest } from './protocol/errors';
import { dict } from './protocol/dict';
import { expand, type ExpandContext } from './protocol/expand';
import { canonical, parseForm, type Params } from './protocol/form';
import { checkLengths } from './protocol/limits';
import { randomToken } from './protocol/ids';
import { ParamReader } from './protocol/params';
import type { ResourceModule, Route } from './router';

export interface ServerDeps {
  engine: Engine;
  faults: Faults;
  idempotency: Idempotency;
  modules: ResourceModule[];
  registerExtras: (app: FastifyInstance) => void;
}

const MISSING_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

/**
 * Returns the API key, or throws Stripe's 401. Only test-mode secret/restricted keys pass, and a
 * test publishable key where the route allows one (`publishable`).
 */
export function authenticate(header: string | undefined, publishable = false): string {
  if (header === undefined || header === '') {
    throw new StripeError(401, { type: 'invalid_request_error', message: MISSING_KEY });
  }
  let key = '';
  if (header.startsWith('Bearer ')) key = header.slice(7).trim();
  else if (header.startsWith('Basic ')) {
    key = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0] ?? '';
  }
  const allowed = publishable ? /^(sk|rk|pk)_test_[A-Za-z0-9_]+$/ : /^(sk|rk)_test_[A-Za-z0-9_]+$/;
  if (!allowed.test(key)) {
    const masked = key.length > 8 ? `${key.slice(0, 8)}${'*'.repeat(4)}${key.slice(-4)}` : key;
    throw new StripeError(401, {
      type: 'invalid_request_error',
      message: `Invalid API Key provided: ${masked}`,
    });
  }
  return key;
}

/**
 * The connected account a `Stripe-Account` header acts as (null: the platform itself). One this
 * platform does not have is refused as Stripe refuses it.
 */
function connectedAccount(engine: Engine, header: unknown, apiKey: string): string | null {
  if (typeof header !== 'string' || header === '') return null;
  if (engine.store.find('account', header) === undefined) {
    const masked = `${apiKey.slice(0, 8)}${'*'.repeat(4)}${apiKey.slice(-4)}`;
    throw new StripeError(403, {
      type: 'invalid_request_error',
      code: 'account_invalid',
      message: `The provided key '${masked}' does not have access to account '${header}' (or that account does not exist). Application access may have been revoked.`,
    });
  }
  return header;
}

function send(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header('content-type', 'application/json').send(body);
}

/** The newest `max` entries by key (a Map keeps insertion order, so the first key is the oldest). */
class BoundedLog<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly max: number) {}
  add(key: string, value: T): void {
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
  get(key: string): T | undefined {
    return this.entries.get(key);
  }
}

const NEWEST_VERSION_DATE = API_VERSION.slice(0, 10);

/**
 * Whether Stripe would accept a `Stripe-Version` header: a real date from Stripe's first version to
 * the newest this SDK knows (a later or malformed one is refused, as Stripe refuses a version it
 * never released), a release name after it (`.clover`; for the newest version only its own), and
 * optional beta flags (`; feature_beta=v1`). Responses are rendered in the newest shape whatever it
 * says (docs/stripe-sandbox.md).
 */
export function acceptedVersion(header: string): boolean {
  const [version = '', ...betas] = header.split(';').map((part) => part.trim());
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:\.([a-z]+))?$/.exec(version);
  if (m === null || !betas.every((b) => /^[a-z_]+=v\d+$/.test(b))) return false;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return false;
  if (date < '2011-01-01' || date > NEWEST_VERSION_DATE) return false;
  return date !== NEWEST_VERSION_DATE || m[4] === undefined || version === API_VERSION;
}

export function buildServer(deps: ServerDeps): FastifyInstance {
  const { engine, faults, idempotency } = deps;
  const app = Fastify({
    logger: false,
    // Stripe's bracket syntax applies to query strings too (`expand[]=…`, `created[gte]=…`).
    routerOptions: { querystringParser: (s: string) => parseForm(s) },
    bodyLimit: 1024 * 1024,
  });
  // Every route, for `GET /_sandbox/routes`: tests that must cover every route read it there.
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => {
      try {
        done(null, parseForm(body as string));
      } catch {
        done(invalidRequest('Malformed form body'), undefined);
      }
    },
  );

  const expandCtx: ExpandContext = {
    resolve: (id) => engine.store.byId(id)?.obj,
    // Read with own-key checks (expand.ts): the field names looked up are the client's.
    virtuals: dict(
      Object.assign(
        {},
        ...deps.modules.map((m) => m.virtuals?.(engine) ?? {}),
      ) as ExpandContext['virtuals'],
    ),
  };

  app.addHook('onRequest', (req, reply, done) => {
    reply.header('request-id', `req_${randomToken(14)}`);
    // Stripe echoes the API version the request was rendered for.
    const version = req.headers['stripe-version'];
    reply.header(
      'stripe-version',
      typeof version === 'string' && version !== '' ? version : API_VERSION,
    );
    done();
  });

  // Every write is saved before its answer leaves: the API, the `/_sandbox` controls, and the
  // pages a browser posts to (3-D Secure, hosted checkout).
  app.addHook('onSend', (req, _reply, payload, done) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') engine.changed();
    done(null, payload);
  });

  // What `request_log_url` points at: the requests that failed, most recent only.
  const errorLog = new BoundedLog<object>(1000);
  app.get<{ Params: { id: string } }>('/_sandbox/logs/:id', (req, reply) => {
    const entry = errorLog.get(req.params.id);
    if (entry === undefined) {
      const err = invalidRequest(
        `No such request log: '${req.params.id}'`,
        'id',
        'resource_missing',
      );
      return send(reply, 404, JSON.stringify(err.toJSON(), null, 2));
    }
    return entry;
  });

  const handle = async (route: Route, req: FastifyRequest, reply: FastifyReply) => {
    const requestId = String(reply.getHeader('request-id'));
    const key = req.headers['idempotency-key'];
    const idemKey = route.method === 'POST' && typeof key === 'string' && key !== '' ? key : null;
    let apiKey = '';
    /** The idempotency key this request holds while it runs (released or completed after). */
    let claimed: string | null = null;
    try {
      apiKey = authenticate(req.headers.authorization, route.publishable === true);
      const version = req.headers['stripe-version'];
      if (typeof version === 'string' && version !== '' && !acceptedVersion(version)) {
        throw invalidRequest(`Invalid Stripe API version: ${version}`);
      }
      const raw: Params =
        route.method === 'POST' ? ((req.body as Params | undefined) ?? {}) : (req.query as Params);
      if (idemKey !== null) {
        if (idemKey.length > 255) {
          throw invalidRequest('Idempotency-Key must be at most 255 characters long.');
        }
        const claim = idempotency.claim(
          apiKey,
          idemKey,
          canonical({ m: route.method, u: req.url.split('?')[0], p: raw }),
        );
        if (claim.kind === 'replay') {
          reply.header('idempotent-replayed', 'true');
          if (claim.entry.requestId !== undefined) {
            reply.header('original-request', claim.entry.requestId);
          }
          return send(reply, claim.entry.status ?? 200, claim.entry.body ?? '{}');
        }
        claimed = idemKey;
      }
      const injected = await faults.take();
      if (injected !== null) {
        if (claimed !== null) idempotency.release(apiKey, claimed);
        claimed = null;
        return send(reply, injected.status, JSON.stringify(injected.toJSON(), null, 2));
      }
      checkLengths(route.method, route.path, raw);
      const scope = connectedAccount(engine, req.headers['stripe-account'], apiKey);
      const p = new ParamReader(raw);
      // Read before the handler runs, so a malformed `expand` fails before anything changes.
      const expandPaths = p.strings('expand') ?? [];
      engine.current = { requestId, idempotencyKey: idemKey };
      engine.store.scope = scope;
      let out: object;
      try {
        const run = () =>
          route.handler(engine, {
            params: req.params as Record<string, string>,
            p,
            publishable: apiKey.startsWith('pk_'),
          });
        // A read cannot change a record: what it looks at is not written back.
        const result = route.method === 'GET' ? engine.store.reading(run) : run();
        out = structuredClone(result);
        engine.store.reading(() => expand(out, expandPaths, expandCtx));
      } finally {
        engine.current = null;
        engine.store.scope = undefined;
      }
      const body = JSON.stringify(out, null, 2);
      if (claimed !== null) idempotency.complete(apiKey, claimed, 200, body, requestId);
      return send(reply, 200, body);
    } catch (err) {
      const stripeErr =
        err instanceof StripeError
          ? err
          : new StripeError(500, { type: 'api_error', message: 'An unknown error occurred' });
      if (!(err instanceof StripeError)) engine.logger.error({ err }, 'sandbox handler failed');
      const logUrl = `${engine.baseUrl}/_sandbox/logs/${requestId}`;
      errorLog.add(requestId, {
        id: requestId,
        method: route.method,
        path: req.url.split('?')[0] ?? '',
        status: stripeErr.status,
        error: stripeErr.body,
        at: engine.now(),
      });
      const body = JSON.stringify(stripeErr.toJSON(logUrl), null, 2);
      if (claimed !== null)
        idempotency.complete(apiKey, claimed, stripeErr.status, body, requestId);
      return send(reply, stripeErr.status, body);
    }
  };

  for (const mod of deps.modules) {
    for (const route of mod.routes) {
      app.route({
        method: route.method,
        url: `/v1${route.path}`,
        handler: (req, reply) => handle(route, req, reply),
      });
    }
  }

  deps.registerExtras(app);
  app.get('/_sandbox/routes', () => ({ object: 'list', data: routes }));

  app.setNotFoundHandler((req, reply) => {
    const err = invalidRequest(
      `Unrecognized request URL (${req.method}: ${req.url.split('?')[0]}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    );
    return send(reply, 404, JSON.stringify(err.toJSON(), null, 2));
  });
  app.setErrorHandler((err, _req, reply) => {
    const stripeErr =
      err instanceof StripeError
        ? err
        : invalidRequest(err instanceof Error ? err.message : 'Invalid request');
    return send(reply, stripeErr.status, JSON.stringify(stripeErr.toJSON(), null, 2));
  });
  return app;
}
