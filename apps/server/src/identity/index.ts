// identity's public face: what other modules (and the composition root) may import from identity.
// Everything else in this folder is internal; `npm run lint` fails on a deep import from outside.
export { IdentityModule } from './identity.module';
export { UsersService } from './users.service';
export { CompaniesService } from './companies.service';
export { AccessTokens } from './access-tokens';
export { Authenticator, type Authenticated } from './authenticator';
export {
  SellerStatusHooks,
  canSell,
  type SellerStatusChange,
  type SellerStatusListener,
} from './seller-status-hooks';
export { CurrentSession, CurrentUser, Public, Roles, type AuthedRequest } from './auth.decorators';
export { seedDemoData } from './demo-seed';
// The one password hashing (argon2id), for other secrets people or machines log in with (chargers).
export { hashPassword, verifyPassword } from './passwords';
export type { CompanyRow, UserRole, UserRow } from './identity.schema';
