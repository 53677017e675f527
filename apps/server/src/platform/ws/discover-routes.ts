import type { INestApplicationContext } from '@nestjs/common';
import { providersWith } from '../listen/discover';
import { compilePath } from './path-pattern';
import type { ProvidesUpgradeRoutes, UpgradeRoute } from './upgrade-route';

/** Every module's upgrade routes; two routes on one path pattern are a startup error, not a race. */
export function discoverUpgradeRoutes(app: INestApplicationContext): UpgradeRoute<unknown>[] {
  const providers = providersWith(app, 'upgradeRoutes') as unknown as ProvidesUpgradeRoutes[];
  const routes = providers.flatMap((p) => p.upgradeRoutes());
  const seen = new Set<string>();
  for (const route of routes) {
    compilePath(route.path);
    const shape = route.path.replace(/:[^/]+/g, ':');
    if (seen.has(shape)) throw new Error(`two upgrade routes on ${route.path}`);
    seen.add(shape);
    if (route.subprotocols.length === 0)
      throw new Error(`upgrade route ${route.path} names no subprotocol`);
    const ownsMessages = route.onMessage !== undefined && route.mapError !== undefined;
    if (ownsMessages === (route.adopt !== undefined))
      throw new Error(`upgrade route ${route.path} needs onMessage and mapError, or adopt`);
  }
  return routes;
}
