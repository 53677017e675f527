import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { MAX_JSON_DEPTH } from '../http/input-guard';
import { JsonTooDeepError, requestFingerprint, toJsonText } from './json';

describe('toJsonText', () => {
  it('writes what JSON.stringify writes for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(toJsonText(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  it('follows JSON.stringify for undefined, functions, non-finite numbers, toJSON and boxes', () => {
    const value = {
      a: undefined,
      b: () => 1,
      c: [undefined, () => 1, Symbol('s'), NaN, Infinity, -0],
      d: new Date('2026-01-02T03:04:05.678Z'),
      e: new Number(5),
      f: new String('x'),
      g: { toJSON: (key: string) => `key=${key}` },
    };
    expect(toJsonText(value)).toBe(JSON.stringify(value));
    expect(toJsonText(undefined)).toBeUndefined();
    expect(toJsonText(() => 1)).toBeUndefined();
  });

  it('writes a bigint as its exact integer literal, beyond 2^53 too', () => {
    expect(toJsonText({ amount: 12_345n, big: 2n ** 70n, neg: -9_007_199_254_740_993n })).toBe(
      '{"amount":12345,"big":1180591620717411303424,"neg":-9007199254740993}',
    );
  });

  it('sorts keys at every depth when asked, and keeps array order', () => {
    const value = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 2 } };
    expect(toJsonText(value, { sortKeys: true })).toBe('{"a":{"c":2,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(toJsonText(value)).toBe(JSON.stringify(value));
  });

  it('refuses cycles but allows the same object twice', () => {
    const shared = { x: 1 };
    expect(toJsonText({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toJsonText(cyclic)).toThrow(TypeError);
  });
});

describe('requestFingerprint', () => {
  const fp = requestFingerprint;

  it('ignores key order and formatting of the body', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (body) => {
        const reversed = Object.fromEntries(Object.entries(body).reverse());
        expect(fp('POST', '/x', reversed)).toBe(fp('POST', '/x', body));
        expect(fp('POST', '/x', JSON.parse(JSON.stringify(body, null, 2)))).toBe(
          fp('POST', '/x', body),
        );
      }),
    );
  });

  it('changes with any value, the method or the path', () => {
    const base = fp('POST', '/api/v1/orders', { amount: 100, currency: 'eur' });
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(fp('POST', '/api/v1/orders', { amount: 101, currency: 'eur' })).not.toBe(base);
    expect(fp('POST', '/api/v1/orders', { amount: '100', currency: 'eur' })).not.toBe(base);
    expect(fp('POST', '/api/v1/orders', { amount: 100 })).not.toBe(base);
    expect(fp('POST', '/api/v1/orders', [{ amount: 100, currency: 'eur' }])).not.toBe(base);
    expect(fp('PUT', '/api/v1/orders', { amount: 100, currency: 'eur' })).not.toBe(base);
    expect(fp('POST', '/api/v1/orders/2', { amount: 100, currency: 'eur' })).not.toBe(base);
    expect(fp('POST', '/api/v1/orders', { amount: 100, currency: 'eur' })).toBe(base);
  });

  it('tells arrays in another order, and an absent body from null, apart', () => {
    expect(fp('POST', '/x', [1, 2])).not.toBe(fp('POST', '/x', [2, 1]));
    expect(fp('POST', '/x', undefined)).not.toBe(fp('POST', '/x', null));
  });
});

describe('nesting bounds', () => {
  const nestedArray = (depth: number) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  };

  it('fingerprints a body at MAX_JSON_DEPTH and refuses one level more with a 400', () => {
    expect(requestFingerprint('POST', '/x', nestedArray(MAX_JSON_DEPTH))).toMatch(/^[0-9a-f]{64}$/);
    for (const depth of [MAX_JSON_DEPTH + 1, 5_000, 100_000]) {
      let err: unknown;
      try {
        requestFingerprint('POST', '/x', { a: nestedArray(depth) });
      } catch (e) {
        err = e;
      }
      expect(err, `depth ${depth}`).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).code).toBe('nesting_too_deep');
    }
  });

  it('throws JsonTooDeepError past maxDepth instead of overflowing the stack', () => {
    expect(toJsonText(nestedArray(3), { maxDepth: 3 })).toBe('[[[1]]]');
    expect(() => toJsonText(nestedArray(4), { maxDepth: 3 })).toThrow(JsonTooDeepError);
    expect(() => toJsonText(nestedArray(100_000))).toThrow(JsonTooDeepError);
  });
});
