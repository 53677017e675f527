import { Injectable } from '@nestjs/common';
import { and, eq, gte, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Config } from '../platform/config/config';
import { Database } from '../platform/database/database';
import { isUniqueViolation } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { enforceRateLimits, ipKey, RateLimiter } from '../platform/rate-limit/rate-limiter';
import { refreshTokens, users, type UserRow } from './identity.schema';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { hashRefreshToken, newRefreshToken, AccessTokens } from './access-tokens';
import { toPublicUser, type PublicUser } from './users.view';

/**
 * A family with any revoked token is an ended session (what the guard checks too): none of its
 * tokens may be exchanged, including one issued by a refresh racing the revocation.
 */
const familyNotRevoked = sql`NOT EXISTS (SELECT 1 FROM refresh_tokens f WHERE f.family_id = ${refreshTokens.familyId} AND f.revoked_at IS NOT NULL)`;

export interface Session {
  user: PublicUser;
  accessToken: string;
  refreshToken: string;
}

export interface RegisterInput {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
  role?: 'USER' | 'MERCHANT';
}

@Injectable()
export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly config: Config,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    private readonly tokens: AccessTokens,
  ) {}

  private get db() {
    return this.database.db;
  }

  private async limit(action: string, ip: string, email: string): Promise<void> {
    const { perIp, perEmail, windowSeconds } = this.config.auth.rateLimit;
    await enforceRateLimits(this.limiter, [
      { key: `${action}:ip:${ipKey(ip)}`, limit: perIp, windowSeconds },
      { key: `${action}:email:${email}`, limit: perEmail, windowSeconds },
    ]);
  }

  async register(input: RegisterInput, ip: string): Promise<Session> {
    const email = input.email.toLowerCase();
    await this.limit('register', ip, email);
    const passwordHash = await hashPassword(input.password);
    const now = this.clock.now();
    let user: UserRow | undefined;
    try {
      [user] = await this.db
        .insert(users)
        .values({
          id: newId('user', now.getTime()),
          email,
          passwordHash,
          role: input.role ?? 'USER',
          firstName: input.firstName ?? null,
          lastName: input.lastName ?? null,
          lastLogin: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new AppError(
          'conflict',
          'email_taken',
          'An account with this e-mail already exists',
          {
            param: 'email',
          },
        );
      }
      throw err;
    }
    return this.startSession(user!);
  }

  async login(emailInput: string, password: string, ip: string): Promise<Session> {
    const email = emailInput.toLowerCase();
    await this.limit('login', ip, email);
    const [user] = await this.db
      .select()
      .from(users)
      .where(and(eq(users.email, email), isNull(users.deletedAt)));
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !user.passwordHash || !ok) {
      throw AppError.unauthenticated('invalid_credentials', 'E-mail or password is incorrect');
    }
    if (!user.isActive) {
      throw new AppError('forbidden', 'account_disabled', 'This account is disabled');
    }
    const now = this.clock.now();
    const [updated] = await this.db
      .update(users)
      .set({ lastLogin: now })
      .where(eq(users.id, user.id))
      .returning();
    return this.startSession(updated ?? user);
  }

  /**
   * Rotation: the presented token is marked used by a guarded update, so of two concurrent refreshes
   * with one token exactly one wins. A token already spent by a rotation was replayed (it leaked):
   * the whole family is revoked — its access tokens too — and the caller must log in again. A
   * token never spent but revoked belongs to a session that was ended (logout, a reuse detected
   * on another token of the family, account deletion): a plain 401 `session_ended`.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const now = this.clock.now();
    const tokenHash = hashRefreshToken(refreshToken);
    const [claimed] = await this.db
      .update(refreshTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(refreshTokens.tokenHash, tokenHash),
          isNull(refreshTokens.usedAt),
          isNull(refreshTokens.revokedAt),
          sql`${refreshTokens.expiresAt} > ${now}`,
          familyNotRevoked,
        ),
      )
      .returning();
    if (!claimed) {
      const [known] = await this.db
        .select()
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, tokenHash));
      if (!known)
        throw AppError.unauthenticated('invalid_refresh_token', 'The refresh token is invalid');
      if (known.usedAt && !known.revokedAt && (await this.reissueLostRotation(known))) {
        return this.sessionOf(known.userId, known.familyId);
      }
      if (known.usedAt) {
        await this.revokeFamily(known.familyId);
        throw AppError.unauthenticated(
          'refresh_token_reused',
          'This refresh token was already used; every session of its family is now revoked',
        );
      }
      // Unspent, yet not claimed: revoked itself, or its family was (a reuse detected while this
      // token was being issued by a concurrent refresh).
      if (known.revokedAt || known.expiresAt > now) {
        throw AppError.unauthenticated(
          'session_ended',
          'This session has ended (logged out or revoked); sign in again',
        );
      }
      throw AppError.unauthenticated('refresh_token_expired', 'The refresh token has expired');
    }
    return this.sessionOf(claimed.userId, claimed.familyId);
  }

  /**
   * A reload or a dropped connection can lose the answer to a refresh the server completed: the
   * client then presents the spent token again, though nobody ever used what the rotation issued.
   * Within the grace window that is not a theft. The unused successor is spent (one live token per
   * family, still; not revoked, which would end the session) and a new pair is issued. A successor already used, a later rotation, or
   * a token older than the window is a reuse as before.
   */
  private async reissueLostRotation(spent: typeof refreshTokens.$inferSelect): Promise<boolean> {
    const graceMs = this.config.auth.refreshReuseGraceSeconds * 1000;
    const now = this.clock.now();
    if (!spent.usedAt || now.getTime() - spent.usedAt.getTime() > graceMs) return false;
    const [laterUse] = await this.db
      .select({ id: refreshTokens.id })
      .from(refreshTokens)
      .where(
        and(
          eq(refreshTokens.familyId, spent.familyId),
          ne(refreshTokens.id, spent.id),
          gte(refreshTokens.usedAt, spent.usedAt),
        ),
      )
      .limit(1);
    if (laterUse) return false;
    const [revoked] = await this.db
      .select({ id: refreshTokens.id })
      .from(refreshTokens)
      .where(and(eq(refreshTokens.familyId, spent.familyId), isNotNull(refreshTokens.revokedAt)))
      .limit(1);
    if (revoked) return false;
    // Only the successor (issued by this very rotation, so created after it) may be live.
    const superseded = await this.db
      .update(refreshTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(refreshTokens.familyId, spent.familyId),
          isNull(refreshTokens.usedAt),
          isNull(refreshTokens.revokedAt),
          gte(refreshTokens.createdAt, spent.usedAt),
        ),
      )
      .returning({ id: refreshTokens.id });
    return superseded.length > 0;
  }

  private async sessionOf(userId: string, familyId: string): Promise<Session> {
    const [user] = await this.db
      .select()
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)));
    if (!user || !user.isActive) {
      await this.revokeFamily(familyId);
      throw AppError.unauthenticated('invalid_refresh_token', 'The account is no longer active');
    }
    return this.issue(user, familyId);
  }

  /**
   * Ends the caller's session (`sessionId`, from the access token) and the session of the given
   * refresh token (it must be the caller's), or every session of the user without one. Ending a
   * session revokes its refresh-token family, which the guard checks on every request: the
   * session's access tokens stop working at once, on every node.
   */
  async logout(
    userId: string,
    refreshToken: string | undefined,
    sessionId: string | undefined,
  ): Promise<void> {
    const now = this.clock.now();
    if (!refreshToken) {
      await this.db
        .update(refreshTokens)
        .set({ revokedAt: now })
        .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
      return;
    }
    const [known] = await this.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(refreshToken)));
    if (!known || known.userId !== userId) {
      throw AppError.validation('Unknown refresh token', 'refreshToken', 'invalid_refresh_token');
    }
    await this.revokeFamily(known.familyId);
    if (sessionId && sessionId !== known.familyId) await this.endSession(userId, sessionId);
  }

  /** Revokes one session of the user (a family id from their own access token). */
  private async endSession(userId: string, familyId: string): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: this.clock.now() })
      .where(
        and(
          eq(refreshTokens.familyId, familyId),
          eq(refreshTokens.userId, userId),
          isNull(refreshTokens.revokedAt),
        ),
      );
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: this.clock.now() })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  }

  private startSession(user: UserRow): Promise<Session> {
    return this.issue(user, newId('refreshToken', this.clock.now().getTime()));
  }

  private async issue(user: UserRow, familyId: string): Promise<Session> {
    const now = this.clock.now();
    const { token, hash } = newRefreshToken();
    await this.db.insert(refreshTokens).values({
      id: newId('refreshToken', now.getTime()),
      userId: user.id,
      familyId,
      tokenHash: hash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.auth.refreshTokenTtlSeconds * 1000),
    });
    return {
      user: toPublicUser(user),
      accessToken: await this.tokens.signAccessToken(user, familyId),
      refreshToken: token,
    };
  }
}
