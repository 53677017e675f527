import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../platform/errors/app-error';
import { PUBLIC_KEY, ROLES_KEY, type AuthedRequest } from './auth.decorators';
import type { UserRole } from './identity.schema';
import { TokenService } from './tokens';
import { UsersService } from './users.service';

/**
 * The global guard: every route needs a valid bearer token unless marked @Public(). The user is
 * loaded from the database on each request, so a deleted, disabled or demoted user loses access at
 * once rather than when the token expires. @Roles() is checked against that fresh row.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
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

    const identity = await this.tokens.verifyAccessToken(match[1]!);
    const user =
      identity.kind === 'local'
        ? await this.users.findActive(identity.userId)
        : await this.users.findOrProvisionOidc(identity);
    if (!user)
      throw AppError.unauthenticated('invalid_token', 'The account behind this token is gone');
    if (!user.isActive)
      throw new AppError('forbidden', 'account_disabled', 'This account is disabled');
    req.user = user;

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw AppError.forbidden(`This action needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
