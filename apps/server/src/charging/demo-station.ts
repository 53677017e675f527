import { eq } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/database/database';
import { newId } from '../platform/ids/ids';
import { chargers, connectors, stations, tariffs } from './charging.schema';
import { startSimulatedCharger, type SimulatedCharger } from './simulator/charger';

/** The charge point ids of the demo station: `npm run charger -- --id DEMO-CP-1` matches one. */
export const DEMO_CHARGE_POINTS = ['DEMO-CP-1', 'DEMO-CP-2'] as const;

/**
 * A station of the demo operator's company on the first start, so a newcomer can charge and pay
 * at once: two chargers of two Type 2 connectors (22 kW) under one tariff — €0.39/kWh, €0.05 a
 * minute idle after 15 minutes of grace, 19 % VAT included, a €50 hold. Nothing happens if the
 * company already has a station. Returns the station's id, or undefined when it had one.
 */
export async function seedDemoStation(
  database: Database,
  clock: Clock,
  companyId: string,
): Promise<string | undefined> {
  const now = clock.now();
  const t = now.getTime();
  return database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: stations.id })
      .from(stations)
      .where(eq(stations.companyId, companyId))
      .limit(1);
    if (existing) return undefined;
    const tariffId = newId('tariff', t);
    await tx.insert(tariffs).values({
      id: tariffId,
      companyId,
      name: 'Demo AC tariff',
      currency: 'eur',
      energyPricePerKwh: 39_000n, // 1/1000 of a cent: €0.39
      idlePricePerMinute: 5_000n,
      idleGraceMinutes: 15,
      taxRateBasisPoints: 1900,
      taxInclusive: true,
      holdAmount: 5_000n,
    });
    const stationId = newId('station', t);
    await tx.insert(stations).values({
      id: stationId,
      companyId,
      name: 'Demo Charging Hub',
      address: 'Alexanderplatz 1, 10178 Berlin',
      latitude: 52.5219,
      longitude: 13.4132,
      timeZone: 'Europe/Berlin',
      tariffId,
    });
    for (const ocppId of DEMO_CHARGE_POINTS) {
      const chargerId = newId('charger', t);
      await tx.insert(chargers).values({ id: chargerId, stationId, companyId, ocppId });
      await tx.insert(connectors).values(
        [1, 2].map((connectorId) => ({
          id: newId('connector', t),
          chargerId,
          companyId,
          connectorId,
          type: 'TYPE_2' as const,
          maxPowerW: 22_000,
        })),
      );
    }
    return stationId;
  });
}

/**
 * Connects the demo station's first charger, simulated in this process, to our own OCPP endpoint,
 * so the demo station has a charger online that answers remote starts and meters energy. A start
 * that cannot connect it (the charger was deleted, or its password set) is reported, not fatal.
 */
export async function connectDemoCharger(
  url: string,
): Promise<{ charger: SimulatedCharger } | { error: string }> {
  try {
    const charger = await startSimulatedCharger({
      url,
      chargePointId: DEMO_CHARGE_POINTS[0],
      connectors: 2,
      powerKw: 11,
      meterIntervalMs: 10_000,
    });
    return { charger };
  } catch (err) {
    const e = err as Error & { code?: unknown };
    return { error: `${e.message}${typeof e.code === 'number' ? ` (HTTP ${e.code})` : ''}` };
  }
}
