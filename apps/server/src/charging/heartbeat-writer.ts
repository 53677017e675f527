import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { PreparedStatement } from '../platform/database/compose';
import type { Logger } from '../platform/logging/logger';
import { chargers } from './charging.schema';

/** A heartbeat write that failed is tried again with the next ones, this many times at most. */
export const HEARTBEAT_ATTEMPTS = 3;
/** Pause after a failed heartbeat write before the next one. */
export const HEARTBEAT_RETRY_MS = 500;
/** How long a write waits for more to share it (nobody waits for a heartbeat's write). */
export const HEARTBEAT_LINGER_MS = 10;

/** Many chargers' latest heartbeats in one statement; a time never moves back (a boot is newer). */
const WRITE_HEARTBEATS = new PreparedStatement(
  'ocpp_heartbeats',
  sql`UPDATE ${chargers} SET ${sql.identifier(chargers.lastHeartbeatAt.name)} =
      GREATEST(${chargers.lastHeartbeatAt}, beat.at)
    FROM unnest(${sql.placeholder('ids')}::text[], ${sql.placeholder('times')}::timestamptz[])
      AS beat(id, at)
    WHERE ${chargers.id} = beat.id`,
);

/**
 * `last_heartbeat_at` written behind, group-committed: the latest time of each charger is kept
 * (coalesced) and written with every other charger's that arrived within the linger or while the
 * previous write ran, one UPDATE per batch, one in flight at a time. A failed write is logged and
 * its times buffered again (a newer one wins) after a pause, dropped after a few attempts.
 * `close()` settles once everything buffered is written. Presence (`online`) is not here: it is
 * ChargerPresence's.
 */
export class HeartbeatWriter {
  private pending = new Map<string, { at: Date; attempts: number }>();
  private writing: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
  ) {}

  heartbeat(chargerId: string, at: Date): void {
    const p = this.pending.get(chargerId);
    if (!p || p.at < at) this.pending.set(chargerId, { at, attempts: p?.attempts ?? 0 });
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
    const times: Date[] = [];
    for (const [id, beat] of batch) {
      ids.push(id);
      times.push(beat.at);
    }
    try {
      await WRITE_HEARTBEATS.run(this.pool, { ids, times });
    } catch (err) {
      let dropped = 0;
      for (const [id, beat] of batch) {
        if (this.pending.has(id)) continue; // a newer one is buffered
        if (beat.attempts + 1 >= HEARTBEAT_ATTEMPTS) dropped += 1;
        else this.pending.set(id, { at: beat.at, attempts: beat.attempts + 1 });
      }
      this.logger.error(
        { err, chargers: batch.size, dropped },
        dropped ? 'heartbeat write failed; dropped' : 'heartbeat write failed; retrying',
      );
      await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_RETRY_MS));
    }
  }
}
