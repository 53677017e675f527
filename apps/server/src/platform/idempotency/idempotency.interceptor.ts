import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defer, lastValueFrom, map, type Observable } from 'rxjs';
import { AppError } from '../errors/app-error';
import { toAppError } from '../errors/error-mapper';
import { type Claim, IdempotencyStore } from './idempotency.store';
import {
  IDEMPOTENCY_HEADER,
  IDEMPOTENT_KEY,
  type IdempotentMetadata,
  REPLAYED_HEADER,
} from './idempotent.decorator';
import { requestFingerprint, toJsonText } from './json';

/** The scope of keys sent to a public route: anonymous callers share it (see docs). */
export const ANONYMOUS_SCOPE = 'anon';

// Printable ASCII, as Stripe allows; a header longer than the column is refused rather than cut.
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/** The identity module's guard puts the authenticated user here; platform does not import it. */
type ScopedRequest = FastifyRequest & { user?: { id: string } };

/**
 * Global interceptor that does nothing unless the route is marked `@Idempotent()`. It runs after
 * the guards (so the user is known) and before the pipes and the handler, which it wraps:
 * claim the key → run the handler → store the response; or replay / 422 / 409 without running it.
 *
 * Responses of marked routes are the exact JSON text we store: the first answer as a string body,
 * a replay as a web `Response` with the stored status, so both carry the same status and bytes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const handler = ctx.getHandler();
    const meta = this.reflector.get<IdempotentMetadata | undefined>(IDEMPOTENT_KEY, handler);
    if (!meta) return next.handle();

    const req = ctx.switchToHttp().getRequest<ScopedRequest>();
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    const key = readKey(req.headers['idempotency-key'], meta.required);
    // The status Nest would send on success: @HttpCode() or its per-method default.
    const successStatus =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, handler) ??
      (req.method === 'POST' ? 201 : 200);
    if (key === undefined) {
      // No key, nothing to remember; answered the same way so bigint bodies work here too.
      return next.handle().pipe(map((result) => jsonText(reply, toJsonText(result) ?? null)));
    }
    return defer(() => this.run(req, reply, key, meta, successStatus, next));
  }

  private async run(
    req: ScopedRequest,
    reply: FastifyReply,
    key: string,
    meta: IdempotentMetadata,
    successStatus: number,
    next: CallHandler,
  ): Promise<Response | string | undefined> {
    const scope = req.user?.id ?? ANONYMOUS_SCOPE;
    const outcome = await this.store.claim({
      scope,
      key,
      method: req.method,
      path: req.url,
      requestHash: requestFingerprint(req.method, req.url, req.body),
      lockMs: meta.lockMs,
    });
    if (outcome.kind === 'replay') return jsonResponse(outcome.status, outcome.body, true);

    const claim: Claim = { scope, key, lockedUntil: outcome.lockedUntil };
    let result: unknown;
    try {
      result = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (err) {
      await this.settleFailure(req, claim, err);
      throw err;
    }
    const body = toJsonText(result) ?? null;
    await this.save(req, claim, successStatus, body);
    return jsonText(reply, body);
  }

  /**
   * A client error the handler decided (402 decline, 404, 409 …) is the request's result and is
   * replayed, as Stripe does. Validation failures (the body pipe, before the handler ran) and
   * rate limits are not results, and 5xx / unexpected errors may succeed on retry: those release
   * the key so the same request can run again.
   */
  private async settleFailure(req: ScopedRequest, claim: Claim, err: unknown): Promise<void> {
    const appError = toAppError(err);
    const isResult =
      appError.status >= 400 &&
      appError.status < 500 &&
      appError.kind !== 'validation' &&
      appError.kind !== 'rate_limited';
    try {
      if (isResult) await this.save(req, claim, appError.status, toJsonText(appError.toBody())!);
      else await this.store.release(claim);
    } catch (storeErr) {
      // The handler's own error is what the client must see; the claim then ends with its lock.
      req.log.error({ err: storeErr }, 'idempotency: could not settle a failed request');
    }
  }

  private async save(req: ScopedRequest, claim: Claim, status: number, body: string | null) {
    try {
      if (!(await this.store.complete(claim, status, body))) {
        // The handler outlived its lock and a duplicate took the key over: @Idempotent's
        // lockSeconds is too short for this route.
        req.log.warn({ status }, 'idempotency: claim taken over before the response was stored');
      }
    } catch (err) {
      // The work is done and must be reported; a retry after the lock runs the handler again.
      req.log.error({ err }, 'idempotency: could not store the response');
    }
  }
}

/** The key from the header; undefined when absent (and allowed to be). */
function readKey(header: string | string[] | undefined, required: boolean): string | undefined {
  if (header === undefined) {
    if (!required) return undefined;
    throw AppError.validation(
      `This request needs an ${IDEMPOTENCY_HEADER} header (a unique key, e.g. a UUID, per request)`,
      IDEMPOTENCY_HEADER,
      'idempotency_key_required',
    );
  }
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    throw AppError.validation(
      `${IDEMPOTENCY_HEADER} must be one value of 1–255 printable ASCII characters`,
      IDEMPOTENCY_HEADER,
      'invalid_idempotency_key',
    );
  }
  return header;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A first answer: the JSON text as the body, sent as is (Fastify does not serialise a string
 * again) with the status Nest gives the route — the one the stored copy records.
 */
function jsonText(reply: FastifyReply, body: string | null): string | undefined {
  if (body === null) return undefined;
  void reply.header('content-type', JSON_TYPE);
  return body;
}

/** A replay, whose stored status may differ from the route's (a 402 decline, say). */
function jsonResponse(status: number, body: string | null, replayed: boolean): Response {
  const headers = new Headers();
  if (body !== null) {
    headers.set('content-type', JSON_TYPE);
    // Known up front, so the answer is not sent chunked like a stream of unknown length.
    headers.set('content-length', String(Buffer.byteLength(body)));
  }
  if (replayed) headers.set(REPLAYED_HEADER, 'true');
  return new Response(body, { status, headers });
}
