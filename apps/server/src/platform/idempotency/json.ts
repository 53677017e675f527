import { createHash } from 'node:crypto';
import { AppError } from '../errors/app-error';
import { MAX_JSON_DEPTH } from '../http/input-guard';

/**
 * The writer recurses once per level of nesting, so its depth is bounded: a value nested deeper
 * throws this rather than overflowing the stack. Request bodies are already refused beyond
 * MAX_JSON_DEPTH by the input guard; this default only covers what handlers return.
 */
const DEFAULT_MAX_DEPTH = 256;

export class JsonTooDeepError extends RangeError {
  constructor(readonly maxDepth: number) {
    super(`JSON value nested deeper than ${maxDepth} levels`);
    this.name = 'JsonTooDeepError';
  }
}

/**
 * JSON text exactly as `JSON.stringify` writes it, with two differences we need:
 *
 * - a `bigint` is written as the integer literal it is (all digits), where `JSON.stringify` throws.
 *   Money columns come back from PostgreSQL as bigint (database.ts), so a handler may return one;
 *   Node 20 has no `JSON.rawJSON` to do this through the built-in.
 * - `sortKeys` orders object keys (UTF-16 code-unit order, at every depth) for a canonical form,
 *   so `{"a":1,"b":2}` and `{"b":2,"a":1}` fingerprint the same.
 *
 * Returns undefined where `JSON.stringify` would (undefined, functions, symbols at the top).
 * Throws JsonTooDeepError for objects and arrays nested deeper than `maxDepth` (a flat object is 1).
 */
export function toJsonText(
  value: unknown,
  options: { sortKeys?: boolean; maxDepth?: number } = {},
): string | undefined {
  const limits = {
    sortKeys: options.sortKeys ?? false,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
  };
  return write(value, '', limits, new Set());
}

function write(
  input: unknown,
  key: string,
  limits: { sortKeys: boolean; maxDepth: number },
  ancestors: Set<object>,
): string | undefined {
  const { sortKeys } = limits;
  let value = input;
  if (typeof value === 'object' && value !== null && 'toJSON' in value) {
    const toJSON = value.toJSON;
    if (typeof toJSON === 'function') value = (toJSON as (k: string) => unknown).call(value, key);
  }
  // Boxed primitives serialise as their primitive, as in JSON.stringify.
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    value = value.valueOf();
  }
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object': {
      if (value === null) return 'null';
      if (ancestors.has(value)) throw new TypeError('Converting circular structure to JSON');
      // `ancestors` holds exactly the containers above this one.
      if (ancestors.size >= limits.maxDepth) throw new JsonTooDeepError(limits.maxDepth);
      ancestors.add(value);
      try {
        if (Array.isArray(value)) {
          const items = (value as unknown[]).map(
            (item, i) => write(item, String(i), limits, ancestors) ?? 'null',
          );
          return `[${items.join(',')}]`;
        }
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record);
        if (sortKeys) keys.sort();
        const parts: string[] = [];
        for (const k of keys) {
          const text = write(record[k], k, limits, ancestors);
          if (text !== undefined) parts.push(`${JSON.stringify(k)}:${text}`);
        }
        return `{${parts.join(',')}}`;
      } finally {
        ancestors.delete(value);
      }
    }
  }
}

/**
 * The request fingerprint: SHA-256 (hex) of method, path and the canonical JSON of the body. Two
 * requests with the same fingerprint are "the same request" for Idempotency-Key purposes; key
 * order and whitespace in the body do not matter, any value does. It runs before the body is
 * validated, so a body nested deeper than MAX_JSON_DEPTH is a 400 here too (the input guard
 * normally refuses it first).
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  let canonical: string;
  try {
    canonical = toJsonText(body, { sortKeys: true, maxDepth: MAX_JSON_DEPTH }) ?? '';
  } catch (err) {
    if (!(err instanceof JsonTooDeepError)) throw err;
    throw AppError.validation(
      `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      undefined,
      'nesting_too_deep',
    );
  }
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${canonical}`)
    .digest('hex');
}
