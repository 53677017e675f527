import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { errorDescription } from './openapi-errors';

/**
 * One decorator per route for its OpenAPI entry: summary, success status and the zod schema of the
 * response (request schemas are documented from the same `@Body({ schema })` that validates them).
 * Error responses that follow from the route's shape (400, 401, 403, 404, …) are added centrally
 * (openapi-errors.ts); `errors` lists only those the handler alone knows (402, 409, 429, 503).
 */
export function Doc(opts: {
  summary: string;
  status?: number;
  response?: StandardSchemaV1;
  /** A server-sent event stream (`text/event-stream`): what its events are. */
  stream?: string;
  errors?: number[];
}) {
  const status = opts.status ?? 200;
  return applyDecorators(
    ApiOperation({ summary: opts.summary }),
    HttpCode(status),
    ApiResponse(
      opts.stream
        ? {
            status,
            description: opts.stream,
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          }
        : opts.response
          ? { status, description: 'Success', standardSchema: opts.response }
          : { status, description: 'Success' },
    ),
    ...(opts.errors ?? []).map((s) => ApiResponse({ status: s, description: errorDescription(s) })),
  );
}
