import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../platform/errors/app-error';
import { PUBLIC_KEY, ROLES_KEY, type AuthedRequest } from './auth.decorators';
import { Authenticator } from './authenticator';
import type { UserRole } from './identity.schema';

/**
 * The global guard: every route needs a valid bearer token unless marked @Public(). The user is
 * loaded from the database on each request (Authenticator), so a deleted, disabled or demoted user
 * or an ended session loses access at once rather than when the token expires. @Roles() is
 * checked against that fresh row.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match)
      throw AppError.unauthenticated(
        'missing_token',
        'Send an access token: Authorization: Bearer <token>',
      );

    const { user, sessionId } = await this.authenticator.authenticate(match[1]!);
    req.user = user;
    req.sessionId = sessionId;

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw AppError.forbidden(`This action needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
