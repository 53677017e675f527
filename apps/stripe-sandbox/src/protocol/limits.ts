// String lengths as Stripe enforces them, from the spec's `maxLength` (param-limits.ts, generated)
// and Stripe's usual 5000-character cap for every other string parameter.
import { own } from './dict';
import { invalidRequest } from './errors';
import type { ParamValue, Params } from './form';
import { DEFAULT_MAX_LENGTH, PARAM_LIMITS } from './param-limits';

/** `/customers/:id` → `/customers/{}`, the generated table's key for the route. */
function routeKey(method: string, path: string): string {
  return `${method} ${path.replace(/:[^/]+/g, '{}')}`;
}

function check(
  value: ParamValue,
  key: string,
  param: string,
  limits: Record<string, number> | undefined,
): void {
  if (typeof value === 'string') {
    const max = (limits === undefined ? undefined : own(limits, key)) ?? DEFAULT_MAX_LENGTH;
    if (value.length > max) {
      const preview = value.length > 20 ? `${value.slice(0, 20)}...` : value;
      throw invalidRequest(`Invalid string: ${preview}; must be at most ${max} characters`, param);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => check(item, `${key}[]`, `${param}[${i}]`, limits));
    return;
  }
  for (const [k, v] of Object.entries(value)) check(v, `${key}[${k}]`, `${param}[${k}]`, limits);
}

/** Throws Stripe's 400 for the first string parameter longer than the route allows. */
export function checkLengths(method: string, path: string, raw: Params): void {
  const limits = own(PARAM_LIMITS, routeKey(method, path));
  for (const [k, v] of Object.entries(raw)) check(v, k, k, limits);
}
