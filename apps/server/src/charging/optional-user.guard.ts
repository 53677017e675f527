import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
} from '@nestjs/common';
import { type AuthedRequest, type UserRow, Authenticator } from '../identity';
import { AppError } from '../platform/errors/app-error';

/**
 * For @Public() routes a guest may use too (a session's live stream with its access key): the
 * user is loaded when a bearer token is sent, with the global guard's checks; no token means a
 * guest, and a bad token is still a 401 rather than silently a guest, so clients notice.
 */
@Injectable()
export class OptionalUserGuard implements CanActivate {
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

/** The signed-in user on a route guarded by OptionalUserGuard, or undefined for a guest. */
export const OptionalUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): UserRow | undefined =>
    ctx.switchToHttp().getRequest<AuthedRequest>().user,
);
