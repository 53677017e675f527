// Typed reads of decoded form parameters, raising Stripe's own validation errors.
import type Stripe from 'stripe';
import { dict, own } from './dict';
import { invalidRequest, missingParam } from './errors';
import type { ParamValue, Params } from './form';

function label(path: string, key: string): string {
  return path === '' ? key : `${path}[${key}]`;
}

/** Deliberately loose (one `@`, a dot in the domain, no spaces): Stripe accepts what mail accepts. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export class ParamReader {
  constructor(
    readonly raw: Params,
    private readonly path = '',
  ) {}

  /** Own keys only: `raw` may be a plain object (a JSON body, a record loaded from disk). */
  private get(key: string): ParamValue | undefined {
    return own(this.raw, key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Rejects parameters the endpoint does not know, as Stripe does. */
  allowOnly(keys: readonly string[]): void {
    for (const k of Object.keys(this.raw)) {
      if (k !== 'expand' && !keys.includes(k)) {
        throw invalidRequest(
          `Received unknown parameter: ${label(this.path, k)}`,
          label(this.path, k),
          'parameter_unknown',
        );
      }
    }
  }

  /** The same parameters minus `keys` (already consumed by the caller). */
  without(keys: readonly string[]): ParamReader {
    const rest: Params = dict();
    for (const [k, v] of Object.entries(this.raw)) if (!keys.includes(k)) rest[k] = v;
    return new ParamReader(rest, this.path);
  }

  str(key: string): string | undefined {
    const v = this.get(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') {
      throw invalidRequest(`Invalid string: ${label(this.path, key)}`, label(this.path, key));
    }
    return v;
  }

  reqStr(key: string): string {
    const v = this.str(key);
    if (v === undefined || v === '') throw missingParam(label(this.path, key));
    return v;
  }

  /** Empty string means "unset" in Stripe's form encoding. */
  nullableStr(key: string): string | null | undefined {
    const v = this.str(key);
    return v === '' ? null : v;
  }

  /** An e-mail address ('' unsets it), refused as Stripe refuses one without `local@domain.tld`. */
  email(key: string): string | null | undefined {
    const v = this.nullableStr(key);
    if (typeof v === 'string' && !EMAIL.test(v)) {
      throw invalidRequest(`Invalid email address: ${v}`, label(this.path, key), 'email_invalid');
    }
    return v;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const v = this.str(key);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) {
      throw invalidRequest(
        `Invalid ${label(this.path, key)}: must be one of ${allowed.join(', ')}`,
        label(this.path, key),
        'parameter_invalid_string',
      );
    }
    return v as T;
  }

  int(key: string): number | undefined {
    const v = this.str(key);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
      throw invalidRequest(
        `Invalid integer: ${v}`,
        label(this.path, key),
        'parameter_invalid_integer',
      );
    }
    return Number(v);
  }

  reqInt(key: string): number {
    const v = this.int(key);
    if (v === undefined) throw missingParam(label(this.path, key));
    return v;
  }

  /** Non-negative integer amount in minor units. */
  amount(key: string, min = 0): number | undefined {
    const v = this.int(key);
    if (v !== undefined && v < min) {
      throw invalidRequest(
        `This value must be greater than or equal to ${min}.`,
        label(this.path, key),
        'parameter_invalid_integer',
      );
    }
    return v;
  }

  bool(key: string): boolean | undefined {
    const v = this.str(key);
    if (v === undefined) return undefined;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw invalidRequest(`Invalid boolean: ${v}`, label(this.path, key));
  }

  /** Whether `key` was sent as an object (`key[sub]=…`) rather than a single value. */
  isObject(key: string): boolean {
    const v = this.get(key);
    return typeof v === 'object' && !Array.isArray(v);
  }

  obj(key: string): ParamReader | undefined {
    const v = this.get(key);
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) {
      throw invalidRequest(`Invalid object`, label(this.path, key));
    }
    return new ParamReader(v, label(this.path, key));
  }

  list(key: string): ParamReader[] {
    const v = this.get(key);
    if (v === undefined || v === '') return [];
    const items: ParamValue[] = Array.isArray(v) ? v : [v];
    return items.map((item, i) => {
      if (typeof item !== 'object' || Array.isArray(item)) {
        throw invalidRequest(`Invalid array`, label(this.path, key));
      }
      return new ParamReader(item, `${label(this.path, key)}[${i}]`);
    });
  }

  strings(key: string): string[] | undefined {
    const v = this.get(key);
    if (v === undefined) return undefined;
    const items: ParamValue[] = Array.isArray(v) ? v : [v];
    return items.map((item) => {
      if (typeof item !== 'string') throw invalidRequest(`Invalid array`, label(this.path, key));
      return item;
    });
  }

  /**
   * Applies `metadata[...]` to existing metadata: keys with an empty value are removed and an
   * empty `metadata=` clears everything, matching Stripe's update semantics.
   */
  metadata(existing: Stripe.Metadata = {}): Stripe.Metadata {
    const v = this.get('metadata');
    if (v === undefined) return existing;
    if (v === '') return dict();
    if (typeof v !== 'object' || Array.isArray(v)) throw invalidRequest('Invalid hash', 'metadata');
    // Keys are the client's: a `__proto__` key must stay a key, not become the prototype.
    const out: Stripe.Metadata = dict(existing);
    for (const [k, val] of Object.entries(v)) {
      if (typeof val !== 'string') throw invalidRequest('Invalid hash', `metadata[${k}]`);
      // Stripe's limits: keys up to 40 characters, values up to 500, at most 50 keys.
      if (k.length > 40) {
        throw invalidRequest(
          `Metadata keys can have up to 40 characters; ${k.slice(0, 50)} has ${k.length}.`,
          `metadata[${k}]`,
        );
      }
      if (val.length > 500) {
        throw invalidRequest(
          `Metadata values can have up to 500 characters, but you passed in a value that is ${val.length} characters.`,
          `metadata[${k}]`,
        );
      }
      if (val === '') delete out[k];
      else out[k] = val;
    }
    if (Object.keys(out).length > 50) {
      throw invalidRequest(
        `Metadata can have up to 50 keys, but you passed in ${Object.keys(out).length} keys.`,
        'metadata',
      );
    }
    return out;
  }
}
