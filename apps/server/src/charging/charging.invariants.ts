import { booksAgainstProvider, type Invariant } from '../ledger';
import { SESSION_PAYABLE } from './session-queues';

/**
 * What `ledger:verify` checks of charging sessions (src/books.ts runs it with every module's):
 * a session's books against what its payment says the provider holds (refunds count once the
 * provider confirms them, when SessionPayments books them), nothing captured above what was
 * authorised, and a captured session's capture equal to its payment's.
 */
export const CHARGING_INVARIANTS: Invariant[] = [
  booksAgainstProvider({
    what: 'charging session paid by a card hold',
    payableType: SESSION_PAYABLE,
    refunded: 'p.amount_refunded',
  }),
  {
    invariant: 'no charging session captures more than its cost or its authorisation',
    sql: `SELECT id, cost::text, authorized_amount::text, captured_amount::text FROM charging_sessions
          WHERE captured_amount > authorized_amount OR captured_amount > cost LIMIT 100`,
    describe: (r) =>
      `session ${String(r.id)} captured ${String(r.captured_amount)} (cost ${String(r.cost)}, authorised ${String(r.authorized_amount)})`,
  },
  {
    invariant: "a captured charging session's capture is its payment's",
    sql: `SELECT s.id, s.captured_amount::text AS session, p.amount_captured::text AS payment
          FROM charging_sessions s JOIN payments p ON p.id = s.payment_id
          WHERE s.capture_status = 'CAPTURED' AND s.captured_amount <> p.amount_captured LIMIT 100`,
    describe: (r) =>
      `session ${String(r.id)} records ${String(r.session)} captured, its payment ${String(r.payment)}`,
  },
];
