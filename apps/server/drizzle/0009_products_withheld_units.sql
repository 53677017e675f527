ALTER TABLE "products" ADD COLUMN "withheld_units" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Products created before this column: what orders do not hold of initial − available was withheld
-- at creation (a shortfall, if any, is left for ledger:verify to report).
UPDATE "products" p SET "withheld_units" = h.withheld
  FROM (
    SELECT p2.id, p2.initial_units - p2.available_units - coalesce(sum(o.quantity), 0) AS withheld
      FROM "products" p2
      LEFT JOIN "orders" o ON o.product_id = p2.id
       AND o.status IN ('PAYMENT_PROCESSING', 'COMPLETED', 'REFUNDED') AND NOT o.units_restored
     GROUP BY p2.id
  ) h
 WHERE h.id = p.id AND h.withheld > 0;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_withheld_within_initial" CHECK ("products"."withheld_units" >= 0 AND "products"."available_units"::bigint + "products"."withheld_units" <= "products"."initial_units");
