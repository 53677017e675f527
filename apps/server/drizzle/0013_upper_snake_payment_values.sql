-- Stored enum values are UPPER_SNAKE, spelt as the seeds spell them (British CANCELLED). Renamed in
-- place: rows, defaults and the transitions' history keep their values under the new names.
ALTER TYPE "public"."payment_status" RENAME VALUE 'created' TO 'CREATED';--> statement-breakpoint
ALTER TYPE "public"."payment_status" RENAME VALUE 'requires_action' TO 'REQUIRES_ACTION';--> statement-breakpoint
ALTER TYPE "public"."payment_status" RENAME VALUE 'processing' TO 'PROCESSING';--> statement-breakpoint
ALTER TYPE "public"."payment_status" RENAME VALUE 'authorized' TO 'AUTHORIZED';--> statement-breakpoint
ALTER TYPE "public"."payment_status" RENAME VALUE 'succeeded' TO 'SUCCEEDED';--> statement-breakpoint
ALTER TYPE "public"."payment_status" RENAME VALUE 'partially_refunded' TO 'PARTIALLY_REFUNDED';--> statement-breakpoint
ALTER TYPE "public"."payment_status" RENAME VALUE 'refunded' TO 'REFUNDED';--> statement-breakpoint
ALTER TYPE "public"."payment_status" RENAME VALUE 'failed' TO 'FAILED';--> statement-breakpoint
ALTER TYPE "public"."payment_status" RENAME VALUE 'expired' TO 'EXPIRED';--> statement-breakpoint
ALTER TYPE "public"."payment_status" RENAME VALUE 'canceled' TO 'CANCELLED';--> statement-breakpoint
ALTER TYPE "public"."payment_method" RENAME VALUE 'card' TO 'CARD';--> statement-breakpoint
ALTER TYPE "public"."payment_method" RENAME VALUE 'card_link' TO 'CARD_LINK';--> statement-breakpoint
ALTER TYPE "public"."payment_method" RENAME VALUE 'crypto_link' TO 'CRYPTO_LINK';--> statement-breakpoint
ALTER TYPE "public"."payment_method" RENAME VALUE 'wallet' TO 'WALLET';--> statement-breakpoint
ALTER TYPE "public"."capture_method" RENAME VALUE 'automatic' TO 'AUTOMATIC';--> statement-breakpoint
ALTER TYPE "public"."capture_method" RENAME VALUE 'manual' TO 'MANUAL';--> statement-breakpoint
-- Refund and dispute statuses are text columns (typed in TypeScript): their rows are rewritten.
ALTER TABLE "refunds" ALTER COLUMN "status" SET DEFAULT 'PENDING';--> statement-breakpoint
UPDATE "refunds" SET "status" = CASE "status" WHEN 'canceled' THEN 'CANCELLED' ELSE upper("status") END;--> statement-breakpoint
UPDATE "payment_disputes" SET "status" = upper("status");
