import type { INestApplicationContext } from '@nestjs/common';
import { providersWith } from './discover';

/** Where the server listens, and the URL browsers reach it at (PUBLIC_URL or the listen address). */
export interface ListenAddress {
  host: string;
  port: number;
  url: string;
  publicUrl: string;
}

/**
 * Implemented by a provider that has work only once the port is open (e.g. starting a helper that
 * calls back into us). Bootstrap runs every one after listen, in module order, and waits for them
 * before the server counts as started; stopping is the provider's onApplicationShutdown.
 */
export interface AfterListen {
  afterListen(address: ListenAddress): void | Promise<void>;
}

export async function runAfterListen(
  app: INestApplicationContext,
  address: ListenAddress,
): Promise<void> {
  for (const hook of providersWith(app, 'afterListen') as unknown as AfterListen[])
    await hook.afterListen(address);
}
