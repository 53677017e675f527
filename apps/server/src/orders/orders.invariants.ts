import { booksAgainstProvider, type Invariant } from '../ledger';
import { ORDER_PAYABLE } from './orders.service';

/**
 * What `ledger:verify` checks of orders (run with every module's invariants by src/books.ts):
 * stock held by orders, refunds within the amount, one PAYMENT entry per wallet order, and a
 * gateway order's books against what its payment says the provider holds (its refunds count once
 * the provider confirms them, when OrderPayments books them).
 */
export const ORDER_INVARIANTS: Invariant[] = [
  // Units are held by an order from its reservation until they are given back
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
  booksAgainstProvider({
    what: 'order paid by card',
    payableType: ORDER_PAYABLE,
    refunded: 'p.amount_refunded',
    eligible: `EXISTS (SELECT 1 FROM orders o WHERE o.id = p.payable_id AND o.payment_id = p.id
                         AND o.status IN ('COMPLETED', 'REFUNDED'))`,
  }),
];
