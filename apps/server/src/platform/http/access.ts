import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

// Route-access metadata, read by whatever guard authenticates requests (identity's AuthGuard).
// It lives in the platform so that platform routes (health, jobs) can say who may call them
// without knowing the module that decides it.

export const PUBLIC_KEY = 'tender:public';
export const ROLES_KEY = 'tender:roles';

/** The route needs no authentication. */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-auth', 'none'));

/** The route is only for these roles (the names are the identity module's; checked by its guard). */
export const Roles = (...roles: readonly string[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));
