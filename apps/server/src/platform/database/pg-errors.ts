/** PostgreSQL SQLSTATE checks, looking through Drizzle's wrapping of the driver error. */
export function sqlState(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isUniqueViolation = (err: unknown): boolean => sqlState(err) === '23505';
export const isCheckViolation = (err: unknown): boolean => sqlState(err) === '23514';
export const isSerializationFailure = (err: unknown): boolean =>
  sqlState(err) === '40001' || sqlState(err) === '40P01';
