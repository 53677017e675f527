import { describe, expect, it } from 'vitest';
import { isId, newId, ulid } from './ids';

describe('ids', () => {
  it('prefixes ids with their kind', () => {
    expect(newId('user')).toMatch(/^usr_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newId('company')).toMatch(/^cmp_/);
  });

  it('sorts by creation time, and strictly increases within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => ulid(1_700_000_000_000));
    const later = ulid(1_700_000_000_001);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(later > ids[ids.length - 1]!).toBe(true);
  });

  it('encodes the time in the first 10 characters', () => {
    const a = newId('user', 1_000);
    const b = newId('user', 2_000_000_000_000);
    expect(a < b).toBe(true);
  });

  it('recognises its own ids and rejects junk', () => {
    expect(isId('user', newId('user'))).toBe(true);
    expect(isId('user', newId('company'))).toBe(false);
    expect(isId('user', 'usr_123')).toBe(false);
    expect(isId('user', "usr_' OR 1=1 --")).toBe(false);
  });
});
