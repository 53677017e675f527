import type { Pool } from 'pg';
import {
  checkInvariants,
  LEDGER_INVARIANTS,
  runInvariants,
  type InvariantResult,
  type Violation,
} from './ledger';
import { CHARGING_INVARIANTS } from './charging';
import { COWORKING_INVARIANTS } from './coworking';
import { ORDER_INVARIANTS } from './orders';
import { WALLET_INVARIANTS } from './wallet';

/**
 * Every invariant of the books, gathered at the composition root: the ledger's own and those each
 * module that books money contributes (its module owns them, the ledger runs them). A new module
 * that books money adds its list here. Used by `npm run ledger:verify` and the tests.
 */
export const BOOK_INVARIANTS = [
  ...LEDGER_INVARIANTS,
  ...WALLET_INVARIANTS,
  ...ORDER_INVARIANTS,
  ...CHARGING_INVARIANTS,
  ...COWORKING_INVARIANTS,
];

/** Every invariant on the live database, in one snapshot; [] when the books hold. */
export function verifyLedger(pool: Pool): Promise<Violation[]> {
  return checkInvariants(pool, BOOK_INVARIANTS);
}

/** Each invariant with its own outcome, in one snapshot (the admin's ledger check). */
export function checkBooks(pool: Pool): Promise<InvariantResult[]> {
  return runInvariants(pool, BOOK_INVARIANTS);
}
