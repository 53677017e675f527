import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_KINDS } from '../errors/app-error';
import { EXAMPLE_AMOUNT } from '../money';

type Json = Record<string, unknown>;
type Operation = Json & { parameters?: Json[]; responses?: Record<string, Json> };

/** The one error shape (AppError.toBody), as a component every error response refers to. */
export const ERROR_SCHEMA_NAME = 'Error';
const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['type', 'code', 'message'],
      properties: {
        type: {
          type: 'string',
          enum: [...new Set(Object.values(ERROR_KINDS).map((k) => k.type))],
        },
        code: {
          type: 'string',
          description: 'Stable machine-readable code',
          example: 'validation_failed',
        },
        message: { type: 'string', description: 'For humans; may change' },
        param: { type: 'string', description: 'The request field at fault, dotted (`items.0`)' },
        decline_code: { type: 'string', description: 'The provider decline code (402 only)' },
        details: {
          type: 'object',
          description: 'What to fix beyond the message (402 `precheck_failed`: `shortfalls`)',
        },
      },
    },
  },
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded',
  401: 'No valid bearer token',
  402: 'The card was declined or the wallet cannot cover the amount',
  403: 'The token’s role may not use this route',
  404: 'No such resource (or not yours), or no such route',
  409: 'Conflict with the current state, or a request with the same Idempotency-Key is still running',
  413: 'The body is larger than BODY_LIMIT_BYTES',
  414: 'A path parameter is too long',
  415: 'The body is not application/json in UTF-8',
  422: 'The Idempotency-Key was used for a different request',
  429: 'Too many requests; retry after `Retry-After` seconds',
  500: 'Unexpected error (details only in the server log, by request id)',
  503: 'The payment provider or a dependency is unavailable; retry later',
};

const WRITE_METHODS = new Set(['post', 'put', 'patch']);

/**
 * The error responses a route can give, derived from what the document already says about it
 * — so no controller lists them by hand and a new route gets them the day it is added: every
 * route may be a 400 or a 500; bearer routes a 401; role-restricted ones a 403; routes with path
 * parameters a 404 (and a 414); routes taking a body 413 and 415; Idempotency-Key routes 409 and
 * 422. Statuses only a handler knows (402, 409 out_of_stock, 429, 503) come from `Doc({ errors })`.
 */
function derivedStatuses(path: string, method: string, op: Operation): number[] {
  const statuses = [400, 500];
  if (Array.isArray(op.security) && op.security.length > 0) statuses.push(401);
  if (op['x-roles']) statuses.push(403);
  if (path.includes('{')) statuses.push(404, 414);
  if (WRITE_METHODS.has(method)) statuses.push(413, 415);
  const headers = (op.parameters ?? []).filter((p) => p.in === 'header');
  if (headers.some((p) => String(p.name).toLowerCase() === 'idempotency-key'))
    statuses.push(409, 422);
  return statuses;
}

/**
 * Header parameters are case-insensitive, but `@Headers('idempotency-key')` in a handler and
 * `@Idempotent()`'s documented `Idempotency-Key` appear as two. Keep one per name: the documented
 * one (it has a description and the right `required`).
 */
function dedupeHeaders(op: Operation): void {
  if (!op.parameters) return;
  const kept = new Map<string, Json>();
  const rest: Json[] = [];
  for (const p of op.parameters) {
    if (p.in !== 'header') {
      rest.push(p);
      continue;
    }
    const name = String(p.name).toLowerCase();
    const seen = kept.get(name);
    if (!seen || (!seen.description && p.description)) kept.set(name, p);
  }
  op.parameters = [...rest, ...kept.values()];
}

/**
 * zod writes `.int()` as the safe-integer range (±9007199254740991), which Swagger UI then shows
 * as the example of every amount. That range is JSON's, not a rule of ours: drop it, and give
 * every amount-like integer a realistic example (2000 minor units = €20.00).
 */
function tidySchemas(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const schema = node as Json;
    if (schema.type === 'integer' || schema.type === 'number') {
      if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
      if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
    }
    const props = schema.properties as Record<string, Json> | undefined;
    if (props && typeof props === 'object') {
      for (const [name, prop] of Object.entries(props)) {
        const isInteger = prop.type === 'integer' || prop.type === 'number';
        if (isInteger && /amount|price|balance|fee/i.test(name) && prop.example === undefined) {
          prop.example = EXAMPLE_AMOUNT;
          prop.description ??= 'Integer minor units (2000 = €20.00)';
        }
      }
    }
    stack.push(...Object.values(schema));
  }
}

/** Adds the error schema and responses, dedupes headers and tidies amounts, in place. */
export function documentErrors(doc: OpenAPIObject): void {
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas[ERROR_SCHEMA_NAME] = errorSchema;
  const content = {
    'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA_NAME}` } },
  };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, value] of Object.entries(item as Record<string, unknown>)) {
      if (typeof value !== 'object' || value === null || !('responses' in value)) continue;
      const op = value as Operation;
      dedupeHeaders(op);
      const responses = (op.responses ??= {});
      for (const status of derivedStatuses(path, method, op)) {
        responses[String(status)] ??= { description: DESCRIPTIONS[status] ?? 'Error' };
      }
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400) response.content ??= content;
      }
    }
  }
  tidySchemas(doc.paths);
  tidySchemas(doc.components.schemas);
}

/** The description Doc() gives a route-specific error status. */
export const errorDescription = (status: number): string => DESCRIPTIONS[status] ?? 'Error';
