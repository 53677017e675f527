import type { Pool } from 'pg';

export interface Violation {
  invariant: string;
  detail: string;
}

/**
 * The ledger's invariants, checked on the live database. Each query returns the rows that break one
 * invariant (empty = holds). Read-only, in one REPEATABLE READ snapshot so concurrent writes cannot
 * produce false alarms.
 */
const CHECKS: {
  invariant: string;
  sql: string;
  describe: (r: Record<string, unknown>) => string;
}[] = [
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
    invariant: 'no wallet below zero, ever',
    sql: `SELECT p.id, p.account_id, p.balance_after::text AS balance FROM postings p
          JOIN ledger_accounts a ON a.id = p.account_id
          WHERE NOT a.allow_negative AND p.balance_after < 0 LIMIT 100`,
    describe: (r) => `posting ${String(r.id)} left ${String(r.account_id)} at ${String(r.balance)}`,
  },
  // Orders (orders/). Units are held by an order from its reservation until they are given back
  // (failed, cancelled, or refunded with restock), which sets units_restored.
  {
    invariant:
      'orders of a product never exceed its initial units (held = initial − available − withheld)',
    sql: `SELECT p.id, p.initial_units, p.available_units, p.withheld_units,
                 coalesce(h.held, 0)::text AS held
          FROM products p LEFT JOIN (
            SELECT product_id, sum(quantity) AS held FROM orders
            WHERE status IN ('PAYMENT_PROCESSING', 'COMPLETED', 'REFUNDED') AND NOT units_restored
            GROUP BY product_id) h ON h.product_id = p.id
          WHERE coalesce(h.held, 0) <> p.initial_units - p.available_units - p.withheld_units
             OR coalesce(h.held, 0) > p.initial_units
          LIMIT 100`,
    describe: (r) =>
      `product ${String(r.id)}: orders hold ${String(r.held)} units, but initial ${String(r.initial_units)} − available ${String(r.available_units)} − withheld ${String(r.withheld_units)}`,
  },
  {
    invariant: 'order refunds never exceed the amount paid',
    sql: `SELECT id, amount::text, refunded_amount::text FROM orders
          WHERE refunded_amount > amount OR refunded_amount < 0 LIMIT 100`,
    describe: (r) =>
      `order ${String(r.id)} refunded ${String(r.refunded_amount)} of ${String(r.amount)}`,
  },
  {
    invariant: 'every completed wallet order has exactly one PAYMENT journal entry',
    sql: `SELECT o.id, count(j.id)::int AS entries FROM orders o
          LEFT JOIN journal_entries j
            ON j.reference_type = 'order' AND j.reference_id = o.id AND j.kind = 'PAYMENT'
          WHERE o.payment_method = 'WALLET' AND o.status IN ('COMPLETED', 'REFUNDED')
          GROUP BY o.id HAVING count(j.id) <> 1 LIMIT 100`,
    describe: (r) => `order ${String(r.id)} has ${String(r.entries)} PAYMENT entries`,
  },
];

export async function verifyLedger(pool: Pool): Promise<Violation[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const violations: Violation[] = [];
    for (const check of CHECKS) {
      const { rows } = await client.query<Record<string, unknown>>(check.sql);
      for (const row of rows)
        violations.push({ invariant: check.invariant, detail: check.describe(row) });
    }
    await client.query('COMMIT');
    return violations;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
