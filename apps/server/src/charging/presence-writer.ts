import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { PreparedStatement } from '../platform/database/compose';
import type { Logger } from '../platform/logging/logger';
import { chargers } from './charging.schema';

/** A presence write that failed is tried again with the next ones, this many times at most. */
export const PRESENCE_ATTEMPTS = 3;
/** Pause after a failed presence write before the next one. */
export const PRESENCE_RETRY_MS = 500;
/** How long a write waits for more to share it (nobody waits for a heartbeat's write). */
export const PRESENCE_LINGER_MS = 10;

/** What is buffered for one charger: the net effect of its marks and heartbeats since the last write. */
interface Pending {
  online: boolean;
  /** The latest heartbeat, if one came. */
  heartbeatAt: Date | null;
  /** When it was last marked online or offline, if it was (`updated_at`). */
  markedAt: Date | null;
  attempts: number;
  waiters: { resolve: () => void; reject: (err: unknown) => void }[];
}

const col = (c: { name: string }) => sql.identifier(c.name);
/**
 * Many chargers' presence in one statement. A heartbeat time never moves back (a boot written
 * meanwhile is newer); `updated_at` moves only for a mark, as a direct update would.
 */
const WRITE_PRESENCE = new PreparedStatement(
  'ocpp_presence',
  sql`UPDATE ${chargers} SET
      ${col(chargers.online)} = p.online,
      ${col(chargers.lastHeartbeatAt)} = GREATEST(${chargers.lastHeartbeatAt}, p.heartbeat_at),
      ${col(chargers.updatedAt)} = COALESCE(p.marked_at, ${chargers.updatedAt})
    FROM unnest(${sql.placeholder('ids')}::text[], ${sql.placeholder('online')}::boolean[],
      ${sql.placeholder('heartbeats')}::timestamptz[], ${sql.placeholder('marks')}::timestamptz[])
      AS p(id, online, heartbeat_at, marked_at)
    WHERE ${chargers.id} = p.id`,
);

/**
 * Chargers' liveness (`online`, `last_heartbeat_at`) written behind, group-committed: what arrives
 * while a write runs is coalesced per charger (the last mark wins, the latest heartbeat is kept)
 * and goes in the next write, one UPDATE per batch and one in flight at a time, so a charger's
 * marks and heartbeats reach the table in the order they happened: a heartbeat written late never
 * marks a disconnected charger online again. A heartbeat is not waited for; a mark's promise
 * settles when its batch is written. A failed write is logged and its entries buffered again
 * (newer ones win) after a pause, dropped after a few attempts (a mark's promise then rejects).
 */
export class PresenceWriter {
  private pending = new Map<string, Pending>();
  private writing: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
  ) {}

  /** A heartbeat at `at`: the charger is connected. */
  heartbeat(chargerId: string, at: Date): void {
    const p = this.entry(chargerId);
    p.online = true;
    if (!p.heartbeatAt || p.heartbeatAt < at) p.heartbeatAt = at;
    this.flush();
  }

  /** Marks the charger online or offline; settles once written. */
  mark(chargerId: string, online: boolean, at: Date): Promise<void> {
    return new Promise((resolve, reject) => {
      const p = this.entry(chargerId);
      p.online = online;
      p.markedAt = at;
      p.waiters.push({ resolve, reject });
      this.flush();
    });
  }

  /** Settles once everything buffered is written (before the pool closes at shutdown). */
  async close(): Promise<void> {
    // Each write in flight starts the next while something is buffered (failures retried).
    while (this.writing) await this.writing;
  }

  private entry(chargerId: string): Pending {
    let p = this.pending.get(chargerId);
    if (!p) {
      p = { online: true, heartbeatAt: null, markedAt: null, attempts: 0, waiters: [] };
      this.pending.set(chargerId, p);
    }
    return p;
  }

  /** Starts a write of what is buffered unless one is running (it starts the next when done). */
  private flush(): void {
    if (this.writing || this.pending.size === 0) return;
    this.writing = this.writeNext().finally(() => {
      this.writing = undefined;
      this.flush();
    });
  }

  private async writeNext(): Promise<void> {
    // What comes within the linger shares the write: fewer statements when chargers trickle in.
    await new Promise((resolve) => setTimeout(resolve, PRESENCE_LINGER_MS));
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.write(batch);
    } catch (err) {
      return this.failed(batch, err);
    }
    batch.forEach((p) => p.waiters.forEach((w) => w.resolve()));
  }

  private async write(batch: Map<string, Pending>): Promise<void> {
    const values = {
      ids: [] as string[],
      online: [] as boolean[],
      heartbeats: [] as (Date | null)[],
      marks: [] as (Date | null)[],
    };
    for (const [id, p] of batch) {
      values.ids.push(id);
      values.online.push(p.online);
      values.heartbeats.push(p.heartbeatAt);
      values.marks.push(p.markedAt);
    }
    await WRITE_PRESENCE.run(this.pool, values);
  }

  /** Buffers the batch again under what came since (newer wins), or drops what failed too often. */
  private async failed(batch: Map<string, Pending>, err: unknown): Promise<void> {
    let dropped = 0;
    for (const [id, old] of batch) {
      if (old.attempts + 1 >= PRESENCE_ATTEMPTS) {
        dropped += 1;
        old.waiters.forEach((w) => w.reject(err));
        continue;
      }
      const newer = this.pending.get(id);
      this.pending.set(id, {
        online: newer ? newer.online : old.online,
        heartbeatAt:
          newer?.heartbeatAt && (!old.heartbeatAt || newer.heartbeatAt > old.heartbeatAt)
            ? newer.heartbeatAt
            : old.heartbeatAt,
        markedAt: newer?.markedAt ?? old.markedAt,
        attempts: old.attempts + 1,
        waiters: [...old.waiters, ...(newer?.waiters ?? [])],
      });
    }
    this.logger.error(
      { err, chargers: batch.size, dropped },
      dropped
        ? 'charger presence write failed; dropped'
        : 'charger presence write failed; retrying',
    );
    await new Promise((resolve) => setTimeout(resolve, PRESENCE_RETRY_MS));
  }
}
