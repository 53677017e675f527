import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/**
 * Every provider instance with a `method`, once each, the way Nest finds onModuleInit: a module
 * takes part by implementing the interface, and nothing central lists modules. Needs the
 * DiscoveryModule in the app; request-scoped providers have no instance and are skipped.
 */
export function providersWith<K extends string>(
  app: INestApplicationContext,
  method: K,
): Record<K, (...args: never[]) => unknown>[] {
  const found = new Set<Record<K, (...args: never[]) => unknown>>();
  for (const wrapper of app.get(DiscoveryService).getProviders()) {
    const instance: unknown = wrapper.isDependencyTreeStatic() ? wrapper.instance : undefined;
    if (typeof instance === 'object' && instance !== null && method in instance) {
      const candidate = instance as Record<K, unknown>;
      if (typeof candidate[method] === 'function')
        found.add(candidate as Record<K, (...args: never[]) => unknown>);
    }
  }
  return [...found];
}
