import { StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { AppError } from '../errors/app-error';

/** Dotted path of a Standard Schema issue (`items.0.quantity`). */
function issuePath(issue: StandardSchemaV1.Issue): string | undefined {
  if (!issue.path || issue.path.length === 0) return undefined;
  return issue.path
    .map((p) => (typeof p === 'object' && p !== null && 'key' in p ? String(p.key) : String(p)))
    .join('.');
}

/** A validation failure names the first bad field in `param` and lists every problem in the message. */
export function validationError(issues: readonly StandardSchemaV1.Issue[]): AppError {
  const parts = issues.map((i) => {
    const path = issuePath(i);
    return path ? `${path}: ${i.message}` : i.message;
  });
  const first = issues[0];
  return AppError.validation(
    parts.join('; ') || 'Invalid request',
    first ? issuePath(first) : undefined,
  );
}

/** The global pipe: every `@Body/@Query/@Param({ schema })` is validated by its zod schema. */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({ exceptionFactory: validationError });
}
