import { Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import { hashPassword, type UserRow } from '../identity';
import { Clock } from '../platform/clock';
import { Database, type DbOrTx } from '../platform/database/database';
import { isUniqueViolation } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import { chargers, connectors, type ChargerRow } from './charging.schema';
import { toChargerView, type ChargerView } from './charging.view';
import { ownedBy, ownedRow } from './ownership';
import { Stations } from './stations';
import { Tariffs } from './tariffs';

export interface ChargerFields {
  ocppId: string;
  /** HTTP Basic password the charger must send; null removes it. */
  password?: string | null;
  tariffId?: string | null;
}

/**
 * Chargers of a company's stations. The OCPP identity is unique among live chargers (409
 * `ocpp_id_taken`); the password is stored as argon2id only.
 */
@Injectable()
export class Chargers {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly stations: Stations,
    private readonly tariffs: Tariffs,
  ) {}

  async create(actor: UserRow, input: ChargerFields & { stationId: string }): Promise<ChargerView> {
    const db = this.database.db;
    const station = await this.stations.owned(db, actor, input.stationId);
    if (input.tariffId) await this.tariffs.assertUsable(db, station.companyId, input.tariffId);
    const now = this.clock.now();
    const row = await uniqueOcppId(
      db
        .insert(chargers)
        .values({
          id: newId('charger', now.getTime()),
          stationId: station.id,
          companyId: station.companyId,
          ocppId: input.ocppId,
          passwordHash: input.password ? await hashPassword(input.password) : null,
          tariffId: input.tariffId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
    );
    return toChargerView(row);
  }

  list(actor: UserRow, query: PageQuery & { stationId?: string }): Promise<Page<ChargerView>> {
    return selectPage(
      this.database.db.select().from(chargers).$dynamic(),
      chargers.id,
      query,
      [
        ownedBy(actor, chargers.companyId),
        query.stationId !== undefined ? eq(chargers.stationId, query.stationId) : undefined,
        isNull(chargers.deletedAt),
      ],
      toChargerView,
    );
  }

  async get(actor: UserRow, id: string): Promise<ChargerView> {
    return toChargerView(await this.owned(this.database.db, actor, id));
  }

  async update(
    actor: UserRow,
    id: string,
    patch: Partial<ChargerFields> & { stationId?: string },
  ): Promise<ChargerView> {
    const db = this.database.db;
    const charger = await this.owned(db, actor, id);
    // Moving to another station stays inside the company: the station is looked up as this actor.
    if (patch.stationId) {
      const station = await this.stations.owned(db, actor, patch.stationId);
      if (station.companyId !== charger.companyId) throw AppError.notFound('station', station.id);
    }
    if (patch.tariffId) await this.tariffs.assertUsable(db, charger.companyId, patch.tariffId);
    const { password, ...rest } = patch;
    const passwordHash =
      password === undefined
        ? {}
        : { passwordHash: password ? await hashPassword(password) : null };
    const row = await uniqueOcppId(
      db
        .update(chargers)
        .set({ ...rest, ...passwordHash, updatedAt: this.clock.now() })
        .where(eq(chargers.id, id))
        .returning(),
    );
    return toChargerView(row);
  }

  /** Soft-deletes the charger and its connectors; it can no longer connect. */
  async remove(actor: UserRow, id: string): Promise<void> {
    await this.database.db.transaction(async (tx) => {
      await this.owned(tx, actor, id, true);
      const now = this.clock.now();
      await tx
        .update(connectors)
        .set({ deletedAt: now })
        .where(and(eq(connectors.chargerId, id), isNull(connectors.deletedAt)));
      await tx.update(chargers).set({ deletedAt: now }).where(eq(chargers.id, id));
    });
  }

  owned(db: DbOrTx, actor: UserRow, id: string, lock = false): Promise<ChargerRow> {
    return ownedRow(db, chargers, actor, id, 'charger', lock);
  }
}

async function uniqueOcppId(write: Promise<ChargerRow[]>): Promise<ChargerRow> {
  try {
    const [row] = await write;
    return row!;
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('conflict', 'ocpp_id_taken', 'Another charger has this OCPP identity', {
        param: 'ocppId',
      });
    throw err;
  }
}
