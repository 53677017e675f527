import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { isUniqueViolation } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import { eachAlone } from '../platform/jobs/each-alone';
import { JobQueue } from '../platform/jobs/jobs';
import { Logger } from '../platform/logging/logger';
import {
  chargers,
  connectors,
  reservations,
  type ReservationRow,
  type ReservationStatus,
} from './charging.schema';
import { ChargerRouter } from './charger-router';
import { upperSnake } from './ocpp-words';

export const RESERVATIONS_SWEEP_QUEUE = 'charging.reservations-sweep';
/** A reservation still PENDING after this long lost its answer (a crash mid-call): failed. */
const PENDING_GIVE_UP_MS = 2 * 60_000;

/** A one-off idTag (OCPP's IdToken is at most 20 characters): `R` and 19 base-32 characters. */
function reservationIdTag(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return `R${[...randomBytes(19)].map((b) => alphabet[b % 32]).join('')}`;
}

/** Who may see a reservation: its driver, an operator of its company, an admin. */
function visibleTo(actor: UserRow): SQL | undefined {
  if (actor.role === 'ADMIN') return undefined;
  if (actor.role === 'OPERATOR' && actor.companyId)
    return or(eq(reservations.companyId, actor.companyId), eq(reservations.userId, actor.id));
  return eq(reservations.userId, actor.id);
}

/**
 * Drivers' reservations of a connector for some minutes (OCPP 1.6 ReserveNow / CancelReservation).
 * The row claims the connector first (one live reservation per connector and per driver, by unique
 * indexes), then the charger is asked outside any transaction; its answer makes it ACTIVE or
 * FAILED. The charger expires a reservation itself at `expiryDate`; a sweep marks ours EXPIRED
 * then, and gives up on one whose answer was lost.
 */
@Injectable()
export class Reservations implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly router: ChargerRouter,
    private readonly jobs: JobQueue,
    private readonly log: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.recurring(RESERVATIONS_SWEEP_QUEUE, '* * * * *', () => this.sweep());
  }

  private get db() {
    return this.database.db;
  }

  async reserve(
    user: UserRow,
    input: { connectorId: string; minutes: number },
    key: string | undefined,
  ): Promise<ReservationRow> {
    if (key) {
      const [replay] = await this.db
        .select()
        .from(reservations)
        .where(and(eq(reservations.userId, user.id), eq(reservations.requestKey, key)));
      if (replay) {
        if (replay.connectorId !== input.connectorId)
          throw new AppError(
            'unprocessable',
            'idempotency_key_reused',
            'Key used for another connector',
          );
        return replay;
      }
    }
    const [target] = await this.db
      .select({ connector: connectors, charger: chargers })
      .from(connectors)
      .innerJoin(chargers, eq(chargers.id, connectors.chargerId))
      .where(
        and(
          eq(connectors.id, input.connectorId),
          isNull(connectors.deletedAt),
          isNull(chargers.deletedAt),
        ),
      );
    if (!target) throw AppError.notFound('connector', input.connectorId);
    if (!target.charger.online || target.connector.status !== 'AVAILABLE')
      throw new AppError(
        'conflict',
        'connector_unavailable',
        'The connector is not available now',
        {
          param: 'connectorId',
        },
      );
    const now = this.clock.now();
    let row: ReservationRow;
    try {
      [row] = (await this.db
        .insert(reservations)
        .values({
          id: newId('reservation', now.getTime()),
          userId: user.id,
          companyId: target.connector.companyId,
          chargerId: target.charger.id,
          connectorId: target.connector.id,
          idTag: reservationIdTag(),
          expiresAt: new Date(now.getTime() + input.minutes * 60_000),
          requestKey: key ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning()) as [ReservationRow];
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw new AppError(
        'conflict',
        'connector_reserved',
        'The connector is reserved, or you already hold a reservation',
        { param: 'connectorId' },
      );
    }
    return this.askCharger(row, target.connector.connectorId);
  }

  private async askCharger(row: ReservationRow, connectorNumber: number): Promise<ReservationRow> {
    let status: string;
    try {
      const answer = await this.call(row.chargerId, 'ReserveNow', {
        connectorId: connectorNumber,
        expiryDate: row.expiresAt.toISOString(),
        idTag: row.idTag,
        reservationId: row.ocppReservationId,
      });
      status = String(answer.status);
    } catch (err) {
      await this.settle(row.id, ['PENDING'], 'FAILED', 'NO_ANSWER');
      throw err;
    }
    if (status === 'Accepted') return this.settle(row.id, ['PENDING'], 'ACTIVE');
    await this.settle(row.id, ['PENDING'], 'FAILED', upperSnake(status));
    throw new AppError('conflict', 'reservation_refused', `The charger refused: ${status}`, {
      param: 'connectorId',
    });
  }

  async cancel(actor: UserRow, id: string): Promise<ReservationRow> {
    const row = await this.get(actor, id);
    if (row.status !== 'ACTIVE' && row.status !== 'PENDING')
      throw new AppError('conflict', 'reservation_not_live', `The reservation is ${row.status}`);
    const cancelled = await this.settle(row.id, ['ACTIVE', 'PENDING'], 'CANCELLED');
    // Best effort: a charger that no longer knows it (Rejected) or is offline frees the
    // connector at the expiry anyway, and its reservation no longer admits anyone we know.
    await this.call(row.chargerId, 'CancelReservation', {
      reservationId: row.ocppReservationId,
    }).catch((err: unknown) =>
      this.log.warn({ err, reservationId: row.id }, 'CancelReservation not delivered'),
    );
    return cancelled;
  }

  async get(actor: UserRow, id: string): Promise<ReservationRow> {
    const [row] = await this.db
      .select()
      .from(reservations)
      .where(and(eq(reservations.id, id), visibleTo(actor)));
    if (!row) throw AppError.notFound('reservation', id);
    return row;
  }

  list(
    actor: UserRow,
    query: PageQuery & { status?: ReservationStatus },
  ): Promise<Page<ReservationRow>> {
    return selectPage(
      this.db.select().from(reservations).$dynamic(),
      reservations.id,
      query,
      [visibleTo(actor), query.status ? eq(reservations.status, query.status) : undefined],
      (r) => r,
    );
  }

  /** The live reservation of a connector, if any: a driver's start must be its holder's. */
  async holder(connectorId: string): Promise<ReservationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(reservations)
      .where(and(eq(reservations.connectorId, connectorId), eq(reservations.status, 'ACTIVE')));
    return row && row.expiresAt > this.clock.now() ? row : undefined;
  }

  /** Expires what passed its time, and fails what never got an answer. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const expired = await this.db
      .update(reservations)
      .set({ status: 'EXPIRED', updatedAt: now })
      .where(and(eq(reservations.status, 'ACTIVE'), lte(reservations.expiresAt, now)))
      .returning({ id: reservations.id });
    const lost = await this.db
      .update(reservations)
      .set({ status: 'FAILED', failureCode: 'NO_ANSWER', updatedAt: now })
      .where(
        and(
          eq(reservations.status, 'PENDING'),
          lte(reservations.createdAt, new Date(now.getTime() - PENDING_GIVE_UP_MS)),
        ),
      )
      .returning();
    // The charger may have accepted what we never heard: take it back.
    await eachAlone(
      lost,
      (r) => this.call(r.chargerId, 'CancelReservation', { reservationId: r.ocppReservationId }),
      (err, r) => this.log.warn({ err, reservationId: r.id }, 'CancelReservation not delivered'),
    );
    return expired.length + lost.length;
  }

  private async settle(
    id: string,
    from: ReservationStatus[],
    to: ReservationStatus,
    failureCode?: string,
  ): Promise<ReservationRow> {
    const [row] = await this.db
      .update(reservations)
      .set({ status: to, updatedAt: this.clock.now(), ...(failureCode ? { failureCode } : {}) })
      .where(and(eq(reservations.id, id), inArray(reservations.status, from)))
      .returning();
    if (row) return row;
    const [current] = await this.db.select().from(reservations).where(eq(reservations.id, id));
    return current!;
  }

  /**
   * The charger's answer to a call, on whichever node it is connected; offline, silent or
   * refusing chargers as AppErrors (ChargerRouter's, and `charger_refused` for a CallError).
   */
  private async call(
    chargerId: string,
    action: 'ReserveNow' | 'CancelReservation',
    payload: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const { result, error } = await this.router.callCharger(chargerId, action, payload);
    if (error)
      throw new AppError(
        'conflict',
        'charger_refused',
        `The charger refused: ${error.description}`,
      );
    return result ?? {};
  }
}
