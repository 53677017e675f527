import { describe, expect, it } from 'vitest';
import { containsPattern } from './like';

describe('containsPattern', () => {
  it('escapes LIKE wildcards and the escape character itself', () => {
    expect(containsPattern('widget')).toBe('%widget%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
