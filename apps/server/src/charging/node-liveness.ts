import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Config } from '../platform/config/config';
import { PreparedStatement } from '../platform/database/compose';
import { Database } from '../platform/database/database';
import { Logger } from '../platform/logging/logger';
import { ChargePoints } from './charge-points';
import { ChargerConnections } from './charger-connections';
import { ChargingEvents } from './charging-events';
import { chargers, nodes } from './charging.schema';

const c = (column: { name: string }) => sql.identifier(column.name);
/** `now()` less the dead-after window: the database's clock, the one every node shares. */
const deadBefore = sql`now() - make_interval(secs => ${sql.placeholder('deadAfter')}::int)`;

/** This node is alive: its row renewed; `lapsed` if it was missing or older than the window. */
const RENEW = new PreparedStatement(
  'node_renew',
  sql`WITH before AS (SELECT ${c(nodes.lastSeen)} AS seen FROM ${nodes}
      WHERE ${c(nodes.id)} = ${sql.placeholder('node')})
    INSERT INTO ${nodes} (${c(nodes.id)}, ${c(nodes.startedAt)}, ${c(nodes.lastSeen)})
    VALUES (${sql.placeholder('node')}, now(), now())
    ON CONFLICT (${c(nodes.id)}) DO UPDATE SET ${c(nodes.lastSeen)} = now()
    RETURNING COALESCE((SELECT seen FROM before) < ${deadBefore}, true) AS lapsed`,
);

/**
 * Every charger held by a node that is not this one and has not been seen within the window (or
 * has no row) goes offline and loses its holder; then the dead nodes' rows go. Idempotent: two
 * nodes sweeping at once each get the rows they changed, so each `charger.offline` is published
 * once.
 */
const SWEEP = new PreparedStatement(
  'node_sweep',
  sql`WITH swept AS (
      UPDATE ${chargers} SET ${c(chargers.online)} = false, ${c(chargers.nodeId)} = NULL,
        ${c(chargers.connectionId)} = NULL,
        ${c(chargers.updatedAt)} = ${sql.placeholder('now')}::timestamptz
      WHERE ${chargers.nodeId} IS NOT NULL AND ${chargers.nodeId} <> ${sql.placeholder('node')}
        AND NOT EXISTS (SELECT 1 FROM ${nodes} WHERE ${nodes.id} = ${chargers.nodeId}
          AND ${nodes.lastSeen} >= ${deadBefore})
      RETURNING ${chargers.id} AS "chargerId", ${chargers.stationId} AS "stationId",
        ${chargers.companyId} AS "companyId", ${chargers.ocppId} AS "ocppId"
    ), gone AS (
      DELETE FROM ${nodes} WHERE ${nodes.lastSeen} < ${deadBefore}
    )
    SELECT * FROM swept`,
);

/** This node's row on a clean stop: its chargers are offline already, or others sweep them now. */
const LEAVE = new PreparedStatement(
  'node_leave',
  sql`DELETE FROM ${nodes} WHERE ${nodes.id} = ${sql.placeholder('node')}`,
);

interface Swept {
  chargerId: string;
  stationId: string;
  companyId: string;
  ocppId: string;
}

/**
 * Which nodes are alive, so a node that dies (SIGKILL, power, network) does not leave its chargers
 * "online" until they reconnect. Each node renews its row in `nodes` every NODE_HEARTBEAT_SECONDS
 * and, on the same timer, sweeps: chargers whose node has not been seen for
 * NODE_DEAD_AFTER_SECONDS go offline (`charger.offline` published), their presence cleared, so a
 * command for one is 409 at once and the charger is free for whichever node it reconnects to (it
 * takes over, as any reconnect does). A node that was only slow (its renewals late past the
 * window) finds its row lapsed at its next renewal and claims every socket it holds again, in the
 * next heartbeat batch; until then each of its chargers' own Heartbeat does the same.
 */
@Injectable()
export class NodeLiveness implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private readonly log: Logger;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly config: Config,
    private readonly connections: ChargerConnections,
    private readonly points: ChargePoints,
    private readonly events: ChargingEvents,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'node-liveness' });
  }

  /** The row exists before this node accepts a socket (bootstrap runs before listen). */
  async onApplicationBootstrap(): Promise<void> {
    await this.renew();
    this.timer = setInterval(() => {
      this.beating ??= this.beat().finally(() => (this.beating = undefined));
    }, this.config.nodes.heartbeatSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.beating;
    // After the sockets' closes are written (the seam closed them before the app's shutdown).
    await this.connections.settled();
    await LEAVE.run(this.database.pool, { node: this.config.nodeId }).catch((err: unknown) =>
      this.log.warn({ err }, 'leaving the node table failed; others will sweep this node'),
    );
  }

  /** One renewal and one sweep; a failure is logged and the next tick tries again. */
  async beat(): Promise<void> {
    try {
      if (await this.renew()) {
        const held = this.connections.openPoints();
        this.log.warn(
          { sockets: held.length },
          'this node was taken for dead (renewals late); claiming its chargers again',
        );
        for (const point of held) this.points.reclaim(point);
      }
      await this.sweep();
    } catch (err) {
      this.log.error({ err }, 'node liveness renewal or sweep failed');
    }
  }

  /** Marks dead nodes' chargers offline; returns how many. */
  async sweep(): Promise<number> {
    const rows = await SWEEP.run<Swept>(this.database.pool, {
      node: this.config.nodeId,
      deadAfter: this.config.nodes.deadAfterSeconds,
      now: this.clock.now(),
    });
    if (rows.length) this.log.warn({ chargers: rows.length }, "a dead node's chargers are offline");
    for (const where of rows) await this.events.publish({ type: 'charger.offline', ...where });
    return rows.length;
  }

  /** True if this node's row had lapsed (or was gone) before this renewal. */
  private async renew(): Promise<boolean> {
    const [row] = await RENEW.run<{ lapsed: boolean }>(this.database.pool, {
      node: this.config.nodeId,
      deadAfter: this.config.nodes.deadAfterSeconds,
    });
    return row?.lapsed ?? false;
  }
}
