// Embeddable entry point: `startSandbox()` boots a Stripe-compatible server on a local port.
import type { AddressInfo } from 'node:net';
import { Clock } from './clock';
import { registerControls } from './controls';
import { Engine } from './engine';
import { Faults } from './faults';
import { Idempotency } from './idempotency';
import { silentLogger, type Logger } from './logger';
import { registerThreeDSecure } from './pages/three-d-secure';
import { registerCheckoutPage } from './pages/checkout-page';
import { registerCardElement } from './pages/card-element';
import { registerDocuments } from './pages/documents';
import { registerOnboarding } from './pages/onboarding';
import { balanceConfig, type BalanceConfig } from './fees';
import { accountLinks } from './resources/account-links';
import { accounts } from './resources/accounts';
import { balance } from './resources/balance';
import { charges } from './resources/charges';
import { checkout } from './resources/checkout';
import { customers } from './resources/customers';
import { events } from './resources/events';
import { invoices } from './resources/invoices';
import { paymentIntents } from './resources/payment-intents';
import { paymentMethods } from './resources/payment-methods';
import { payouts } from './resources/payouts';
import { prices } from './resources/prices';
import { products } from './resources/products';
import { refunds } from './resources/refunds';
import { searches } from './resources/search';
import { setupIntents } from './resources/setup-intents';
import { subscriptions } from './resources/subscriptions';
import { transferReversals } from './resources/transfer-reversals';
import { transfers } from './resources/transfers';
import { newWebhookSecret, webhookEndpoints } from './resources/webhook-endpoints';
import type { ResourceModule } from './router';
import { buildServer } from './server';
import { StateDb } from './state-db';
import { Store } from './store';
import { WebhookDispatcher, type Target } from './webhooks/dispatcher';

export interface SandboxOptions {
  host?: string;
  port?: number;
  stateFile?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  retryScheduleMs?: number[];
  logger?: Logger;
  /** Fees and settlement timing (fees.ts; defaults: Stripe's standard US pricing). */
  balance?: Partial<BalanceConfig>;
}

export interface RunningSandbox {
  url: string;
  port: number;
  webhookSecret: string;
  close(): Promise<void>;
}

/** Roughly Stripe's schedule: retries with growing gaps over about three days. */
export const DEFAULT_RETRY_SCHEDULE_MS = [
  60_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000, 36_000_000, 36_000_000,
  36_000_000, 36_000_000,
];

const ENV_ENDPOINT_ID = 'we_env';
const TICK_MS = 1000;
const EVENT_RETENTION_SECONDS = 30 * 24 * 3600;
const MAX_DELIVERY_RECORDS = 10_000;

export const MODULES: ResourceModule[] = [
  customers,
  paymentMethods,
  setupIntents,
  paymentIntents,
  charges,
  refunds,
  products,
  prices,
  // Invoices react to a payment before the subscription it belongs to does.
  invoices,
  subscriptions,
  checkout,
  accounts,
  accountLinks,
  transfers,
  transferReversals,
  balance,
  payouts,
  events,
  webhookEndpoints,
  searches,
];

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const logger = options.logger ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  const clock = new Clock();
  let store = new Store();
  if (options.stateFile !== undefined) {
    const opened = Store.open({
      db: new StateDb(options.stateFile),
      clockOffsetMs: () => clock.offset,
      onError: (err) => logger.error({ err }, 'could not save sandbox state'),
    });
    store = opened.store;
    clock.advance(opened.clockOffsetMs / 1000);
  }
  // The env endpoint's secret survives restarts so a receiver configured once keeps verifying.
  const webhookSecret =
    options.webhookSecret ?? store.internal.endpointSecrets[ENV_ENDPOINT_ID] ?? newWebhookSecret();
  store.internal.endpointSecrets[ENV_ENDPOINT_ID] = webhookSecret;
  const envTarget: Target | null =
    options.webhookUrl === undefined
      ? null
      : {
          id: ENV_ENDPOINT_ID,
          url: options.webhookUrl,
          secret: webhookSecret,
          enabledEvents: ['*'],
        };

  const engine = new Engine(store, clock, '', logger, envTarget);
  engine.balance = balanceConfig(options.balance);
  engine.dispatcher = new WebhookDispatcher(store, () => engine.webhookTargets(), {
    retryScheduleMs: options.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
    timeoutMs: 10_000,
    logger,
  });
  const faults = new Faults();
  const idempotency = new Idempotency(store, clock);
  engine.onTick(() => idempotency.prune());
  // Stripe keeps events for 30 days; the sandbox also bounds its delivery log.
  engine.onTick(() => {
    const cutoff = engine.now() - EVENT_RETENTION_SECONDS;
    for (const event of Object.values(store.raw(store.state.objects.event))) {
      if (event.created < cutoff) store.remove('event', event.id);
    }
    engine.dispatcher.prune(MAX_DELIVERY_RECORDS);
  });
  for (const mod of MODULES) mod.setup?.(engine);

  const app = buildServer({
    engine,
    faults,
    idempotency,
    modules: MODULES,
    registerExtras: (server) => {
      registerThreeDSecure(server, engine);
      registerCheckoutPage(server, engine);
      registerDocuments(server, engine);
      registerOnboarding(server, engine);
      registerCardElement(server);
      registerControls(server, {
        engine,
        faults,
        reset: () => {
          store.reset();
          store.internal.endpointSecrets[ENV_ENDPOINT_ID] = webhookSecret;
          clock.advance(-clock.offset / 1000);
          faults.clear();
          engine.dispatcher.flushReordered();
        },
      });
    },
  });

  await app.listen({ host, port: options.port ?? 0 });
  const port = (app.server.address() as AddressInfo).port;
  const publicHost =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${publicHost}:${port}`;
  engine.baseUrl = url;
  engine.dispatcher.resumePending();

  const ticker = setInterval(() => {
    try {
      engine.tick();
    } catch (err) {
      logger.error({ err }, 'sandbox tick failed');
    }
    store.commit();
  }, TICK_MS);
  ticker.unref();
  logger.info({ url, stateFile: options.stateFile ?? null }, 'stripe sandbox listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    webhookSecret,
    close: () => {
      closing ??= (async () => {
        clearInterval(ticker);
        await app.close();
        await engine.dispatcher.close();
        store.close();
      })();
      return closing;
    },
  };
}

export { startSandboxWorker, type SandboxWorker } from './worker-host';
export { fillOnboarding, TEST_ONBOARDING_ANSWERS } from './onboarding-client';
