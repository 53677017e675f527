import { describe, expect, it } from 'vitest';
import { canonical, parseForm, splitKey } from './form';

describe('parseForm', () => {
  it('parses flat and nested keys', () => {
    expect(
      parseForm('amount=2000&currency=eur&metadata[order]=o_1&metadata[note]=a+b%26c'),
    ).toEqual({
      amount: '2000',
      currency: 'eur',
      metadata: { order: 'o_1', note: 'a b&c' },
    });
  });

  it('builds arrays from indexed and empty brackets', () => {
    expect(parseForm('expand[0]=customer&expand[1]=latest_charge')).toEqual({
      expand: ['customer', 'latest_charge'],
    });
    expect(parseForm('expand[]=a&expand[]=b.c')).toEqual({ expand: ['a', 'b.c'] });
  });

  it('builds arrays of objects in index order', () => {
    const parsed = parseForm(
      'line_items[1][price]=price_b&line_items[0][price_data][unit_amount]=500&line_items[0][price_data][product_data][name]=X&line_items[0][quantity]=2',
    );
    expect(parsed).toEqual({
      line_items: [
        { price_data: { unit_amount: '500', product_data: { name: 'X' } }, quantity: '2' },
        { price: 'price_b' },
      ],
    });
  });

  it('keeps empty values (Stripe uses them to unset fields)', () => {
    expect(parseForm('metadata[k]=&description=')).toEqual({
      metadata: { k: '' },
      description: '',
    });
    expect(parseForm('')).toEqual({});
  });

  it('keeps malformed escapes instead of throwing', () => {
    expect(parseForm('email=%E0%A4%A&ok=1')).toEqual({ email: '%E0%A4%A', ok: '1' });
  });

  it('splits bracket keys', () => {
    expect(splitKey('a[b][0][]')).toEqual(['a', 'b', '0', '']);
    expect(splitKey('plain')).toEqual(['plain']);
  });
});

describe('canonical', () => {
  it('ignores key order but not values', () => {
    expect(canonical({ a: '1', b: { c: '2', d: ['x'] } })).toBe(
      canonical({ b: { d: ['x'], c: '2' }, a: '1' }),
    );
    expect(canonical({ a: '1' })).not.toBe(canonical({ a: '2' }));
  });
});

describe('prototype-named keys', () => {
  const builtins = () => Reflect.ownKeys(Object.prototype).map(String).sort();

  /** Every object in a parsed tree, arrays aside. */
  const objects = (v: unknown): object[] =>
    v !== null && typeof v === 'object'
      ? [...(Array.isArray(v) ? [] : [v]), ...Object.values(v).flatMap(objects)]
      : [];

  it('never writes through __proto__, constructor or prototype: they are ordinary keys', () => {
    const before = builtins();
    const parsed = parseForm(
      '__proto__[clockTolerance]=100000h&constructor[prototype][role]=MERCHANT' +
        '&a[__proto__][x]=1&a[constructor][prototype][y]=2&items[0][__proto__][z]=3&__proto__[]=w',
    );
    expect(builtins()).toEqual(before);
    expect(({} as Record<string, unknown>).clockTolerance).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor', 'a', 'items']);
    expect(JSON.stringify(parsed)).toBe(
      JSON.stringify(
        JSON.parse(
          '{"__proto__":{"clockTolerance":"100000h","1":"w"},"constructor":{"prototype":{"role":"MERCHANT"}},' +
            '"a":{"__proto__":{"x":"1"},"constructor":{"prototype":{"y":"2"}}},"items":[{"__proto__":{"z":"3"}}]}',
        ),
      ),
    );
    // No object it builds has a prototype, so no later `obj[key] = …` can reach one either.
    for (const o of objects(parsed)) expect(Object.getPrototypeOf(o)).toBeNull();
  });

  it('never reads inherited members: `constructor=` alone is a string, not Object', () => {
    const parsed = parseForm('constructor=1&toString[a]=2&hasOwnProperty=3');
    expect(parsed.constructor).toBe('1');
    expect(parsed.toString).toEqual({ a: '2' });
    expect(parsed.hasOwnProperty).toBe('3');
    // A name no pair used is absent, even one every plain object inherits.
    expect(parseForm('a=1').valueOf).toBeUndefined();
  });

  it('the query-string parse of an id-less body is empty and prototype-less', () => {
    expect(Object.getPrototypeOf(parseForm(''))).toBeNull();
  });

  it('canonical() serialises a __proto__ key as data', () => {
    expect(canonical(parseForm('__proto__[a]=1'))).toBe('{"__proto__":{"a":"1"}}');
  });
});
