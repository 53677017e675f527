import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import { Logger } from '../platform/logging/logger';
import { ocppMessages, type OcppMessageRow } from './charging.schema';
import { Chargers } from './chargers';
import { OcppLogWriter } from './ocpp-log-writer';
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

/**
 * Every OCPP frame in and out, per charger, for operators. The id is taken when the frame passes
 * (ids are monotonic), so the log's order is the wire's order. Rows are group-committed
 * (OcppLogWriter): a frame is buffered and written with every other frame that arrived within the
 * linger or while the previous write ran, one multi-row INSERT per batch and one batch in flight
 * at a time, so batches commit in id order and a page of the log never shows a row without the
 * ones before it. Nothing here is money: the
 * handlers of StartTransaction and StopTransaction write their effect before they answer; the log
 * of it follows within a write. A failed write is tried once more, then row by row so only a row
 * PostgreSQL refuses is lost (and logged); it never disturbs the charger's conversation. On a
 * clean shutdown every buffered row is written before the pool closes; a crash loses at most the
 * rows of the write in flight and those buffered behind it (milliseconds of frames).
 */
@Injectable()
export class OcppLog implements OnApplicationShutdown {
  private readonly writer: OcppLogWriter;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    logger: Logger,
    private readonly chargers: Chargers,
  ) {
    this.writer = new OcppLogWriter(database.pool, logger);
  }

  record(chargerId: string, direction: 'IN' | 'OUT', raw: string | Buffer): void {
    const at = this.clock.now().getTime();
    let frame = raw.toString();
    // What we send is ocpp-rpc's JSON.stringify; what a charger sends may be anything.
    if (direction === 'IN') {
      try {
        JSON.parse(frame);
      } catch {
        frame = JSON.stringify(frame); // not JSON: kept as the charger sent it
      }
    }
    this.writer.record(newId('ocppMessage', at), chargerId, direction, frame, at);
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
    await this.writer.close();
  }
}
