import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { Clock } from '../platform/clock';
import { PreparedStatement } from '../platform/database/compose';
import { Database } from '../platform/database/database';
import { GroupCommit } from '../platform/database/group-commit';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import { Logger } from '../platform/logging/logger';
import { ocppMessages, type OcppMessageRow } from './charging.schema';
import { Chargers } from './chargers';
import { z } from 'zod';

export const OcppMessageView = z.object({
  id: z.string(),
  direction: z.enum(['IN', 'OUT']),
  /** The frame as sent: `[2, id, action, payload]`, `[3, id, payload]` or `[4, id, code, text, details]`. */
  frame: z.unknown(),
  receivedAt: z.string(),
});
export type OcppMessageView = z.infer<typeof OcppMessageView>;

const toView = (m: OcppMessageRow): OcppMessageView => ({
  id: m.id,
  direction: m.direction,
  frame: m.frame,
  receivedAt: m.receivedAt.toISOString(),
});

/** Rows of one log write at most: one INSERT, about 150 bytes of parameters a row. */
export const OCPP_LOG_MAX_BATCH = 500;
/** How long a write waits for more rows to share it (nobody waits for the log). */
export const OCPP_LOG_LINGER_MS = 10;
/** A write that failed for another reason than its data is tried once more after this pause. */
const RETRY_PAUSE_MS = 100;

interface LogRow {
  id: string;
  chargerId: string;
  direction: 'IN' | 'OUT';
  /** The frame as JSON text (a frame that is not JSON: as a JSON string). */
  frame: string;
  receivedAt: Date;
}

const column = (c: { name: string }) => sql.identifier(c.name);
/** Many rows in one statement, planned once per connection: five arrays, whatever the count. */
const INSERT_ROWS = new PreparedStatement(
  'ocpp_log_insert',
  sql`INSERT INTO ${ocppMessages} (${column(ocppMessages.id)}, ${column(ocppMessages.chargerId)},
      ${column(ocppMessages.direction)}, ${column(ocppMessages.frame)}, ${column(ocppMessages.receivedAt)})
    SELECT * FROM unnest(${sql.placeholder('ids')}::text[], ${sql.placeholder('chargers')}::text[],
      ${sql.placeholder('directions')}::ocpp_direction[], ${sql.placeholder('frames')}::jsonb[],
      ${sql.placeholder('times')}::timestamptz[])`,
);

/** PostgreSQL refused the data itself (SQLSTATE class 22 or 23): trying it again cannot help. */
const isDataError = (err: unknown) => {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
};

/**
 * Every OCPP frame in and out, per charger, for operators. The id is taken when the frame passes
 * (ids are monotonic), so the log's order is the wire's order. Rows are group-committed: a frame
 * is buffered and written with every other frame that arrived within the linger or while the
 * previous write ran, one
 * multi-row INSERT per batch and one batch in flight at a time, so batches commit in id order and a
 * page of the log never shows a row without the ones before it. Nothing here is money: the
 * handlers of StartTransaction and StopTransaction write their effect before they answer; the log
 * of it follows within a write. A failed write is tried once more, then row by row so only a row
 * PostgreSQL refuses is lost (and logged); it never disturbs the charger's conversation. On a
 * clean shutdown every buffered row is written before the pool closes; a crash loses at most the
 * rows of the write in flight and those buffered behind it (milliseconds of frames).
 */
@Injectable()
export class OcppLog implements OnApplicationShutdown {
  private readonly pending = new Set<Promise<void>>();
  private readonly writer = new GroupCommit<LogRow, void>(
    (rows) => this.write(rows),
    OCPP_LOG_MAX_BATCH,
    OCPP_LOG_LINGER_MS,
  );

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly chargers: Chargers,
  ) {}

  record(chargerId: string, direction: 'IN' | 'OUT', raw: string | Buffer): void {
    const now = this.clock.now();
    const text = raw.toString();
    let frame = text;
    try {
      JSON.parse(text);
    } catch {
      frame = JSON.stringify(text); // not JSON: kept as the charger sent it
    }
    const write = this.writer
      .submit({
        id: newId('ocppMessage', now.getTime()),
        chargerId,
        direction,
        frame,
        receivedAt: now,
      })
      .catch((err: unknown) => this.logger.error({ err, chargerId }, 'ocpp log write failed'));
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
  }

  private async write(rows: LogRow[]): Promise<void[]> {
    const values = {
      ids: rows.map((r) => r.id),
      chargers: rows.map((r) => r.chargerId),
      directions: rows.map((r) => r.direction),
      frames: rows.map((r) => r.frame),
      times: rows.map((r) => r.receivedAt),
    };
    try {
      await INSERT_ROWS.run(this.database.pool, values);
    } catch (err) {
      if (isDataError(err)) throw err;
      await sleep(RETRY_PAUSE_MS);
      await INSERT_ROWS.run(this.database.pool, values);
    }
    return rows.map(() => undefined);
  }

  async list(actor: UserRow, chargerId: string, query: PageQuery): Promise<Page<OcppMessageView>> {
    await this.chargers.owned(this.database.db, actor, chargerId);
    return selectPage(
      this.database.db.select().from(ocppMessages).$dynamic(),
      ocppMessages.id,
      query,
      [eq(ocppMessages.chargerId, chargerId)],
      toView,
    );
  }

  /** Writes every buffered row before the pool closes (the seam closed the sockets already). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.pending);
  }
}
