import { createHash } from 'node:crypto';

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
 */
export function toJsonText(
  value: unknown,
  options: { sortKeys?: boolean } = {},
): string | undefined {
  return write(value, '', options.sortKeys ?? false, new Set());
}

function write(
  input: unknown,
  key: string,
  sortKeys: boolean,
  ancestors: Set<object>,
): string | undefined {
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
      ancestors.add(value);
      try {
        if (Array.isArray(value)) {
          const items = (value as unknown[]).map(
            (item, i) => write(item, String(i), sortKeys, ancestors) ?? 'null',
          );
          return `[${items.join(',')}]`;
        }
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record);
        if (sortKeys) keys.sort();
        const parts: string[] = [];
        for (const k of keys) {
          const text = write(record[k], k, sortKeys, ancestors);
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
 * order and whitespace in the body do not matter, any value does.
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  const canonical = toJsonText(body, { sortKeys: true }) ?? '';
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${canonical}`)
    .digest('hex');
}
