import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.schema';
import {
  currencyCheck,
  currencyCode,
  money,
  positiveCheck,
  primaryId,
  ref,
  timestamps,
  ts,
} from '../platform/database/columns';

/**
 * A merchant's product. Stock lives on the row: `available_units` is changed only by
 * `CatalogService.reserveUnits/releaseUnits` (guarded single-statement updates inside the caller's
 * transaction) and by a restock, which raises `initial_units` by the same amount. Every rule the
 * code relies on is also a CHECK, so no path — a bug, a manual fix in psql — can break it.
 */
export const products = pgTable(
  'products',
  {
    id: primaryId(),
    merchantId: ref('merchant_id', () => users.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Minor units of `currency`. */
    price: money('price').notNull(),
    currency: currencyCode(),
    availableUnits: integer('available_units').notNull(),
    /** Every unit ever stocked: the first stock plus restocks. Orders can never exceed it. */
    initialUnits: integer('initial_units').notNull(),
    /**
     * Units stocked but never for sale here: `initialUnits − availableUnits` of a product created
     * with fewer available than initial. Fixed at creation, so at any time units held by orders =
     * initial − available − withheld (`ledger:verify` checks it).
     */
    withheldUnits: integer('withheld_units').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    /**
     * Whether the merchant may sell: false once they are deleted, disabled or no longer a
     * merchant (kept in step by identity's SellerStatusHooks, see seller-visibility.ts). A product
     * is on sale only when this, `is_active` and not deleted all hold; kept on the row so the
     * reservation's guarded UPDATE checks it at no extra cost.
     */
    sellerActive: boolean('seller_active').notNull().default(true),
    /** Bumped by every edit through the API, for optimistic concurrency (`version` in PATCH). */
    version: integer('version').notNull().default(1),
    ...timestamps(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    positiveCheck('products', t.price, 'price'),
    currencyCheck('products', t.currency),
    check('products_available_non_negative', sql`${t.availableUnits} >= 0`),
    check('products_initial_non_negative', sql`${t.initialUnits} >= 0`),
    check('products_available_within_initial', sql`${t.availableUnits} <= ${t.initialUnits}`),
    check(
      'products_withheld_within_initial',
      sql`${t.withheldUnits} >= 0 AND ${t.availableUnits}::bigint + ${t.withheldUnits} <= ${t.initialUnits}`,
    ),
    check('products_version_positive', sql`${t.version} >= 1`),
    check('products_name_present', sql`length(${t.name}) BETWEEN 1 AND 200`),
    check('products_description_length', sql`length(${t.description}) <= 5000`),
    index('products_merchant_idx').on(t.merchantId, t.id),
    // The public listing: live products, newest first (ids sort by creation time).
    index('products_live_idx')
      .on(t.id)
      .where(sql`${t.isActive} AND ${t.sellerActive} AND ${t.deletedAt} IS NULL`),
  ],
);

export type ProductRow = typeof products.$inferSelect;
