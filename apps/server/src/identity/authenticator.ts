import { Injectable } from '@nestjs/common';
import { AppError } from '../platform/errors/app-error';
import type { UserRow } from './identity.schema';
import { AccessTokens } from './access-tokens';
import { UsersService } from './users.service';

export interface Authenticated {
  user: UserRow;
  /** The session (refresh-token family) of one of our tokens; none for external OIDC tokens. */
  sessionId?: string;
}

/**
 * Bearer token → the user, fresh from the database on every request: a deleted, disabled or
 * demoted user, or a session ended by logout, loses access at once rather than when the token
 * expires. Shared by the global AuthGuard and the catalog's optional guard.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly users: UsersService,
  ) {}

  async authenticate(token: string): Promise<Authenticated> {
    const identity = await this.tokens.verifyAccessToken(token);
    let user: UserRow | undefined;
    if (identity.kind === 'local') {
      const found = await this.users.findForSession(identity.userId, identity.sessionId);
      if (found?.sessionEnded) {
        throw AppError.unauthenticated(
          'session_ended',
          'This session has ended (logged out or revoked); sign in again',
        );
      }
      user = found?.user;
    } else {
      user = await this.users.findOrProvisionOidc(identity);
    }
    if (!user)
      throw AppError.unauthenticated('invalid_token', 'The account behind this token is gone');
    if (!user.isActive)
      throw new AppError('forbidden', 'account_disabled', 'This account is disabled');
    return { user, sessionId: identity.kind === 'local' ? identity.sessionId : undefined };
  }
}
