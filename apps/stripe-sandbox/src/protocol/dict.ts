// Records keyed by what clients send (ids, parameter names, metadata keys, idempotency keys).
//
// A plain `{}` inherits from Object.prototype, so `obj['constructor']` is a function and
// `obj['__proto__'] = x` replaces the object's prototype — and a parser that walks into
// `obj['__proto__']` writes onto Object.prototype itself, changing every object in the process.
// A record made by `dict()` has no prototype: every key, `__proto__` included, is ordinary data.
// Reads that may meet a plain object (a parsed JSON body, a record loaded from disk) go through
// `own()`, which sees own keys only.

export type Dict<T> = Record<string, T>;

/** An empty record with no prototype, optionally filled from `from`'s own enumerable keys. */
export function dict<T>(from?: Readonly<Record<string, T>>): Dict<T> {
  const out = Object.create(null) as Dict<T>;
  if (from !== undefined) for (const k of Object.keys(from)) out[k] = from[k] as T;
  return out;
}

/** `record[key]` if it is the record's own key, else undefined (never an inherited member). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
