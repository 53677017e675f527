import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
} from '@nestjs/common';
import { type AuthedRequest, type UserRow, Authenticator } from '../identity';
import { AppError } from '../platform/errors/app-error';

/**
 * For @Public() routes whose answer depends on who asks (an owner may read their own hidden
 * product). The global AuthGuard skips public routes entirely, so this route-level guard loads the
 * user when a bearer token is sent, with the same checks; no token means anonymous, and a bad token
 * is still a 401 rather than silently anonymous, so clients notice.
 */
@Injectable()
export class OptionalAuthGuard implements CanActivate {
  constructor(private readonly authenticator: Authenticator) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    if (header === undefined) return true;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw AppError.unauthenticated('invalid_token', 'Malformed Authorization header');
    req.user = (await this.authenticator.authenticate(match[1]!)).user;
    return true;
  }
}

/** The signed-in user on a route guarded by OptionalAuthGuard, or undefined for anonymous calls. */
export const OptionalUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): UserRow | undefined =>
    ctx.switchToHttp().getRequest<AuthedRequest>().user,
);
