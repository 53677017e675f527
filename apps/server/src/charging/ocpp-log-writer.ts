import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { PreparedStatement } from '../platform/database/compose';
import type { Logger } from '../platform/logging/logger';
import { ocppMessages } from './charging.schema';

/** Rows of one log write at most: one INSERT, about 150 bytes of parameters a row. */
export const OCPP_LOG_MAX_BATCH = 500;
/**
 * How long a write waits for more rows to share it. Nobody waits for the log (answers never do),
 * so a longer linger costs only how soon a frame shows in the log, and buys fewer statements and
 * commits for PostgreSQL, which shares the machine.
 */
export const OCPP_LOG_LINGER_MS = 25;
/** A write that failed for another reason than its data is tried once more after this pause. */
const RETRY_PAUSE_MS = 100;

const column = (c: { name: string }) => sql.identifier(c.name);
/**
 * Many rows in one statement, planned once per connection. The columns travel as plain text, not
 * as arrays of parameters: ids, charger ids, directions and times (epoch ms) comma-joined (none
 * holds a comma), the frames as one JSON array of the frames' own text, so nothing is escaped
 * row by row; ROWS FROM zips them back into rows by position.
 */
const INSERT_ROWS = new PreparedStatement(
  'ocpp_log_insert',
  sql`INSERT INTO ${ocppMessages} (${column(ocppMessages.id)}, ${column(ocppMessages.chargerId)},
      ${column(ocppMessages.direction)}, ${column(ocppMessages.frame)}, ${column(ocppMessages.receivedAt)})
    SELECT r.id, r.charger, r.direction::ocpp_direction, r.frame, to_timestamp(r.ms / 1000)
    FROM ROWS FROM (
      unnest(string_to_array(${sql.placeholder('ids')}::text, ',')),
      unnest(string_to_array(${sql.placeholder('chargers')}::text, ',')),
      unnest(string_to_array(${sql.placeholder('directions')}::text, ',')),
      jsonb_array_elements(${sql.placeholder('frames')}::jsonb),
      unnest(string_to_array(${sql.placeholder('times')}::text, ',')::float8[])
    ) AS r(id, charger, direction, frame, ms)`,
);

/** PostgreSQL refused the data itself (SQLSTATE class 22 or 23): trying it again cannot help. */
const isDataError = (err: unknown) => {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
};

/** Buffered rows, column by column (what the INSERT takes), in the order they were recorded. */
class Columns {
  ids: string[] = [];
  chargers: string[] = [];
  directions: string[] = [];
  frames: string[] = [];
  times: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  push(id: string, chargerId: string, direction: string, frame: string, at: number): void {
    this.ids.push(id);
    this.chargers.push(chargerId);
    this.directions.push(direction);
    this.frames.push(frame);
    this.times.push(at);
  }

  /** The first `n` rows, removed from here. */
  take(n: number): Columns {
    const out = new Columns();
    if (n >= this.size) {
      Object.assign(out, this);
      Object.assign(this, new Columns());
      return out;
    }
    out.ids = this.ids.splice(0, n);
    out.chargers = this.chargers.splice(0, n);
    out.directions = this.directions.splice(0, n);
    out.frames = this.frames.splice(0, n);
    out.times = this.times.splice(0, n);
    return out;
  }

  row(i: number): Columns {
    const one = new Columns();
    one.push(this.ids[i]!, this.chargers[i]!, this.directions[i]!, this.frames[i]!, this.times[i]!);
    return one;
  }

  params(): Record<string, string> {
    return {
      ids: this.ids.join(','),
      chargers: this.chargers.join(','),
      directions: this.directions.join(','),
      frames: `[${this.frames.join(',')}]`,
      times: this.times.join(','),
    };
  }
}

/**
 * The OCPP log's group commit, lean because it runs twice per message: a frame is pushed onto
 * column buffers (no promise, no object per row) and written with every other frame recorded
 * within the linger or while the previous write ran, at most OCPP_LOG_MAX_BATCH rows per INSERT,
 * one write in flight, so batches commit in id order. A failed write is tried once more, then
 * row by row, so only a row PostgreSQL refuses is lost (and logged).
 */
export class OcppLogWriter {
  private buffer = new Columns();
  private writing: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
  ) {}

  /** `frame` must be JSON text (the caller makes sure); `at` in epoch milliseconds. */
  record(id: string, chargerId: string, direction: 'IN' | 'OUT', frame: string, at: number): void {
    this.buffer.push(id, chargerId, direction, frame, at);
    this.flush();
  }

  /** Settles once every buffered row is written (or reported lost). */
  async close(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private flush(): void {
    if (this.writing || this.buffer.size === 0) return;
    this.writing = this.writeNext().finally(() => {
      this.writing = undefined;
      this.flush();
    });
  }

  private async writeNext(): Promise<void> {
    if (this.buffer.size < OCPP_LOG_MAX_BATCH) await sleep(OCPP_LOG_LINGER_MS);
    const batch = this.buffer.take(OCPP_LOG_MAX_BATCH);
    try {
      await this.insert(batch);
    } catch {
      for (let i = 0; i < batch.size; i++) {
        try {
          await this.insert(batch.row(i));
        } catch (err) {
          this.logger.error({ err, chargerId: batch.chargers[i] }, 'ocpp log write failed');
        }
      }
    }
  }

  private async insert(rows: Columns): Promise<void> {
    const params = rows.params();
    try {
      await INSERT_ROWS.run(this.pool, params);
    } catch (err) {
      if (isDataError(err)) throw err;
      await sleep(RETRY_PAUSE_MS);
      await INSERT_ROWS.run(this.pool, params);
    }
  }
}
