import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import helmet from '@fastify/helmet';
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, type ExtraModules } from './app.module';
import {
  cardEntryCsp,
  cardEntryOf,
  EmbeddedSandbox,
  PROVIDER_SETUP,
  type ProviderSetup,
} from './payments';
import { clientErrorHandler, frameworkErrors } from './platform/http/client-errors';
import { HttpErrorFilter } from './platform/http/http-error.filter';
import { registerInputGuard } from './platform/http/input-guard';
import { acceptJsonBodiesOnly } from './platform/http/json-body';
import { setupOpenApi } from './platform/http/openapi';
import { serveStatic } from './platform/http/static-files';
import { createValidationPipe } from './platform/http/validation';
import { newId } from './platform/ids/ids';
import { runAfterListen } from './platform/listen/after-listen';
import { listenAddress } from './platform/listen/listen-address';
import type { Logger } from './platform/logging/logger';
import { reservePort } from './platform/net';
import type { Runtime } from './platform/runtime';
import { discoverUpgradeRoutes } from './platform/ws/discover-routes';
import { attachUpgradeRoutes, type UpgradeServer } from './platform/ws/upgrade-server';

export interface RunningApp {
  app: NestFastifyApplication;
  url: string;
  port: number;
  /** Every route the server answers, as registered (for the OpenAPI completeness test and debugging). */
  routes: { method: string; url: string }[];
  /** The embedded Stripe sandbox, when no STRIPE_SECRET_KEY is configured. */
  sandboxUrl?: string;
  /** Stops accepting requests, drains in-flight ones, then releases the runtime. */
  close(): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Nest's own messages (route mapping, lifecycle) go to pino at debug level. */
function nestLogger(logger: Logger): LoggerService {
  const child = logger.child({ component: 'nest' });
  return {
    log: (m: unknown) => child.debug(String(m)),
    error: (m: unknown, trace?: unknown) => child.error({ trace }, String(m)),
    warn: (m: unknown) => child.warn(String(m)),
    debug: (m: unknown) => child.debug(String(m)),
    verbose: (m: unknown) => child.trace(String(m)),
  };
}

function webRoot(): string | undefined {
  const base = resolve(__dirname, '..', '..', 'web');
  // dist/ once built; until then a page that says how to build it (the server runs from source in
  // tests and in development).
  return [join(base, 'dist'), join(base, 'fallback')].find((d) =>
    existsSync(join(d, 'index.html')),
  );
}

export interface StartOptions {
  /** Extra Nest modules to mount (tests mount probe controllers this way; production passes none). */
  extraModules?: ExtraModules;
}

export async function startApp(runtime: Runtime, options: StartOptions = {}): Promise<RunningApp> {
  const { config } = runtime;
  // The port first: its address is then a plain value every module can inject (LISTEN_ADDRESS),
  // and a port in use fails before anything is built.
  const reserved = await reservePort(config.port, config.host);
  let built: Built | undefined;
  try {
    built = await createApp(runtime, reserved.port, options);
    return await listen(built, runtime, reserved);
  } catch (err) {
    await reserved.release();
    await built?.app.close();
    throw err;
  }
}

interface Built {
  app: NestFastifyApplication;
  routes: { method: string; url: string }[];
}

async function createApp(runtime: Runtime, port: number, options: StartOptions): Promise<Built> {
  const { config, logger, metrics } = runtime;
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    requestIdHeader: false,
    // On close: finish in-flight requests, drop idle keep-alive sockets so shutdown is not held open.
    forceCloseConnections: 'idle',
    // The router's and Node's HTTP parser's refusals in the one error shape too (client-errors.ts).
    frameworkErrors,
    clientErrorHandler: clientErrorHandler(logger),
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId('request');
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(runtime, listenAddress(config, port), options.extraModules),
    adapter,
    {
      rawBody: true,
      logger: nestLogger(logger),
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  const routes: { method: string; url: string }[] = [];
  fastify.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, url: r.url });
  });

  fastify.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  fastify.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  // U+0000 and over-deep JSON in any param, query or body: a 400 before anything else runs.
  registerInputGuard(fastify);

  // The card entry's origins only (payments/card-entry.ts): the sandbox's card form and 3-D Secure page as
  // frames (a frame coming back to us after 3-D Secure needs 'self'), or Stripe.js and its API.
  const card = cardEntryCsp(cardEntryOf(config, app.get<ProviderSetup>(PROVIDER_SETUP)));
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...card.scriptSrc],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameSrc: ["'self'", ...card.frameSrc],
        connectSrc: ["'self'", ...card.connectSrc],
      },
    },
  });
  app.enableCors({
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalPipes(createValidationPipe());

  const web = webRoot();
  // Client-side routes fall back to index.html; the server's own paths are never shadowed.
  if (web)
    serveStatic(fastify, {
      root: web,
      prefix: '',
      spaFallback: true,
      reserved: ['api', 'docs', 'health', 'metrics', 'openapi.json', '_sandbox', 'ocpp'],
    });
  setupOpenApi(app);

  await app.init();
  // The API speaks JSON only: any other body type is a 415, not a string that fails validation.
  acceptJsonBodiesOnly(fastify);
  return { app, routes };
}

/**
 * Every module's WebSocket routes on the same port (discovered, so nothing here names a module),
 * then listen, then every module's after-listen work. Close undoes it in order: WebSocket
 * connections, then the app (in-flight requests, then providers' shutdown hooks such as the
 * sandbox), then the runtime.
 */
async function listen(
  { app, routes }: Built,
  runtime: Runtime,
  reserved: { port: number; release(): Promise<void> },
): Promise<RunningApp> {
  const { config, logger, rateLimiter } = runtime;
  const fastify = app.getHttpAdapter().getInstance();
  const upgrades: UpgradeServer = attachUpgradeRoutes(fastify.server, discoverUpgradeRoutes(app), {
    logger,
    rateLimiter,
  });
  const address = listenAddress(config, reserved.port);
  await reserved.release();
  try {
    await app.listen(address.port, config.host);
    await runAfterListen(app, address);
  } catch (err) {
    await upgrades.close(0);
    throw err;
  }

  let closing: Promise<void> | undefined;
  return {
    app,
    port: address.port,
    routes,
    url: address.url,
    sandboxUrl: app.get(EmbeddedSandbox).url,
    close: () =>
      (closing ??= (async () => {
        // A WebSocket is not an in-flight request: the HTTP close would not wait for it, nor end it.
        await upgrades.close(Math.floor(config.http.shutdownGraceMs / 4));
        // Node closes idle keep-alive sockets only once, when close starts; sockets of requests
        // still in flight go idle later and would hold shutdown open for the keep-alive timeout.
        const sweep = setInterval(() => fastify.server.closeIdleConnections(), 25);
        try {
          await app.close();
        } finally {
          clearInterval(sweep);
        }
        await runtime.close();
      })()),
  };
}
