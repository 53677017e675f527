import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
} from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Authenticator, type AuthedRequest, type UserRow } from '../identity';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { PublicRateLimit } from '../platform/rate-limit/public-rate-limit.guard';
import { chargingSessions, type ChargingSessionRow } from './charging.schema';
import { chargingSessionPayers, type SessionPayerRow } from './session-payers.schema';

/** The header a guest proves a session with (never a URL query: URLs reach logs). */
export const SESSION_KEY_HEADER = 'x-session-key';

/** A guest's access key: 32 random bytes, base64url (43 characters). */
export function newAccessKey(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of an access key: its sha256, hex. */
export function accessKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The seed-000 routes: one per-IP window for all of them (they are public to guests). */
@Injectable()
export class PayerRateLimit extends PublicRateLimit {
  protected readonly bucket = 'charging-payer';
}

/**
 * For the public seed-000 routes: the signed-in user when a bearer token is sent (a bad token is
 * still a 401, so clients notice), anonymous otherwise — a guest, who proves a session with its
 * access key instead.
 */
@Injectable()
export class PayerAuthGuard implements CanActivate {
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

/** Who acts on a session: the signed-in user (if any) and the access key sent (if any). */
export interface Payer {
  user?: UserRow;
  key?: string;
}

export const CurrentPayer = createParamDecorator((_: unknown, ctx: ExecutionContext): Payer => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  const raw = req.headers[SESSION_KEY_HEADER];
  const key = typeof raw === 'string' && raw.length > 0 ? raw : undefined;
  return { ...(req.user ? { user: req.user } : {}), ...(key ? { key } : {}) };
});

/**
 * Who may act on a session: its driver, an operator of its company, an admin — or whoever holds
 * its access key (a guest's session). Anyone else gets 404 `session_not_found`, whether or not the
 * id exists.
 */
@Injectable()
export class SessionAccess {
  constructor(private readonly database: Database) {}

  async find(
    payer: Payer,
    id: string,
  ): Promise<{ session: ChargingSessionRow; payer: SessionPayerRow | null }> {
    const [row] = await this.database.db
      .select({ session: chargingSessions, payer: chargingSessionPayers })
      .from(chargingSessions)
      .leftJoin(chargingSessionPayers, eq(chargingSessionPayers.sessionId, chargingSessions.id))
      .where(eq(chargingSessions.id, id));
    if (row && (this.byUser(payer.user, row.session) || this.byKey(payer.key, row.payer)))
      return row;
    throw AppError.notFound('session', id);
  }

  /** The payer row of a session (null: a card-hold session of POST /sessions/start). */
  async payerOf(sessionId: string): Promise<SessionPayerRow | null> {
    const [row] = await this.database.db
      .select()
      .from(chargingSessionPayers)
      .where(and(eq(chargingSessionPayers.sessionId, sessionId)));
    return row ?? null;
  }

  private byUser(user: UserRow | undefined, s: ChargingSessionRow): boolean {
    if (!user) return false;
    if (user.role === 'ADMIN') return true;
    if (user.role === 'OPERATOR' && user.companyId) return user.companyId === s.companyId;
    return s.userId === user.id;
  }

  private byKey(key: string | undefined, p: SessionPayerRow | null): boolean {
    if (!key || !p?.accessKeyHash || key.length > 100) return false;
    const given = Buffer.from(accessKeyHash(key), 'hex');
    const stored = Buffer.from(p.accessKeyHash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  }
}
