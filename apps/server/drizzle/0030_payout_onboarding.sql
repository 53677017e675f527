ALTER TABLE "payout_accounts" ADD COLUMN "ready" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payout_accounts" ADD COLUMN "currently_due" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "withdrawals" ADD COLUMN "waiting_reason" text;--> statement-breakpoint
ALTER TABLE "withdrawals" ADD COLUMN "amount_reversed" bigint DEFAULT 0 NOT NULL;