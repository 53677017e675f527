import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import {
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/errors/app-error';
import type { UserRole } from './identity.schema';

export const TOKEN_ISSUER = 'tender';
export const TOKEN_AUDIENCE = 'tender-api';

/** Bound on remembered verified tokens; beyond it the memo starts over (a bound, not a policy). */
const MAX_VERIFIED_TOKENS = 10_000;

export type VerifiedToken =
  /** `sessionId`: the refresh-token family the token was issued in (claim `sid`). */
  | { kind: 'local'; userId: string; sessionId: string }
  | { kind: 'oidc'; issuer: string; subject: string; email?: string; name?: string };

export interface TokenSettings {
  secret: string;
  accessTokenTtlSeconds: number;
  oidc?: { issuer: string; jwksUrl: string; audience?: string };
}

/**
 * Access tokens are HS256 JWTs we sign (15 min). Tokens whose `iss` is the configured OIDC issuer
 * (AWS Cognito in seed 001) are verified against that issuer's JWKS instead. Only the listed
 * algorithms are accepted, so `alg: none` and algorithm-confusion tokens are refused, and a token
 * without `exp` is refused (it would never expire). Ours carry `sid`, the session (refresh-token
 * family) they belong to: a logout ends the session, and the guard refuses its tokens from then on
 * (see UsersService.findForSession) — checked on every request, never remembered here.
 */
export class AccessTokens {
  /** A KeyObject made once: jose would otherwise import the raw secret on every verification. */
  private readonly key: KeyObject;
  private readonly jwks?: JWTVerifyGetKey;
  /**
   * Tokens already verified, until they expire. A token is an immutable signed string, so checking
   * its signature again on each of a client's requests proves nothing new. Only the signature is
   * remembered: the guard still reads the user row and the token's session every time, so a
   * deleted user or a logged-out session is refused at once however long this memo keeps a token.
   */
  private readonly verified = new Map<string, { identity: VerifiedToken; expiresAtMs: number }>();

  constructor(
    private readonly settings: TokenSettings,
    private readonly clock: Clock,
  ) {
    this.key = createSecretKey(Buffer.from(settings.secret, 'utf8'));
    if (settings.oidc) this.jwks = createRemoteJWKSet(new URL(settings.oidc.jwksUrl));
  }

  async signAccessToken(user: { id: string; role: UserRole }, sessionId: string): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ role: user.role, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + this.settings.accessTokenTtlSeconds)
      .setJti(randomBytes(9).toString('base64url'))
      .sign(this.key);
  }

  async verifyAccessToken(token: string): Promise<VerifiedToken> {
    const known = this.verified.get(token);
    if (known) {
      if (this.clock.now().getTime() < known.expiresAtMs) return known.identity;
      this.verified.delete(token);
    }
    const { identity, exp } = await this.verify(token);
    if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.clear();
    this.verified.set(token, { identity, expiresAtMs: exp * 1000 });
    return identity;
  }

  private async verify(token: string): Promise<{ identity: VerifiedToken; exp: number }> {
    let claimedIssuer: string | undefined;
    try {
      claimedIssuer = decodeJwt(token).iss;
    } catch {
      throw AppError.unauthenticated('invalid_token', 'The access token is malformed');
    }
    const oidc = this.settings.oidc;
    try {
      if (oidc && this.jwks && claimedIssuer === oidc.issuer) {
        const { payload } = await jwtVerify(token, this.jwks, {
          issuer: oidc.issuer,
          audience: oidc.audience,
          algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'],
          requiredClaims: ['exp'],
          currentDate: this.clock.now(),
        });
        return { identity: oidcIdentity(oidc.issuer, payload), exp: payload.exp! };
      }
      const { payload } = await jwtVerify(token, this.key, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub', 'sid'],
        currentDate: this.clock.now(),
      });
      if (!payload.sub || typeof payload.sid !== 'string' || !payload.sid)
        throw AppError.unauthenticated('invalid_token', 'The access token is invalid');
      return {
        identity: { kind: 'local', userId: payload.sub, sessionId: payload.sid },
        exp: payload.exp!,
      };
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof joseErrors.JWTExpired) {
        throw AppError.unauthenticated('token_expired', 'The access token has expired');
      }
      throw AppError.unauthenticated('invalid_token', 'The access token is invalid');
    }
  }
}

function oidcIdentity(issuer: string, payload: JWTPayload): VerifiedToken {
  if (!payload.sub) throw AppError.unauthenticated('invalid_token', 'The token has no subject');
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  return {
    kind: 'oidc',
    issuer,
    subject: payload.sub,
    email: str(payload.email),
    name: str(payload.name) ?? str(payload['cognito:username']),
  };
}

/** Opaque refresh token: 256 random bits. Only its SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
