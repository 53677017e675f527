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
 * (ids are monotonic), so the log's order is the wire's order even though rows are written
 * concurrently; a failed write is logged, never allowed to disturb the charger's conversation.
 */
@Injectable()
export class OcppLog implements OnApplicationShutdown {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly chargers: Chargers,
  ) {}

  record(chargerId: string, direction: 'IN' | 'OUT', raw: string | Buffer): void {
    const now = this.clock.now();
    const text = raw.toString();
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      frame = text; // not JSON: kept as the charger sent it
    }
    const write = this.database.db
      .insert(ocppMessages)
      .values({
        id: newId('ocppMessage', now.getTime()),
        chargerId,
        direction,
        frame,
        receivedAt: now,
      })
      .then(
        () => undefined,
        (err: unknown) => this.logger.error({ err, chargerId }, 'ocpp log write failed'),
      );
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
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

  /** Lets writes in flight finish before the pool closes. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.pending);
  }
}
