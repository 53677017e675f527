import type { Pool } from 'pg';
import { withTransaction } from '../platform/database/pool-transaction';

export interface Violation {
  invariant: string;
  detail: string;
}

/**
 * One invariant of the books, checked on the live database: a query returning the rows that break
 * it (empty = holds). The ledger owns its own; each module that books money contributes its own
 * (orders, wallet), and the composition root (`src/books.ts`) runs them all.
 */
export interface Invariant {
  invariant: string;
  sql: string;
  describe: (r: Record<string, unknown>) => string;
}

/** The ledger's own invariants: the journal, balances and histories, whatever booked them. */
export const LEDGER_INVARIANTS: Invariant[] = [
  {
    invariant: 'postings of every currency sum to zero',
    sql: `SELECT currency, sum(amount)::text AS total FROM postings GROUP BY currency HAVING sum(amount) <> 0`,
    describe: (r) => `currency ${String(r.currency)} sums to ${String(r.total)}`,
  },
  {
    invariant: 'every journal entry balances per currency',
    sql: `SELECT entry_id, currency, sum(amount)::text AS total FROM postings
          GROUP BY entry_id, currency HAVING sum(amount) <> 0 LIMIT 100`,
    describe: (r) =>
      `entry ${String(r.entry_id)} is off by ${String(r.total)} ${String(r.currency)}`,
  },
  {
    invariant: 'every account balance equals the sum of its postings',
    sql: `SELECT a.id, a.balance::text AS balance, coalesce(sum(p.amount), 0)::text AS postings
          FROM ledger_accounts a LEFT JOIN postings p ON p.account_id = a.id
          GROUP BY a.id HAVING a.balance <> coalesce(sum(p.amount), 0) LIMIT 100`,
    describe: (r) =>
      `account ${String(r.id)} has balance ${String(r.balance)} but postings sum to ${String(r.postings)}`,
  },
  {
    invariant: "each account's history chains (balanceBefore = previous balanceAfter)",
    sql: `SELECT id, account_id, before::text, prev::text FROM (
            SELECT id, account_id, balance_after - amount AS before,
                   coalesce(lag(balance_after) OVER (PARTITION BY account_id ORDER BY position), 0) AS prev
            FROM postings) h
          WHERE before <> prev LIMIT 100`,
    describe: (r) =>
      `posting ${String(r.id)} on ${String(r.account_id)} starts at ${String(r.before)}, previous ended at ${String(r.prev)}`,
  },
  {
    // Only money an outside party already took (a dispute, a forced refund) may put a wallet in
    // debt; no purchase, withdrawal or refund Tender decided may take it below zero.
    invariant: 'no wallet goes below zero except by a forced entry',
    sql: `SELECT p.id, p.account_id, p.balance_after::text AS balance FROM postings p
          JOIN ledger_accounts a ON a.id = p.account_id
          JOIN journal_entries e ON e.id = p.entry_id
          WHERE NOT a.allow_negative AND p.balance_after < 0 AND p.amount < 0 AND NOT e.forced
          LIMIT 100`,
    describe: (r) => `posting ${String(r.id)} left ${String(r.account_id)} at ${String(r.balance)}`,
  },
];

/**
 * The books against the provider, for one payable type: what provider clearing says the provider
 * holds for each payment (over the entries naming it: referencing the payment, or carrying its
 * `metadata.payment_id`) must equal what the payment records the provider said — captured −
 * refunded − disputed. `refunded` is the SQL for what counts as refunded (a deposit's refunds
 * count once requested); `eligible` narrows to the payments the payable has booked. Contributed by
 * each payable module that books card money (wallet, orders).
 */
export function booksAgainstProvider(p: {
  payableType: string;
  /** The payments it checks, in words: it names the invariant, which must be unique. */
  what: string;
  refunded: string;
  eligible?: string;
}): Invariant {
  const held = `(p.amount_captured - p.amount_disputed - ${p.refunded})`;
  return {
    invariant: `the books hold what the provider holds, for every ${p.what}`,
    sql: `SELECT p.id, p.payable_type, ${held}::text AS provider, (-coalesce(b.held, 0))::text AS books
          FROM payments p
          LEFT JOIN (SELECT payment_id, sum(amount) AS requested FROM refunds
                     WHERE status IN ('PENDING', 'REQUIRES_ACTION', 'SUCCEEDED')
                     GROUP BY payment_id) r ON r.payment_id = p.id
          LEFT JOIN (SELECT CASE WHEN e.reference_type = 'payment' THEN e.reference_id
                                 ELSE e.metadata->>'payment_id' END AS payment_id,
                            sum(po.amount) AS held
                     FROM postings po JOIN journal_entries e ON e.id = po.entry_id
                     JOIN ledger_accounts a ON a.id = po.account_id
                     WHERE a.type = 'PROVIDER_CLEARING' GROUP BY 1) b ON b.payment_id = p.id
          WHERE p.amount_captured > 0 AND p.payable_type = '${p.payableType}'
            ${p.eligible ? `AND ${p.eligible}` : ''}
            AND ${held} <> -coalesce(b.held, 0)
          LIMIT 100`,
    describe: (r) =>
      `payment ${String(r.id)} (${String(r.payable_type)}): the provider holds ${String(r.provider)}, the books ${String(r.books)}`,
  };
}

/** One invariant's outcome: the rows that break it, described (none: it holds). */
export interface InvariantResult {
  invariant: string;
  violations: string[];
}

/**
 * Every invariant on the live database, in one read-only REPEATABLE READ snapshot (concurrent
 * writes cannot produce false alarms), each with its own outcome (the admin's ledger check shows
 * them one by one). `npm run ledger:verify` flattens them.
 */
export function runInvariants(pool: Pool, invariants: Invariant[]): Promise<InvariantResult[]> {
  return withTransaction(
    pool,
    async (client) => {
      const results: InvariantResult[] = [];
      for (const check of invariants) {
        const { rows } = await client.query<Record<string, unknown>>(check.sql);
        results.push({
          invariant: check.invariant,
          violations: rows.map((r) => check.describe(r)),
        });
      }
      return results;
    },
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
}

/** The violations of every invariant, in one snapshot; [] when the books hold. */
export async function checkInvariants(pool: Pool, invariants: Invariant[]): Promise<Violation[]> {
  return (await runInvariants(pool, invariants)).flatMap((r) =>
    r.violations.map((detail) => ({ invariant: r.invariant, detail })),
  );
}
