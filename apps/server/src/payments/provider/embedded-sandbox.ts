import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { startSandboxWorker } from '@tender/stripe-sandbox';
import type { AfterListen } from '../../platform/listen/after-listen';
import { Logger } from '../../platform/logging/logger';
import { PROVIDER_SETUP, PUBLIC_URL, type PublicUrl } from '../payments.tokens';
import type { ProviderSetup } from './stripe-client';

/**
 * Without STRIPE_SECRET_KEY, the Stripe sandbox the SDK already points at, delivering webhooks to
 * our own endpoint. Started once the port is open (bootstrap runs every `afterListen`), so a
 * webhook it sends at once finds us listening; stopped after the HTTP server has closed.
 *
 * The sandbox runs on its own worker thread: it serves unauthenticated public pages, and nothing
 * sent to it may reach this process's objects (Object.prototype included) or occupy our event loop
 * (it rewrites its whole state file after changes). A thread, unlike a child process, dies with us
 * on SIGKILL, so no orphan is left writing the state file. Its log lines come back to our logger.
 */
@Injectable()
export class EmbeddedSandbox implements AfterListen, OnApplicationShutdown {
  private running?: { url: string; close(): Promise<void> };

  constructor(
    @Inject(PROVIDER_SETUP) private readonly setup: ProviderSetup,
    @Inject(PUBLIC_URL) private readonly publicUrl: PublicUrl,
    private readonly logger: Logger,
  ) {}

  /** The sandbox's base URL once started; undefined with real Stripe (or before listen). */
  get url(): string | undefined {
    return this.running?.url;
  }

  async afterListen(): Promise<void> {
    const sandbox = this.setup.sandbox;
    if (!sandbox || this.running) return;
    const log = this.logger.child({ component: 'stripe-sandbox' });
    this.running = await startSandboxWorker({
      port: sandbox.port,
      stateFile: sandbox.stateFile,
      webhookUrl: `${this.publicUrl.value}/api/v1/webhooks/stripe`,
      webhookSecret: sandbox.webhookSecret,
      logger: {
        info: (o, m) => log.debug(o, m),
        warn: (o, m) => log.warn(o, m),
        error: (o, m) => log.error(o, m),
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.close();
  }
}
