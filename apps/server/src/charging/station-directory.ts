import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { toJsonNumber } from '../platform/money';
import { chargers, connectors, stations, tariffs, type TariffRow } from './charging.schema';
import { priceSession } from './pricing';
import { TariffPeriodView, toTariffView } from './charging.view';
import { Tariffs } from './tariffs';
import { toPricingTariff } from './tariff-pricing';

/**
 * What a driver sees before starting, tax included (`priceSession`'s rates), with the tariff's
 * hold and periods: unit prices in 1/1000 of a minor unit, amounts in minor units.
 */
export const PublicPrice = z.object({
  currency: z.string(),
  energyPricePerKwh: z.number().int(),
  timePricePerMinute: z.number().int(),
  idlePricePerMinute: z.number().int(),
  idleGraceMinutes: z.number().int(),
  sessionFee: z.number().int(),
  taxRateBasisPoints: z.number().int(),
  taxInclusive: z.boolean(),
  /** Held on the card at the start; only the final cost is captured. */
  holdAmount: z.number().int(),
  periods: z.array(TariffPeriodView),
});

const PublicStationFields = {
  id: z.string(),
  name: z.string(),
  address: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  timeZone: z.string(),
};

export const PublicStation = z.object({
  ...PublicStationFields,
  /** Great-circle distance from the asked point, when one was given. */
  distanceMeters: z.number().int().nullable(),
  connectors: z.number().int(),
  /** Connectors a driver can start on now: Available on a charger that is online. */
  available: z.number().int(),
  price: PublicPrice.nullable(),
});
export type PublicStation = z.infer<typeof PublicStation>;

export const PublicConnector = z.object({
  id: z.string(),
  /** OCPP's connector number on its charger (1, 2, …), as printed on the charger. */
  connectorNumber: z.number().int(),
  type: z.string().nullable(),
  maxPowerW: z.number().int().nullable(),
  status: z.string(),
  chargerOnline: z.boolean(),
  available: z.boolean(),
  station: z.object(PublicStationFields),
  /** Null: the connector has no tariff, so it cannot be started. */
  price: PublicPrice.nullable(),
});
export type PublicConnector = z.infer<typeof PublicConnector>;

function publicPrice(row: TariffRow | undefined | null): z.infer<typeof PublicPrice> | null {
  if (!row) return null;
  const { rates } = priceSession(toPricingTariff(row), {
    energyWh: 0n,
    durationSeconds: 0n,
    idleStretches: [],
  });
  const view = toTariffView(row);
  return {
    currency: row.currency,
    energyPricePerKwh: toJsonNumber(rates.energyPerKwh.amount),
    timePricePerMinute: toJsonNumber(rates.timePerMinute.amount),
    idlePricePerMinute: toJsonNumber(rates.idlePerMinute.amount),
    idleGraceMinutes: rates.idleGraceMinutes,
    sessionFee: toJsonNumber(rates.sessionFee.minor),
    taxRateBasisPoints: row.taxRateBasisPoints,
    taxInclusive: row.taxInclusive,
    holdAmount: view.holdAmount,
    // The periods' prices as the rest: tax included (a tax-exclusive tariff stores them net).
    periods: view.periods.map((p, i) => ({
      ...p,
      energyPricePerKwh: toJsonNumber(rates.periods[i]!.energyPerKwh.amount),
      timePricePerMinute: toJsonNumber(rates.periods[i]!.timePerMinute.amount),
    })),
  };
}

const EARTH_RADIUS_M = 6_371_000;

/**
 * The public face of charging for drivers: stations near a point and a connector's page (the QR
 * code's link), without an account. Only what a driver at the charger could read off it: no
 * charge point identity, no company, no operator data.
 */
@Injectable()
export class StationDirectory {
  constructor(
    private readonly database: Database,
    private readonly tariffs: Tariffs,
  ) {}

  async near(q: { lat?: number; lng?: number; limit: number }): Promise<PublicStation[]> {
    const db = this.database.db;
    const distance =
      q.lat === undefined || q.lng === undefined
        ? sql<number | null>`NULL::float8`
        : sql<number>`${2 * EARTH_RADIUS_M} * asin(sqrt(
            power(sin(radians(${stations.latitude} - ${q.lat}) / 2), 2) +
            cos(radians(${q.lat})) * cos(radians(${stations.latitude})) *
            power(sin(radians(${stations.longitude} - ${q.lng}) / 2), 2)))`;
    const rows = await db
      .select({ station: stations, tariff: tariffs, distance })
      .from(stations)
      .leftJoin(tariffs, eq(tariffs.id, stations.tariffId))
      .where(isNull(stations.deletedAt))
      .orderBy(asc(distance), asc(stations.name), asc(stations.id))
      .limit(q.limit);
    if (rows.length === 0) return [];
    const counts = await db
      .select({
        stationId: chargers.stationId,
        total: sql<number>`count(*)::int`,
        available: sql<number>`count(*) FILTER (WHERE ${connectors.status} = 'AVAILABLE' AND ${chargers.online})::int`,
      })
      .from(connectors)
      .innerJoin(chargers, eq(chargers.id, connectors.chargerId))
      .where(
        and(
          inArray(
            chargers.stationId,
            rows.map((r) => r.station.id),
          ),
          isNull(chargers.deletedAt),
          isNull(connectors.deletedAt),
        ),
      )
      .groupBy(chargers.stationId);
    const byStation = new Map(counts.map((c) => [c.stationId, c]));
    return rows.map(({ station: s, tariff, distance: d }) => ({
      id: s.id,
      name: s.name,
      address: s.address,
      latitude: s.latitude,
      longitude: s.longitude,
      timeZone: s.timeZone,
      distanceMeters: d === null ? null : Math.round(Number(d)),
      connectors: byStation.get(s.id)?.total ?? 0,
      available: byStation.get(s.id)?.available ?? 0,
      price: publicPrice(tariff),
    }));
  }

  async connector(id: string): Promise<PublicConnector> {
    const db = this.database.db;
    const [row] = await db
      .select({ connector: connectors, charger: chargers, station: stations })
      .from(connectors)
      .innerJoin(chargers, eq(chargers.id, connectors.chargerId))
      .innerJoin(stations, eq(stations.id, chargers.stationId))
      .where(
        and(
          eq(connectors.id, id),
          isNull(connectors.deletedAt),
          isNull(chargers.deletedAt),
          isNull(stations.deletedAt),
        ),
      );
    if (!row) throw new AppError('not_found', 'connector_not_found', `No such connector: '${id}'`);
    const { connector: c, charger, station: s } = row;
    return {
      id: c.id,
      connectorNumber: c.connectorId,
      type: c.type,
      maxPowerW: c.maxPowerW,
      status: c.status,
      chargerOnline: charger.online,
      available: charger.online && c.status === 'AVAILABLE',
      station: {
        id: s.id,
        name: s.name,
        address: s.address,
        latitude: s.latitude,
        longitude: s.longitude,
        timeZone: s.timeZone,
      },
      price: publicPrice(await this.tariffs.forCharger(db, charger.id)),
    };
  }
}
