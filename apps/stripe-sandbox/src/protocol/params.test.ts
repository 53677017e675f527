import { describe, expect, it } from 'vitest';
import { StripeError } from './errors';
import { parseForm } from './form';
import { ParamReader } from './params';

describe('ParamReader with prototype-named keys', () => {
  it('refuses them as unknown parameters, as Stripe does', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const p = new ParamReader(parseForm(`${name}[role]=MERCHANT`));
      let caught: unknown;
      try {
        p.allowOnly(['email']);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(StripeError);
      expect((caught as StripeError).body).toMatchObject({
        code: 'parameter_unknown',
        param: name,
      });
    }
  });

  it('reads own keys only, also from a plain (JSON-parsed) object', () => {
    const p = new ParamReader(JSON.parse('{"email":"a@b.c"}') as Record<string, string>);
    expect(p.has('constructor')).toBe(false);
    expect(p.str('toString')).toBeUndefined();
    expect(p.obj('__proto__')).toBeUndefined();
    expect(p.list('constructor')).toEqual([]);
  });

  it('keeps a metadata key named __proto__ as a key', () => {
    const metadata = new ParamReader(parseForm('metadata[__proto__]=x&metadata[k]=v')).metadata();
    expect(Object.keys(metadata)).toEqual(['__proto__', 'k']);
    expect(JSON.stringify(metadata)).toBe('{"__proto__":"x","k":"v"}');
    expect(Object.getPrototypeOf(metadata)).toBeNull();
  });
});
