import { Injectable } from '@nestjs/common';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { UserRow } from '../identity';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { resolveDayRange } from '../platform/http/day-range';
import { toJsonNumber } from '../platform/money';
import { chargers, chargingSessions, stations } from './charging.schema';
import { ownedBy } from './ownership';

const Id = z.string().min(1).max(64);

/**
 * `?stationId&companyId&from&to`: calendar days (inclusive, at most 366), each read in its
 * station's own time zone — a Berlin station's Monday is Berlin's Monday. Defaults: the last 30
 * days up to today (UTC).
 */
export const DailyStatsQuery = z.strictObject({
  stationId: Id.optional(),
  /** An admin may narrow to one company; an operator sees their own company's anyway. */
  companyId: Id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type DailyStatsQuery = z.infer<typeof DailyStatsQuery>;

export const DailyStatsView = z.object({
  from: z.string(),
  to: z.string(),
  /** Every station asked about (one, or all the actor's), days with sessions or not. */
  stations: z.array(
    z.object({ id: z.string(), name: z.string(), companyId: z.string(), timeZone: z.string() }),
  ),
  /** One row per station, local day and currency with at least one completed session. */
  days: z.array(
    z.object({
      stationId: z.string(),
      /** YYYY-MM-DD in the station's time zone, by when the session ended. */
      day: z.string(),
      currency: z.string(),
      sessions: z.number().int(),
      energyWh: z.number().int(),
      /** Captured from the drivers' cards (minor units); refunds and disputes are not deducted. */
      gross: z.number().int(),
      /** The platform's fee on it (each session's fee_bps, half up, as the ledger books it). */
      platformFee: z.number().int(),
      /** What the company earns: gross − platformFee. */
      net: z.number().int(),
    }),
  ),
});
export type DailyStatsView = z.infer<typeof DailyStatsView>;

interface Row extends Record<string, unknown> {
  station_id: string;
  day: string;
  currency: string;
  sessions: number;
  energy_wh: string;
  gross: string;
  fee: string;
}

/**
 * Energy and revenue per station per local day, from completed sessions: one aggregate over
 * charging_sessions (its partial index on charger and end time keeps a year of a station's days to
 * index range scans), grouped in SQL so no session is read into memory.
 */
@Injectable()
export class ChargingStats {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async daily(actor: UserRow, q: DailyStatsQuery): Promise<DailyStatsView> {
    if (actor.role !== 'ADMIN' && !(actor.role === 'OPERATOR' && actor.companyId))
      throw AppError.forbidden();
    const range = resolveDayRange({ from: q.from, to: q.to, timeZone: 'UTC' }, this.clock.now());
    const scope = and(
      isNull(stations.deletedAt),
      ownedBy(actor, stations.companyId),
      q.companyId ? eq(stations.companyId, q.companyId) : undefined,
      q.stationId ? eq(stations.id, q.stationId) : undefined,
    );
    const list = await this.database.db
      .select({
        id: stations.id,
        name: stations.name,
        companyId: stations.companyId,
        timeZone: stations.timeZone,
      })
      .from(stations)
      .where(scope)
      .orderBy(stations.name, stations.id);
    // Another company's station is as unknown as one that does not exist.
    if (q.stationId && list.length === 0) throw AppError.notFound('station', q.stationId);
    if (list.length === 0) return { from: range.from, to: range.to, stations: [], days: [] };

    const local = sql`(s.ended_at AT TIME ZONE st.time_zone)`;
    const result = await this.database.db.execute<Row>(sql`
      SELECT st.id AS station_id,
             to_char(${local}::date, 'YYYY-MM-DD') AS day,
             s.currency,
             count(*)::int AS sessions,
             coalesce(sum(s.energy_wh), 0)::text AS energy_wh,
             coalesce(sum(s.captured_amount), 0)::text AS gross,
             -- sessionFee(): captured × bps / 10 000, half up, per session (amounts are ≥ 0).
             coalesce(sum((coalesce(s.captured_amount, 0) * s.fee_bps + 5000) / 10000), 0)::text AS fee
      FROM ${stations} st
      JOIN ${chargers} c ON c.station_id = st.id
      JOIN ${chargingSessions} s ON s.charger_id = c.id
      WHERE st.id IN (${sql.join(
        list.map((s) => sql`${s.id}`),
        sql`, `,
      )})
        AND s.status = 'COMPLETED'
        AND s.ended_at >= (${range.from}::date)::timestamp AT TIME ZONE st.time_zone
        AND s.ended_at < (${range.to}::date + 1)::timestamp AT TIME ZONE st.time_zone
      GROUP BY 1, 2, 3
      ORDER BY 2, 1, 3`);
    return {
      from: range.from,
      to: range.to,
      stations: list,
      days: result.rows.map((r) => {
        const gross = BigInt(r.gross);
        const fee = BigInt(r.fee);
        return {
          stationId: r.station_id,
          day: r.day,
          currency: r.currency,
          sessions: r.sessions,
          energyWh: toJsonNumber(BigInt(r.energy_wh)),
          gross: toJsonNumber(gross),
          platformFee: toJsonNumber(fee),
          net: toJsonNumber(gross - fee),
        };
      }),
    };
  }
}
