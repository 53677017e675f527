import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Config } from '../platform/config/config';
import { Database } from '../platform/database/database';
import { chargers } from './charging.schema';

/** Where a charger's OCPP socket is: the node and that socket's id. */
export interface Holder {
  nodeId: string;
  connectionId: string;
}

/**
 * Which node holds each charger's socket, in the charger's row (`node_id`, `connection_id`). A
 * connection claims the row when it opens (whoever held it before is returned, to be told it was
 * superseded); its close clears the row only while the row still names it, so the close of a
 * superseded socket, on this node or another, never marks a reconnected charger offline.
 */
@Injectable()
export class ChargerPresence implements OnApplicationBootstrap {
  readonly nodeId: string;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    config: Config,
  ) {
    this.nodeId = config.nodeId;
  }

  /**
   * A node restarted under the same NODE_ID holds no socket yet: whatever its previous run held
   * (it died or was stopped without closing them) is offline until those chargers reconnect.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.database.db
      .update(chargers)
      .set({ online: false, nodeId: null, connectionId: null, updatedAt: this.clock.now() })
      .where(eq(chargers.nodeId, this.nodeId));
  }

  /** This node's socket `connectionId` is the charger's now; returns who held it before, if any. */
  async claim(chargerId: string, connectionId: string): Promise<Holder | undefined> {
    const { rows } = await this.database.pool.query<{
      node_id: string | null;
      connection_id: string | null;
    }>(
      `UPDATE chargers c SET online = true, node_id = $2, connection_id = $3, updated_at = $4
       FROM (SELECT id, node_id, connection_id FROM chargers WHERE id = $1 FOR NO KEY UPDATE) old
       WHERE c.id = old.id
       RETURNING old.node_id, old.connection_id`,
      [chargerId, this.nodeId, connectionId, this.clock.now()],
    );
    const old = rows[0];
    return old?.node_id && old.connection_id
      ? { nodeId: old.node_id, connectionId: old.connection_id }
      : undefined;
  }

  /** The socket closed (or its node is gone): offline, if the row still names it. True if so. */
  async release(chargerId: string, connectionId: string): Promise<boolean> {
    const rows = await this.database.db
      .update(chargers)
      .set({ online: false, nodeId: null, connectionId: null, updatedAt: this.clock.now() })
      .where(and(eq(chargers.id, chargerId), eq(chargers.connectionId, connectionId)))
      .returning({ id: chargers.id });
    return rows.length > 0;
  }

  async holder(chargerId: string): Promise<Holder | undefined> {
    const [row] = await this.database.db
      .select({ nodeId: chargers.nodeId, connectionId: chargers.connectionId })
      .from(chargers)
      .where(and(eq(chargers.id, chargerId), isNull(chargers.deletedAt)));
    return row?.nodeId && row.connectionId
      ? { nodeId: row.nodeId, connectionId: row.connectionId }
      : undefined;
  }
}
