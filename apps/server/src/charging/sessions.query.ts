import { Injectable } from '@nestjs/common';
import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { toPage, type Page, type PageQuery } from '../platform/http/pagination';
import {
  chargers,
  chargingSessions,
  ocppTransactions,
  type CaptureStatus,
  type ChargingSessionRow,
  type SessionStatus,
} from './charging.schema';
import { historiesOf, historyOf } from './session-history';
import { NO_HISTORY } from './session-pricing';
import { toReceiptView, toSessionView, type ReceiptView, type SessionView } from './sessions.view';

export interface SessionFilter extends PageQuery {
  status?: SessionStatus;
  captureStatus?: CaptureStatus;
  companyId?: string;
  stationId?: string;
  from?: string;
  to?: string;
}

/**
 * Who sees a session: its driver, an operator of its company, an admin; anyone else gets a 404
 * (ids do not leak). Lists: a driver's own, an operator's company's, an admin's all.
 */
function visibleTo(actor: UserRow): SQL | undefined {
  if (actor.role === 'ADMIN') return undefined;
  if (actor.role === 'OPERATOR' && actor.companyId)
    return eq(chargingSessions.companyId, actor.companyId);
  return eq(chargingSessions.userId, actor.id);
}

/** Reads of sessions, with the live energy and cost from their OCPP transaction. */
@Injectable()
export class SessionsQuery {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /** The session if the actor may see it (the driver, its company's operators, admins), else 404. */
  async visible(actor: UserRow, id: string): Promise<ChargingSessionRow> {
    const [row] = await this.database.db
      .select()
      .from(chargingSessions)
      .where(and(eq(chargingSessions.id, id), visibleTo(actor)));
    if (!row) throw AppError.notFound('session', id);
    return row;
  }

  async view(actor: UserRow, id: string): Promise<SessionView> {
    const { session, tx } = await this.withTransaction(await this.visible(actor, id));
    const history = await historyOf(this.database.db, session, tx);
    return toSessionView(session, tx, this.clock.now(), history);
  }

  async receipt(actor: UserRow, id: string): Promise<ReceiptView> {
    const { session, tx } = await this.withTransaction(await this.visible(actor, id));
    if (!session.startedAt)
      throw new AppError('conflict', 'session_not_started', 'The session never started charging');
    const history = await historyOf(this.database.db, session, tx);
    return toReceiptView(session, tx, this.clock.now(), history);
  }

  async list(actor: UserRow, q: SessionFilter): Promise<Page<SessionView>> {
    const now = this.clock.now();
    const rows = await this.database.db
      .select({ session: chargingSessions, tx: ocppTransactions })
      .from(chargingSessions)
      .leftJoin(ocppTransactions, eq(ocppTransactions.id, chargingSessions.ocppTransactionId))
      .where(
        and(
          visibleTo(actor),
          q.status ? eq(chargingSessions.status, q.status) : undefined,
          q.captureStatus ? eq(chargingSessions.captureStatus, q.captureStatus) : undefined,
          q.companyId ? eq(chargingSessions.companyId, q.companyId) : undefined,
          q.stationId
            ? inArray(
                chargingSessions.chargerId,
                this.database.db
                  .select({ id: chargers.id })
                  .from(chargers)
                  .where(eq(chargers.stationId, q.stationId)),
              )
            : undefined,
          q.from ? gte(chargingSessions.createdAt, new Date(q.from)) : undefined,
          q.to ? lt(chargingSessions.createdAt, new Date(q.to)) : undefined,
          q.startingAfter ? lt(chargingSessions.id, q.startingAfter) : undefined,
        ),
      )
      .orderBy(desc(chargingSessions.id))
      .limit(q.limit + 1);
    // Only sessions still running are priced now; a completed one's cost is stored.
    const histories = await historiesOf(
      this.database.db,
      rows.slice(0, q.limit).filter((r) => r.session.cost === null && r.session.startedAt),
    );
    return toPage(
      rows.map((r) => ({ id: r.session.id, ...r })),
      q.limit,
      (r) => toSessionView(r.session, r.tx, now, histories.get(r.session.id) ?? NO_HISTORY),
    );
  }

  private async withTransaction(session: ChargingSessionRow) {
    if (session.ocppTransactionId === null) return { session, tx: null };
    const [tx] = await this.database.db
      .select()
      .from(ocppTransactions)
      .where(eq(ocppTransactions.id, session.ocppTransactionId));
    return { session, tx: tx ?? null };
  }
}
