import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors/app-error';
import { Roles as AccessRoles } from '../platform/http/access';
import type { UserRole, UserRow } from './identity.schema';

export { Public, PUBLIC_KEY, ROLES_KEY } from '../platform/http/access';

/** The route is only for these roles (checked by AuthGuard after authentication). */
export const Roles = (...roles: UserRole[]) => AccessRoles(...roles);

export type AuthedRequest = FastifyRequest & { user?: UserRow; sessionId?: string };

/** The session (refresh-token family) of the request's access token, if it is one of ours. */
export const CurrentSession = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined =>
    ctx.switchToHttp().getRequest<AuthedRequest>().sessionId,
);

/** The authenticated user, as loaded from the database for this request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserRow => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw AppError.unauthenticated();
  return user;
});
