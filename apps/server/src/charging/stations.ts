import { Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import { CompaniesService, type UserRow } from '../identity';
import { Clock } from '../platform/clock';
import { Database, type DbOrTx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import { chargers, stations, type StationRow } from './charging.schema';
import { toStationView, type StationView } from './charging.view';
import { companyFilter, companyForNew, ownedRow } from './ownership';
import { Tariffs } from './tariffs';

export interface StationFields {
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  tariffId?: string | null;
}

/** A company's charging stations. A station with live chargers cannot be deleted. */
@Injectable()
export class Stations {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly companies: CompaniesService,
    private readonly tariffs: Tariffs,
  ) {}

  async create(
    actor: UserRow,
    input: StationFields & { companyId?: string },
  ): Promise<StationView> {
    const { companyId: requested, ...fields } = input;
    const companyId = await companyForNew(this.companies, actor, requested);
    const db = this.database.db;
    if (fields.tariffId) await this.tariffs.assertUsable(db, companyId, fields.tariffId);
    const now = this.clock.now();
    const [row] = await db
      .insert(stations)
      .values({
        id: newId('station', now.getTime()),
        companyId,
        ...fields,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return toStationView(row!);
  }

  list(actor: UserRow, query: PageQuery & { companyId?: string }): Promise<Page<StationView>> {
    return selectPage(
      this.database.db.select().from(stations).$dynamic(),
      stations.id,
      query,
      [...companyFilter(actor, stations.companyId, query.companyId), isNull(stations.deletedAt)],
      toStationView,
    );
  }

  async get(actor: UserRow, id: string): Promise<StationView> {
    return toStationView(await this.owned(this.database.db, actor, id));
  }

  async update(actor: UserRow, id: string, patch: Partial<StationFields>): Promise<StationView> {
    const db = this.database.db;
    const station = await this.owned(db, actor, id);
    if (patch.tariffId) await this.tariffs.assertUsable(db, station.companyId, patch.tariffId);
    const [row] = await db
      .update(stations)
      .set({ ...patch, updatedAt: this.clock.now() })
      .where(eq(stations.id, id))
      .returning();
    return toStationView(row!);
  }

  async remove(actor: UserRow, id: string): Promise<void> {
    await this.database.db.transaction(async (tx) => {
      await this.owned(tx, actor, id, true);
      const [charger] = await tx
        .select({ id: chargers.id })
        .from(chargers)
        .where(and(eq(chargers.stationId, id), isNull(chargers.deletedAt)))
        .limit(1);
      if (charger)
        throw new AppError('conflict', 'station_has_chargers', 'Delete its chargers first');
      await tx.update(stations).set({ deletedAt: this.clock.now() }).where(eq(stations.id, id));
    });
  }

  /** A live station the actor may manage (404 otherwise); `lock` holds it for the transaction. */
  owned(db: DbOrTx, actor: UserRow, id: string, lock = false): Promise<StationRow> {
    return ownedRow(db, stations, actor, id, 'station', lock);
  }
}
