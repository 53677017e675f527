import { describe, expect, it } from 'vitest';
import { BOOK_INVARIANTS } from './books';

describe('the invariants of the books', () => {
  // The ledger check reports each by its name, and the admin's page lists them by it: two with
  // one name (the wallet's and the orders' provider checks once were) cannot be told apart.
  it('each has its own name', () => {
    const names = BOOK_INVARIANTS.map((i) => i.invariant);
    expect(new Set(names).size).toBe(names.length);
  });
});
