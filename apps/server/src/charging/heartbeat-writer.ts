import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { PreparedStatement } from '../platform/database/compose';
import type { Logger } from '../platform/logging/logger';
import type { ChargePoint } from './charge-points';
import { chargers } from './charging.schema';

/** A heartbeat write that failed is tried again with the next ones, this many times at most. */
export const HEARTBEAT_ATTEMPTS = 3;
/** Pause after a failed heartbeat write before the next one. */
export const HEARTBEAT_RETRY_MS = 500;
/** How long a write waits for more to share it (nobody waits for a heartbeat's write). */
export const HEARTBEAT_LINGER_MS = 25;

const c = (column: { name: string }) => sql.identifier(column.name);

/**
 * Many chargers' latest heartbeats in one statement; a time never moves back (a boot is newer; a
 * null time, a re-claim without a heartbeat, keeps it). A beat whose socket is open here also
 * claims the charger's presence again when nobody holds it (a node took this one for dead and
 * swept it, or a requester released it after a lost acknowledgement), never over another socket's
 * claim. The rows are locked in id order (two nodes' batches cannot deadlock), and only against
 * other updates (NO KEY UPDATE: the OCPP log's foreign-key checks never wait on them);
 * `reclaimed` says which were taken back, so their `charger.online` is published.
 */
const WRITE_HEARTBEATS = new PreparedStatement(
  'ocpp_heartbeats',
  sql`UPDATE ${chargers} SET
      ${c(chargers.lastHeartbeatAt)} = GREATEST(${chargers.lastHeartbeatAt}, beat.at),
      ${c(chargers.online)} = ${chargers.online} OR beat.reclaim,
      ${c(chargers.nodeId)} = CASE WHEN beat.reclaim THEN ${sql.placeholder('node')}::text
        ELSE ${chargers.nodeId} END,
      ${c(chargers.connectionId)} = CASE WHEN beat.reclaim THEN beat.conn
        ELSE ${chargers.connectionId} END,
      ${c(chargers.updatedAt)} = CASE WHEN beat.reclaim THEN ${sql.placeholder('now')}::timestamptz
        ELSE ${chargers.updatedAt} END
    FROM (
      SELECT b.id, b.conn, b.at,
        b.conn IS NOT NULL AND held.${c(chargers.connectionId)} IS NULL
          AND held.${c(chargers.deletedAt)} IS NULL AS reclaim
      FROM unnest(${sql.placeholder('ids')}::text[], ${sql.placeholder('conns')}::text[],
        ${sql.placeholder('times')}::timestamptz[]) AS b(id, conn, at)
      JOIN ${chargers} held ON held.${c(chargers.id)} = b.id
      ORDER BY b.id
      FOR NO KEY UPDATE OF held
    ) AS beat
    WHERE ${chargers.id} = beat.id
    RETURNING ${chargers.id} AS id, beat.reclaim AS reclaimed`,
);

/** What the writer asks of the sockets (ChargerConnections, through ChargePoints). */
export interface HeartbeatSockets {
  /** Whether this socket is still open on this node: only an open one may claim presence. */
  isOpen(point: ChargePoint): boolean;
  /** These chargers' presence was claimed again by their open socket here. */
  reclaimed(points: ChargePoint[]): void;
  /** A claim was written for a socket that closed meanwhile: it must be released again. */
  closedMeanwhile(points: ChargePoint[]): void;
}

interface Beat {
  point: ChargePoint;
  /** Null: a re-claim only (the node was taken for dead), not a heartbeat. */
  at: Date | null;
  attempts: number;
}

/**
 * `last_heartbeat_at` and presence written behind, group-committed: the latest beat of each
 * charger is kept (coalesced) and written with every other charger's that arrived within the
 * linger or while the previous write ran, one UPDATE per batch, one in flight at a time, so a
 * Heartbeat costs no statement of its own and its answer waits for none. A failed write is logged
 * and its beats buffered again (a newer one wins) after a pause, dropped after a few attempts.
 * `close()` settles once everything buffered is written.
 */
export class HeartbeatWriter {
  private pending = new Map<string, Beat>();
  private writing: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
    private readonly nodeId: string,
    private readonly now: () => Date,
    private readonly sockets: HeartbeatSockets,
  ) {}

  /** The charger's socket `point` sent a Heartbeat at `at` (null: only claim its presence again). */
  heartbeat(point: ChargePoint, at: Date | null): void {
    const p = this.pending.get(point.chargerId);
    if (!p) this.pending.set(point.chargerId, { point, at, attempts: 0 });
    else {
      // The newest socket's claim, and the latest time either brought.
      p.point = point;
      if (at && (!p.at || p.at < at)) p.at = at;
    }
    this.flush();
  }

  async close(): Promise<void> {
    // Each write in flight starts the next while something is buffered (failures retried).
    while (this.writing) await this.writing;
  }

  private flush(): void {
    if (this.writing || this.pending.size === 0) return;
    this.writing = this.writeNext().finally(() => {
      this.writing = undefined;
      this.flush();
    });
  }

  private async writeNext(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_LINGER_MS));
    const batch = this.pending;
    this.pending = new Map();
    const ids: string[] = [];
    const conns: (string | null)[] = [];
    const times: (Date | null)[] = [];
    for (const [id, beat] of batch) {
      ids.push(id);
      conns.push(this.sockets.isOpen(beat.point) ? beat.point.connectionId : null);
      times.push(beat.at);
    }
    let rows: { id: string; reclaimed: boolean }[];
    try {
      rows = await WRITE_HEARTBEATS.run<{ id: string; reclaimed: boolean }>(this.pool, {
        ids,
        conns,
        times,
        node: this.nodeId,
        now: this.now(),
      });
    } catch (err) {
      let dropped = 0;
      for (const [id, beat] of batch) {
        if (this.pending.has(id)) continue; // a newer one is buffered
        if (beat.attempts + 1 >= HEARTBEAT_ATTEMPTS) dropped += 1;
        else this.pending.set(id, { ...beat, attempts: beat.attempts + 1 });
      }
      this.logger.error(
        { err, chargers: batch.size, dropped },
        dropped ? 'heartbeat write failed; dropped' : 'heartbeat write failed; retrying',
      );
      await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_RETRY_MS));
      return;
    }
    const reclaimed: ChargePoint[] = [];
    const closed: ChargePoint[] = [];
    for (const row of rows) {
      if (!row.reclaimed) continue;
      const point = batch.get(row.id)!.point;
      // Its close may have been written between the batch's read of isOpen and this write.
      (this.sockets.isOpen(point) ? reclaimed : closed).push(point);
    }
    if (reclaimed.length) this.sockets.reclaimed(reclaimed);
    if (closed.length) this.sockets.closedMeanwhile(closed);
  }
}
