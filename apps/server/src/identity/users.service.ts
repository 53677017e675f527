import { Injectable } from '@nestjs/common';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { matchesText } from '../platform/database/like';
import { isUniqueViolation } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import { refreshTokens, users, type UserRole, type UserRow } from './identity.schema';
import { canSell, SellerStatusHooks, type SellerStatusChange } from './seller-status-hooks';
import type { VerifiedToken } from './access-tokens';
import { toPublicUser, type PublicUser } from './users.view';

export interface UserPatch {
  firstName?: string | null;
  lastName?: string | null;
  role?: UserRole;
  isActive?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly sellers: SellerStatusHooks,
  ) {}

  private get db() {
    return this.database.db;
  }

  /** Prepared once: the guard runs this on every authenticated request. */
  private activeById?: ReturnType<UsersService['prepareActiveById']>;

  private prepareActiveById() {
    return this.database.db
      .select()
      .from(users)
      .where(and(eq(users.id, sql.placeholder('id')), isNull(users.deletedAt)))
      .prepare('users_active_by_id');
  }

  async findActive(id: string): Promise<UserRow | undefined> {
    this.activeById ??= this.prepareActiveById();
    const [user] = await this.activeById.execute({ id });
    return user;
  }

  /** Prepared once: the guard runs this on every request with one of our access tokens. */
  private inSession?: ReturnType<UsersService['prepareInSession']>;

  private prepareInSession() {
    // A session ends when its refresh-token family is revoked (logout, a detected reuse, account
    // deletion), and revocation marks every row of the family: one probe of the partial index of
    // revoked rows answers it, in the same round trip as the user row.
    return this.database.db
      .select({
        user: users,
        ended: sql<boolean>`EXISTS (SELECT 1 FROM ${refreshTokens} WHERE ${refreshTokens.familyId} = ${sql.placeholder('sid')} AND ${refreshTokens.revokedAt} IS NOT NULL)`,
      })
      .from(users)
      .where(and(eq(users.id, sql.placeholder('id')), isNull(users.deletedAt)))
      .prepare('users_active_in_session');
  }

  /** The live user behind one of our access tokens, and whether the token's session has ended. */
  async findForSession(
    id: string,
    sessionId: string,
  ): Promise<{ user: UserRow; sessionEnded: boolean } | undefined> {
    this.inSession ??= this.prepareInSession();
    const [row] = await this.inSession.execute({ id, sid: sessionId });
    return row ? { user: row.user, sessionEnded: row.ended } : undefined;
  }

  /** A user of the external OIDC issuer is provisioned the first time one of their tokens is seen. */
  async findOrProvisionOidc(identity: Extract<VerifiedToken, { kind: 'oidc' }>): Promise<UserRow> {
    const byLink = and(
      eq(users.oidcIssuer, identity.issuer),
      eq(users.oidcSubject, identity.subject),
    );
    const [existing] = await this.db.select().from(users).where(byLink);
    if (existing) {
      if (existing.deletedAt)
        throw AppError.unauthenticated('invalid_token', 'This account was deleted');
      return existing;
    }
    const now = this.clock.now();
    const [first, ...rest] = (identity.name ?? '').split(' ');
    try {
      const inserted = await this.db
        .insert(users)
        .values({
          id: newId('user', now.getTime()),
          email: (identity.email ?? `${identity.subject}@oidc.invalid`).toLowerCase(),
          oidcIssuer: identity.issuer,
          oidcSubject: identity.subject,
          firstName: first || null,
          lastName: rest.join(' ') || null,
          lastLogin: now,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [users.oidcIssuer, users.oidcSubject] })
        .returning();
      if (inserted[0]) return inserted[0];
      // A concurrent first request provisioned the same subject: use that row.
      const [raced] = await this.db.select().from(users).where(byLink);
      if (raced) return raced;
      throw new Error('OIDC user vanished after a provisioning conflict');
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new AppError(
          'conflict',
          'email_taken',
          'A local account already uses this e-mail; sign in with its password',
        );
      }
      throw err;
    }
  }

  async list(query: PageQuery & { role?: UserRole; q?: string }): Promise<Page<PublicUser>> {
    return selectPage(
      this.db.select().from(users).$dynamic(),
      users.id,
      query,
      [
        isNull(users.deletedAt),
        query.role ? eq(users.role, query.role) : undefined,
        matchesText(query.q, [users.email, users.firstName, users.lastName]),
      ],
      toPublicUser,
    );
  }

  /** Users may read themselves; admins anyone. Others get a 404, not a 403, so ids do not leak. */
  async getVisible(actor: UserRow, id: string): Promise<UserRow> {
    if (actor.role !== 'ADMIN' && actor.id !== id) throw AppError.notFound('user', id);
    const user = await this.findActive(id);
    if (!user) throw AppError.notFound('user', id);
    return user;
  }

  async update(actor: UserRow, id: string, patch: UserPatch): Promise<PublicUser> {
    await this.getVisible(actor, id);
    if ((patch.role !== undefined || patch.isActive !== undefined) && actor.role !== 'ADMIN') {
      throw AppError.forbidden('Only an admin may change roles or disable accounts');
    }
    if (patch.role === 'OPERATOR') {
      throw AppError.validation(
        'Attach operators through their company',
        'role',
        'use_company_operators',
      );
    }
    const { row, change } = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({
          ...patch,
          // Leaving the operator role detaches the user from their company.
          ...(patch.role !== undefined ? { companyId: null } : {}),
          updatedAt: this.clock.now(),
        })
        .where(and(eq(users.id, id), isNull(users.deletedAt)))
        .returning();
      if (!row) throw AppError.notFound('user', id);
      // A demoted or disabled merchant stops selling (and a restored one sells again) in the same
      // transaction as the change.
      let change: SellerStatusChange | undefined;
      if (patch.role !== undefined || patch.isActive !== undefined) {
        change = { userId: id, canSell: canSell(row) };
        await this.sellers.changed(tx, change);
      }
      return { row, change };
    });
    if (change) await this.sellers.committed(change);
    return toPublicUser(row);
  }

  /**
   * Soft delete: the row stays for the audit trail; every refresh token is revoked (so every session
   * ends) and, for a merchant, every product goes off sale, in the same transaction.
   */
  async softDelete(actor: UserRow, id: string): Promise<void> {
    await this.getVisible(actor, id);
    const now = this.clock.now();
    const change = { userId: id, canSell: false };
    await this.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ deletedAt: now, isActive: false, updatedAt: now })
        .where(eq(users.id, id));
      await tx
        .update(refreshTokens)
        .set({ revokedAt: now })
        .where(and(eq(refreshTokens.userId, id), isNull(refreshTokens.revokedAt)));
      await this.sellers.changed(tx, change);
    });
    await this.sellers.committed(change);
  }
}
