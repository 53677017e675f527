import { describe, expect, it } from 'vitest';
import { findBadInput, MAX_JSON_DEPTH, withWellFormedText } from './input-guard';

describe('findBadInput', () => {
  it('names the dotted path of the first string or key holding U+0000 or a lone surrogate', () => {
    expect(findBadInput({ a: 'ok', b: ['x', 'y\u0000'] })).toEqual({
      code: 'invalid_characters',
      param: 'b.1',
    });
    expect(findBadInput({ a: { 'k\u0000': 1 } })).toEqual({
      code: 'invalid_characters',
      param: 'a.k?',
    });
    expect(findBadInput({ s: 'x\ud800' })).toMatchObject({ param: 's' });
    expect(findBadInput('\u0000')).toEqual({ code: 'invalid_characters', param: undefined });
    expect(findBadInput({ id: 'x' }, { root: 'q' })).toBeUndefined();
  });

  it('accepts valid text: paired surrogates (emoji), U+FFFD, other control characters', () => {
    expect(findBadInput({ a: '😀 \ufffd \t\u0001', b: [1, true, null] })).toBeUndefined();
  });

  it('bounds depth iteratively: MAX_JSON_DEPTH passes, one more and 1,000,000 are refused', () => {
    const nested = (depth: number) => {
      let v: unknown = 'leaf';
      for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { k: v };
      return v;
    };
    expect(findBadInput(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(findBadInput(nested(MAX_JSON_DEPTH + 1))).toMatchObject({ code: 'nesting_too_deep' });
    expect(findBadInput(nested(1_000_000))).toMatchObject({ code: 'nesting_too_deep' });
  });

  it('skips the character check when told to (signed bodies), never the depth check', () => {
    expect(findBadInput({ a: '\u0000' }, { characters: false })).toBeUndefined();
    expect(findBadInput([[['x']]], { characters: false, maxDepth: 2 })).toMatchObject({
      code: 'nesting_too_deep',
    });
  });
});

describe('withWellFormedText', () => {
  it('replaces U+0000 and lone surrogates with U+FFFD in strings and keys, leaving the rest', () => {
    const input = { a: 'x\u0000y', 'k\u0000': ['\ud800', 1, null, '😀'], n: { ok: true } };
    expect(withWellFormedText(input)).toEqual({
      a: 'x\ufffdy',
      'k\ufffd': ['\ufffd', 1, null, '😀'],
      n: { ok: true },
    });
    expect(input.a).toBe('x\u0000y');
    expect(findBadInput(withWellFormedText(input))).toBeUndefined();
  });
});
