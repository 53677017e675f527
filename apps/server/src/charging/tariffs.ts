import { Injectable } from '@nestjs/common';
import { and, eq, isNull, or } from 'drizzle-orm';
import { CompaniesService, type UserRow } from '../identity';
import { Clock } from '../platform/clock';
import { Database, type DbOrTx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import { chargers, stations, tariffs, type StoredPeriod, type TariffRow } from './charging.schema';
import { toTariffView, type TariffView } from './charging.view';
import { companyFilter, companyForNew, ownedRow } from './ownership';

export interface TariffFields {
  name: string;
  currency: string;
  energyPricePerKwh: bigint;
  timePricePerMinute?: bigint;
  idlePricePerMinute?: bigint;
  idleGraceMinutes?: number;
  sessionFee?: bigint;
  taxRateBasisPoints?: number;
  taxInclusive?: boolean;
  holdAmount: bigint;
  periods?: StoredPeriod[];
}

/** A company's tariffs. A tariff in use by a station or charger cannot be deleted. */
@Injectable()
export class Tariffs {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly companies: CompaniesService,
  ) {}

  async create(actor: UserRow, input: TariffFields & { companyId?: string }): Promise<TariffView> {
    const { companyId: requested, ...fields } = input;
    const companyId = await companyForNew(this.companies, actor, requested);
    const now = this.clock.now();
    const [row] = await this.database.db
      .insert(tariffs)
      .values({
        id: newId('tariff', now.getTime()),
        companyId,
        ...fields,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return toTariffView(row!);
  }

  list(actor: UserRow, query: PageQuery & { companyId?: string }): Promise<Page<TariffView>> {
    return selectPage(
      this.database.db.select().from(tariffs).$dynamic(),
      tariffs.id,
      query,
      [...companyFilter(actor, tariffs.companyId, query.companyId), isNull(tariffs.deletedAt)],
      toTariffView,
    );
  }

  async get(actor: UserRow, id: string): Promise<TariffView> {
    return toTariffView(await this.owned(this.database.db, actor, id));
  }

  async update(actor: UserRow, id: string, patch: Partial<TariffFields>): Promise<TariffView> {
    await this.owned(this.database.db, actor, id);
    const [row] = await this.database.db
      .update(tariffs)
      .set({ ...patch, updatedAt: this.clock.now() })
      .where(eq(tariffs.id, id))
      .returning();
    return toTariffView(row!);
  }

  async remove(actor: UserRow, id: string): Promise<void> {
    await this.database.db.transaction(async (tx) => {
      await this.owned(tx, actor, id, true);
      const users = await tx
        .select({ id: stations.id })
        .from(stations)
        .where(and(eq(stations.tariffId, id), isNull(stations.deletedAt)))
        .union(
          tx
            .select({ id: chargers.id })
            .from(chargers)
            .where(and(eq(chargers.tariffId, id), isNull(chargers.deletedAt))),
        )
        .limit(1);
      if (users.length > 0)
        throw new AppError('conflict', 'tariff_in_use', 'A station or charger uses this tariff');
      await tx.update(tariffs).set({ deletedAt: this.clock.now() }).where(eq(tariffs.id, id));
    });
  }

  /**
   * A tariff a station or charger of `companyId` may point at: a live one of the same company
   * (else 404 with `param`, so a typo is not mistaken for the resource being missing).
   */
  async assertUsable(db: DbOrTx, companyId: string, tariffId: string): Promise<void> {
    const [row] = await db
      .select({ id: tariffs.id })
      .from(tariffs)
      .where(
        and(eq(tariffs.id, tariffId), eq(tariffs.companyId, companyId), isNull(tariffs.deletedAt)),
      );
    if (!row)
      throw new AppError('not_found', 'tariff_not_found', `No such tariff: '${tariffId}'`, {
        param: 'tariffId',
      });
  }

  /** The tariff that prices a connector of this charger: the charger's, else its station's. */
  async forCharger(db: DbOrTx, chargerId: string): Promise<TariffRow | undefined> {
    const [row] = await db
      .select({ tariff: tariffs })
      .from(chargers)
      .innerJoin(stations, eq(stations.id, chargers.stationId))
      .innerJoin(tariffs, or(eq(tariffs.id, chargers.tariffId), eq(tariffs.id, stations.tariffId)))
      .where(eq(chargers.id, chargerId))
      .orderBy(eq(tariffs.id, stations.tariffId)); // false (the charger's own) sorts first
    return row?.tariff;
  }

  private owned(db: DbOrTx, actor: UserRow, id: string, lock = false): Promise<TariffRow> {
    return ownedRow(db, tariffs, actor, id, 'tariff', lock);
  }
}
