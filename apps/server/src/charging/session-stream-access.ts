import { Injectable } from '@nestjs/common';
import type { UserRow } from '../identity';
import { AppError } from '../platform/errors/app-error';
import { SessionAccess } from './session-access';

/**
 * Who may follow a session's live stream: exactly who may read it (SessionAccess) — its driver, an
 * operator of its company, an admin, or a guest by the session's access key (X-Session-Key).
 * Anything else is a 404 as if the session did not exist; no proof at all is a 401.
 */
@Injectable()
export class SessionStreamAccess {
  constructor(private readonly access: SessionAccess) {}

  /** Resolves when the actor or the key may see session `id`; throws 401/404 otherwise. */
  async mayWatch(actor: UserRow | undefined, id: string, key: string | undefined): Promise<void> {
    if (actor === undefined && key === undefined)
      throw AppError.unauthenticated(
        'missing_token',
        'Send an access token (Authorization: Bearer <token>) or the session key (X-Session-Key)',
      );
    await this.access.find({ user: actor, key }, id);
  }
}
