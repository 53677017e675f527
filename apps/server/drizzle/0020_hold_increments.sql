ALTER TABLE "payment_transitions" ADD COLUMN "from_amount" bigint;--> statement-breakpoint
ALTER TABLE "payment_transitions" ADD COLUMN "to_amount" bigint;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "incremental_authorization" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "capture_before" timestamp with time zone;