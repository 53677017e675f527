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
