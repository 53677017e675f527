DROP INDEX "products_live_idx";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "seller_active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Products of sellers already gone (deleted, disabled or no longer merchants) go off sale now;
-- from here on identity's SellerStatusHooks keep the column in step.
UPDATE "products" p SET "seller_active" = false
  FROM "users" u
 WHERE u.id = p.merchant_id
   AND (u.deleted_at IS NOT NULL OR NOT u.is_active OR u.role <> 'MERCHANT');--> statement-breakpoint
CREATE INDEX "products_live_idx" ON "products" USING btree ("id") WHERE "products"."is_active" AND "products"."seller_active" AND "products"."deleted_at" IS NULL;
