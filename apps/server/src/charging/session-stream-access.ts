import { Injectable } from '@nestjs/common';
import type { UserRow } from '../identity';
import { AppError } from '../platform/errors/app-error';
import { SessionsQuery } from './sessions.query';

/** Whether `key` is the access key of session `id` (a guest's proof of ownership). */
export type SessionKeyCheck = (sessionId: string, key: string) => Promise<boolean>;

/**
 * Who may follow a session: the one check behind its live stream. A signed-in actor as for every
 * session read (its driver, an operator of its company, an admin); a guest by the session's access
 * key (header X-Session-Key), judged by the checks registered here by whoever issues the keys.
 * Anything else is a 404 as if the session did not exist; no proof at all is a 401. The guest
 * sessions' own access check (SessionAccess of the seed-000 routes) can take over `mayWatch`
 * whole once both are in one tree: this class is the stream's one seam for it.
 */
@Injectable()
export class SessionStreamAccess {
  private readonly keyChecks: SessionKeyCheck[] = [];

  constructor(private readonly query: SessionsQuery) {}

  /** Guest sessions' issuer registers how it verifies their keys (hashed at rest). */
  acceptKeys(check: SessionKeyCheck): void {
    this.keyChecks.push(check);
  }

  /** Resolves when the actor or the key may see session `id`; throws 401/404 otherwise. */
  async mayWatch(actor: UserRow | undefined, id: string, key: string | undefined): Promise<void> {
    if (actor === undefined && key === undefined)
      throw AppError.unauthenticated(
        'missing_token',
        'Send an access token (Authorization: Bearer <token>) or the session key (X-Session-Key)',
      );
    if (actor) {
      try {
        await this.query.visible(actor, id);
        return;
      } catch (err) {
        if (key === undefined) throw err;
      }
    }
    for (const check of this.keyChecks) if (await check(id, key!)) return;
    throw AppError.notFound('session', id);
  }
}
