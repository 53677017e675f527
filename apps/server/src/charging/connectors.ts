import { Injectable } from '@nestjs/common';
import { eq, isNull } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { Clock } from '../platform/clock';
import { Database, type DbOrTx } from '../platform/database/database';
import { isUniqueViolation } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import { connectors, type ConnectorRow, type ConnectorType } from './charging.schema';
import { toConnectorView, type ConnectorView } from './charging.view';
import { Chargers } from './chargers';
import { ownedRow } from './ownership';

export interface ConnectorFields {
  type: ConnectorType;
  maxPowerW: number;
}

/** A charger's connectors, numbered as OCPP numbers them (1, 2, …) and unique per charger. */
@Injectable()
export class Connectors {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly chargers: Chargers,
  ) {}

  async create(
    actor: UserRow,
    chargerId: string,
    input: ConnectorFields & { connectorId: number },
  ): Promise<ConnectorView> {
    const db = this.database.db;
    const charger = await this.chargers.owned(db, actor, chargerId);
    const now = this.clock.now();
    try {
      const [row] = await db
        .insert(connectors)
        .values({
          id: newId('connector', now.getTime()),
          chargerId: charger.id,
          companyId: charger.companyId,
          ...input,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return toConnectorView(row!);
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('conflict', 'connector_exists', 'The charger has this connector', {
          param: 'connectorId',
        });
      throw err;
    }
  }

  async list(actor: UserRow, chargerId: string, query: PageQuery): Promise<Page<ConnectorView>> {
    const db = this.database.db;
    await this.chargers.owned(db, actor, chargerId);
    return selectPage(
      db.select().from(connectors).$dynamic(),
      connectors.id,
      query,
      [eq(connectors.chargerId, chargerId), isNull(connectors.deletedAt)],
      toConnectorView,
    );
  }

  async get(actor: UserRow, id: string): Promise<ConnectorView> {
    return toConnectorView(await this.owned(this.database.db, actor, id));
  }

  async update(
    actor: UserRow,
    id: string,
    patch: Partial<ConnectorFields>,
  ): Promise<ConnectorView> {
    const db = this.database.db;
    await this.owned(db, actor, id);
    const [row] = await db
      .update(connectors)
      .set({ ...patch, updatedAt: this.clock.now() })
      .where(eq(connectors.id, id))
      .returning();
    return toConnectorView(row!);
  }

  async remove(actor: UserRow, id: string): Promise<void> {
    const db = this.database.db;
    await this.owned(db, actor, id);
    await db.update(connectors).set({ deletedAt: this.clock.now() }).where(eq(connectors.id, id));
  }

  private owned(db: DbOrTx, actor: UserRow, id: string): Promise<ConnectorRow> {
    return ownedRow(db, connectors, actor, id, 'connector');
  }
}
