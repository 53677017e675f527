import { HttpException } from '@nestjs/common';
import { sqlState } from '../database/pg-errors';
import { AppError, type ErrorKind } from './app-error';

/**
 * The one mapper from anything thrown to an AppError. AppErrors pass through; framework errors
 * (Nest's HttpException, Fastify's body-parser errors) are translated by status; anything else is
 * an internal error whose details stay in the log, never in the response.
 */
const KIND_BY_STATUS: Record<number, ErrorKind> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  431: 'headers_too_large',
};

const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'malformed_json',
    message: 'The request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'empty_body', message: 'The JSON request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_content_type',
    message: 'Unsupported Content-Type; send application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_content_length',
    message: 'Content-Length does not match the body',
  },
  // The router's own errors, answered through `frameworkErrors` (platform/http/client-errors.ts).
  FST_ERR_BAD_URL: {
    code: 'invalid_url',
    message: 'The request URL is not valid percent-encoding',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'path_parameter_too_long',
    message: 'A path parameter is longer than the server accepts',
  },
};

/**
 * PostgreSQL refusing a value the request carried. The input guard and the zod bounds stop these
 * before any query; this is the backstop, so a bound someone forgets is a 400, never a 500.
 */
const SQLSTATES: Record<string, { code: string; message: string }> = {
  '22001': { code: 'value_too_long', message: 'A value in the request is too long' },
  '22003': { code: 'value_out_of_range', message: 'A number in the request is out of range' },
  '22021': {
    code: 'invalid_characters',
    message: 'A value in the request contains characters that cannot be stored',
  },
  '22P05': {
    code: 'invalid_characters',
    message: 'A value in the request contains characters that cannot be stored',
  },
};

interface StatusCarrier {
  statusCode?: unknown;
  status?: unknown;
  code?: unknown;
  message?: unknown;
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HttpException) {
    // Nest wraps Fastify's body-parser errors; their code says more than the wrapper.
    if (err.cause) {
      const inner = toAppError(err.cause);
      if (inner.kind !== 'internal') return inner;
    }
    const status = err.getStatus();
    if (status === 404 && /^Cannot [A-Z]+ /.test(err.message)) {
      return new AppError('not_found', 'route_not_found', `No route: ${err.message.slice(7)}`);
    }
    const kind = KIND_BY_STATUS[status];
    if (kind) return new AppError(kind, codeFor(kind), err.message);
    return internal(err);
  }
  const refused = SQLSTATES[sqlState(err) ?? ''];
  if (refused) return new AppError('validation', refused.code, refused.message, { cause: err });
  if (typeof err === 'object' && err !== null) {
    const e = err as StatusCarrier;
    const status = Number(e.statusCode ?? e.status);
    const known = typeof e.code === 'string' ? FASTIFY_CODES[e.code] : undefined;
    const kind = KIND_BY_STATUS[status];
    if (kind && known) return new AppError(kind, known.code, known.message, { cause: err });
    if (kind && err instanceof SyntaxError) {
      return new AppError(kind, 'malformed_json', 'The request body is not valid JSON', {
        cause: err,
      });
    }
    if (kind) {
      const message = typeof e.message === 'string' ? e.message : 'Bad request';
      return new AppError(kind, codeFor(kind), message, { cause: err });
    }
  }
  return internal(err);
}

function codeFor(kind: ErrorKind): string {
  return kind === 'validation' ? 'bad_request' : kind;
}

function internal(cause: unknown): AppError {
  return new AppError('internal', 'internal_error', 'An unexpected error occurred', { cause });
}
