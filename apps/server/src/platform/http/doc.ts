import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { StandardSchemaV1 } from '@standard-schema/spec';

/**
 * One decorator per route for its OpenAPI entry: summary, success status and the zod schema of the
 * response (request schemas are documented from the same `@Body({ schema })` that validates them).
 */
export function Doc(opts: { summary: string; status?: number; response?: StandardSchemaV1 }) {
  const status = opts.status ?? 200;
  return applyDecorators(
    ApiOperation({ summary: opts.summary }),
    HttpCode(status),
    ApiResponse(
      opts.response
        ? { status, description: 'Success', standardSchema: opts.response }
        : { status, description: 'Success' },
    ),
  );
}
