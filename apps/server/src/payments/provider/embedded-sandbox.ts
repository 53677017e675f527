import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startSandboxWorker } from '@tender/stripe-sandbox';
import type { Logger } from '../../platform/logging/logger';
import { PROVIDER_SETUP, PUBLIC_URL, type PublicUrl } from '../payments.tokens';
import type { ProviderSetup } from './stripe-client';

/**
 * Once the server listens, tells the payments core its public URL and — without STRIPE_SECRET_KEY —
 * starts the Stripe sandbox the SDK already points at, delivering webhooks to our own endpoint.
 * Started after listen because the webhook URL needs our port. Returns how to stop it.
 *
 * The sandbox runs on its own worker thread: it serves unauthenticated public pages, and nothing
 * sent to it may reach this process's objects (Object.prototype included) or occupy our event loop
 * (it rewrites its whole state file after changes). A thread, unlike a child process, dies with us
 * on SIGKILL, so no orphan is left writing the state file. Its log lines come back to our logger.
 */
export async function startPaymentsRuntime(
  app: NestFastifyApplication,
  url: string,
  logger: Logger,
): Promise<{ sandboxUrl?: string; close(): Promise<void> }> {
  const publicUrl = app.get<PublicUrl>(PUBLIC_URL);
  if (!publicUrl.value) publicUrl.value = url;
  const setup = app.get<ProviderSetup>(PROVIDER_SETUP);
  if (!setup.sandbox) return { close: () => Promise.resolve() };
  const log = logger.child({ component: 'stripe-sandbox' });
  const sandbox = await startSandboxWorker({
    port: setup.sandbox.port,
    stateFile: setup.sandbox.stateFile,
    webhookUrl: `${publicUrl.value}/api/v1/webhooks/stripe`,
    webhookSecret: setup.sandbox.webhookSecret,
    logger: {
      info: (o, m) => log.debug(o, m),
      warn: (o, m) => log.warn(o, m),
      error: (o, m) => log.error(o, m),
    },
  });
  return { sandboxUrl: sandbox.url, close: () => sandbox.close() };
}
