import type { INestApplicationContext } from '@nestjs/common';
import { providersWith } from './discover';
import type { ListenAddress } from './listen-address';

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
