import { Injectable } from '@nestjs/common';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { Clock } from '../clock';
import { Database, type Db, type DbOrTx } from '../database/database';
import { AppError } from '../errors/app-error';
import { idempotencyKeys } from './idempotency.schema';

/** How long a key and its stored response are kept (DESIGN §4), counted from the first request. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface ClaimRequest {
  scope: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  /** How long the claim blocks duplicates before it counts as abandoned (the handler crashed). */
  lockMs: number;
}

/** What a claim decided: run the handler (we own the key until `lockedUntil`) or replay. */
export type ClaimOutcome =
  { kind: 'claimed'; lockedUntil: Date } | { kind: 'replay'; status: number; body: string | null };

/** A claim's identity: the row is still ours only while it is in flight with our `lockedUntil`. */
export interface Claim {
  scope: string;
  key: string;
  lockedUntil: Date;
}

// A claim and the read that follows it are two statements; the row may vanish in between (its
// handler failed with a 5xx and released it). Claiming again then succeeds, so a few rounds suffice.
const CLAIM_ATTEMPTS = 3;

/**
 * The `idempotency_keys` table. Every decision is a single statement, so concurrent requests with
 * one key are serialised by PostgreSQL's primary key rather than by anything in this process (and
 * so hold across several server instances).
 */
@Injectable()
export class IdempotencyStore {
  /** Every keyed request claims and completes: both statements are built once, then only run. */
  private queries?: ReturnType<typeof prepareQueries>;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Claims (scope, key) for this request, or says what to do instead: replay a stored response,
   * 422 when the key was used for another request, 409 while the first request is still running.
   */
  async claim(req: ClaimRequest): Promise<ClaimOutcome> {
    const t = idempotencyKeys;
    this.queries ??= prepareQueries(this.database.db);
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const now = this.clock.now();
      const won = await this.queries.claim.execute({
        scope: req.scope,
        key: req.key,
        method: req.method,
        path: req.path,
        requestHash: req.requestHash,
        now,
        lockedUntil: new Date(now.getTime() + req.lockMs),
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
      });
      if (won[0]) return { kind: 'claimed', lockedUntil: won[0].lockedUntil };

      const [row] = await this.database.db
        .select({
          requestHash: t.requestHash,
          responseStatus: t.responseStatus,
          // The stored JSON text itself (drizzle would parse a jsonb string a second time).
          responseBody: sql<string | null>`${t.responseBody} #>> '{}'`,
        })
        .from(t)
        .where(and(eq(t.scope, req.scope), eq(t.key, req.key)));
      if (!row) continue;
      if (row.requestHash !== req.requestHash) {
        throw AppError.idempotencyKeyReused(
          'This Idempotency-Key was already used with a different request (method, path or body). Use a new key for a new request.',
          'Idempotency-Key',
        );
      }
      if (row.responseStatus === null) throw inFlight();
      return { kind: 'replay', status: row.responseStatus, body: row.responseBody };
    }
    throw inFlight();
  }

  /** Stores the response of a claimed request. False if the claim was lost (taken over). */
  async complete(claim: Claim, status: number, body: string | null): Promise<boolean> {
    this.queries ??= prepareQueries(this.database.db);
    const done = await this.queries.complete.execute({
      ...claim,
      status,
      body: body === null ? null : JSON.stringify(body),
    });
    return done.length > 0;
  }

  /** Drops a claim whose request failed in a way worth retrying (5xx), so a retry runs again. */
  async release(claim: Claim): Promise<void> {
    await this.database.db.delete(idempotencyKeys).where(ours(claim));
  }

  /** Deletes expired keys; returns how many. For the jobs module to schedule (e.g. hourly). */
  purgeExpired(batchSize = 10_000): Promise<number> {
    return purgeExpiredIdempotencyKeys(this.database.db, this.clock.now(), batchSize);
  }
}

/**
 * Deletes keys expired at `now`, in batches so one run never holds a huge lock set. Usable without
 * Nest (a job handler given the database).
 */
export async function purgeExpiredIdempotencyKeys(
  db: DbOrTx,
  now: Date,
  batchSize = 10_000,
): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute(sql`
      DELETE FROM idempotency_keys
      WHERE (scope, key) IN (
        SELECT scope, key FROM idempotency_keys WHERE expires_at <= ${now.toISOString()} LIMIT ${batchSize}
      )`);
    const deleted = result.rowCount ?? 0;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

const p = (name: string) => sql.placeholder(name);

function prepareQueries(db: Db) {
  const t = idempotencyKeys;
  // Insert, or take over a row nobody can use any more: expired, or in flight past its lock
  // (a crashed request). ON CONFLICT locks the existing row, so of N racers exactly one wins.
  const claim = db
    .insert(t)
    .values({
      scope: p('scope'),
      key: p('key'),
      method: p('method'),
      path: p('path'),
      requestHash: p('requestHash'),
      responseStatus: null,
      responseBody: null,
      lockedUntil: p('lockedUntil'),
      createdAt: p('now'),
      expiresAt: p('expiresAt'),
    })
    .onConflictDoUpdate({
      target: [t.scope, t.key],
      // The taken-over row starts afresh: everything as this request would have inserted it.
      set: Object.fromEntries(
        (
          [
            'method',
            'path',
            'requestHash',
            'responseStatus',
            'responseBody',
            'lockedUntil',
            'createdAt',
            'expiresAt',
          ] as const
        ).map((k) => [k, sql.raw(`excluded.${t[k].name}`)]),
      ),
      setWhere: or(
        lte(t.expiresAt, p('now')),
        and(isNull(t.responseStatus), lte(t.lockedUntil, p('now'))),
      ),
    })
    .returning({ lockedUntil: t.lockedUntil })
    .prepare('idempotency_claim');
  const complete = db
    .update(t)
    // A jsonb *string* holding the exact JSON text (see the schema): encoded by the caller.
    .set({ responseStatus: sql`${p('status')}`, responseBody: sql`${p('body')}::jsonb` })
    .where(
      and(
        eq(t.scope, p('scope')),
        eq(t.key, p('key')),
        isNull(t.responseStatus),
        eq(t.lockedUntil, p('lockedUntil')),
      ),
    )
    .returning({ key: t.key })
    .prepare('idempotency_complete');
  return { claim, complete };
}

function ours(claim: Claim) {
  const t = idempotencyKeys;
  return and(
    eq(t.scope, claim.scope),
    eq(t.key, claim.key),
    isNull(t.responseStatus),
    eq(t.lockedUntil, claim.lockedUntil),
  );
}

function inFlight(): AppError {
  return new AppError(
    'conflict',
    'idempotency_request_in_flight',
    'A request with this Idempotency-Key is still being processed; retry once it has finished.',
    { param: 'Idempotency-Key' },
  );
}
