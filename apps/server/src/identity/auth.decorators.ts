import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors/app-error';
import type { UserRole, UserRow } from './identity.schema';

export const PUBLIC_KEY = 'tender:public';
export const ROLES_KEY = 'tender:roles';

/** The route needs no authentication. */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-auth', 'none'));

/** The route is only for these roles (checked by AuthGuard after authentication). */
export const Roles = (...roles: UserRole[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));

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
