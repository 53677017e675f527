import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, primaryId, ref, timestamps, ts } from '../platform/database/columns';

export const USER_ROLES = ['USER', 'MERCHANT', 'OPERATOR', 'ADMIN'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const userRole = pgEnum('user_role', USER_ROLES);

/** An operator company (seed 001): charging stations and their operators belong to one. */
export const companies = pgTable('companies', {
  id: primaryId(),
  name: text('name').notNull(),
  ...timestamps(),
  deletedAt: ts('deleted_at'),
});

export const users = pgTable(
  'users',
  {
    id: primaryId(),
    /** Stored lower-cased, so uniqueness is case-insensitive. */
    email: text('email').notNull(),
    /** Null for users known only through an external OIDC issuer. */
    passwordHash: text('password_hash'),
    role: userRole('role').notNull().default('USER'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    isActive: boolean('is_active').notNull().default(true),
    lastLogin: ts('last_login'),
    companyId: text('company_id').references(() => companies.id),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    ...timestamps(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    // A soft-deleted user frees the e-mail for a new registration.
    uniqueIndex('users_email_live_key')
      .on(t.email)
      .where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex('users_oidc_key').on(t.oidcIssuer, t.oidcSubject),
    index('users_company_idx').on(t.companyId),
  ],
);

/**
 * Refresh tokens, stored as SHA-256 hashes only. Each login starts a family; every refresh marks
 * the presented token used and issues the next one in the same family. Presenting a used token
 * again means it leaked: the whole family is revoked.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: primaryId(),
    userId: ref('user_id', () => users.id),
    familyId: text('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_user_idx').on(t.userId),
    // The guard's per-request "has this session ended?" probe (UsersService.findForSession):
    // only revoked rows, so the probe of a live session finds nothing at once.
    index('refresh_tokens_revoked_family_idx')
      .on(t.familyId)
      .where(sql`${t.revokedAt} IS NOT NULL`),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type CompanyRow = typeof companies.$inferSelect;
