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
  {
    // The books against the provider, per payment: what the ledger says the provider holds for a
    // payment (provider clearing, over the entries naming it) equals what the payment records the
    // provider said — captured − refunded − disputed. A wallet credited for a deposit that was
    // refunded or disputed at the provider shows here. A deposit's refund counts once requested
    // (its wallet gives the money back at once); an order's once the provider confirms it.
    invariant: 'the books hold what the provider holds, for every payment',
    sql: `SELECT p.id, p.payable_type,
                 (p.amount_captured - p.amount_disputed - CASE WHEN p.payable_type = 'wallet_deposit'
                    THEN greatest(p.amount_refunded, coalesce(r.requested, 0))
                    ELSE p.amount_refunded END)::text AS provider,
                 (-coalesce(b.held, 0))::text AS books
          FROM payments p
          LEFT JOIN (SELECT payment_id, sum(amount) AS requested FROM refunds
                     WHERE status IN ('pending', 'requires_action', 'succeeded')
                     GROUP BY payment_id) r ON r.payment_id = p.id
          LEFT JOIN (SELECT CASE WHEN e.reference_type = 'payment' THEN e.reference_id
                                 ELSE e.metadata->>'payment_id' END AS payment_id,
                            sum(po.amount) AS held
                     FROM postings po JOIN journal_entries e ON e.id = po.entry_id
                     JOIN ledger_accounts a ON a.id = po.account_id
                     WHERE a.type = 'PROVIDER_CLEARING' GROUP BY 1) b ON b.payment_id = p.id
          WHERE p.amount_captured > 0
            AND (p.payable_type = 'wallet_deposit'
                 OR (p.payable_type = 'order' AND EXISTS (
                       SELECT 1 FROM orders o WHERE o.id = p.payable_id AND o.payment_id = p.id
                         AND o.status IN ('COMPLETED', 'REFUNDED'))))
            AND p.amount_captured - p.amount_disputed - CASE WHEN p.payable_type = 'wallet_deposit'
                  THEN greatest(p.amount_refunded, coalesce(r.requested, 0))
                  ELSE p.amount_refunded END <> -coalesce(b.held, 0)
          LIMIT 100`,
    describe: (r) =>
      `payment ${String(r.id)} (${String(r.payable_type)}): the provider holds ${String(r.provider)}, the books ${String(r.books)}`,
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
