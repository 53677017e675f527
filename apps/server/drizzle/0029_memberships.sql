ALTER TYPE "public"."ledger_account_type" ADD VALUE 'MEMBER_CREDITS';--> statement-breakpoint
ALTER TYPE "public"."ledger_account_type" ADD VALUE 'CREDIT_ISSUANCE';--> statement-breakpoint
ALTER TYPE "public"."journal_entry_kind" ADD VALUE 'CREDIT';--> statement-breakpoint
CREATE TABLE "credit_transactions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"membership_id" text NOT NULL,
	"credit_id" text NOT NULL,
	"credit_type" text NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"reference" text NOT NULL,
	"description" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"journal_entry_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_transactions_kind_known" CHECK ("credit_transactions"."kind" IN ('ALLOCATION', 'DEDUCTION', 'EXPIRY', 'ROLLOVER', 'REFUND'))
);
--> statement-breakpoint
CREATE TABLE "membership_credits" (
	"id" text PRIMARY KEY NOT NULL,
	"membership_id" text NOT NULL,
	"user_id" text NOT NULL,
	"credit_type" text NOT NULL,
	"allocated" bigint NOT NULL,
	"remaining" bigint NOT NULL,
	"cycle_start" timestamp with time zone NOT NULL,
	"cycle_end" timestamp with time zone NOT NULL,
	"invoice_id" text NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_credits_remaining_range" CHECK ("membership_credits"."remaining" >= 0)
);
--> statement-breakpoint
CREATE TABLE "membership_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"monthly_price" bigint NOT NULL,
	"provider_price_id" text NOT NULL,
	"holder_price" bigint,
	"holder_provider_price_id" text,
	"credits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rollover_caps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"past_due_access" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_plans_currency_iso" CHECK ("membership_plans"."currency" ~ '^[a-z]{3}$'),
	CONSTRAINT "membership_plans_price_positive" CHECK ("membership_plans"."monthly_price" > 0),
	CONSTRAINT "membership_plans_holder_price" CHECK ("membership_plans"."holder_price" IS NULL OR ("membership_plans"."holder_price" > 0 AND "membership_plans"."holder_provider_price_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"status" text NOT NULL,
	"provider_subscription_id" text,
	"provider_customer_id" text,
	"client_secret" text,
	"current_period_start" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"request_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_status_known" CHECK ("memberships"."status" IN ('PENDING', 'INCOMPLETE', 'INCOMPLETE_EXPIRED', 'TRIALING', 'ACTIVE', 'PAST_DUE', 'UNPAID', 'CANCELLED', 'PAUSED'))
);
--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_currency_iso";--> statement-breakpoint
ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_credit_id_membership_credits_id_fk" FOREIGN KEY ("credit_id") REFERENCES "public"."membership_credits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_credits" ADD CONSTRAINT "membership_credits_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_credits" ADD CONSTRAINT "membership_credits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_plan_id_membership_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."membership_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_transactions_idempotency_key" ON "credit_transactions" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "credit_transactions_user_idx" ON "credit_transactions" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "credit_transactions_reference_idx" ON "credit_transactions" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_credits_cycle_key" ON "membership_credits" USING btree ("membership_id","credit_type","cycle_start");--> statement-breakpoint
CREATE INDEX "membership_credits_user_idx" ON "membership_credits" USING btree ("user_id","credit_type");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_live_per_user" ON "memberships" USING btree ("user_id") WHERE "memberships"."status" NOT IN ('CANCELLED', 'INCOMPLETE_EXPIRED');--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_subscription_key" ON "memberships" USING btree ("provider_subscription_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_request_key" ON "memberships" USING btree ("user_id","request_key");--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_currency_iso" CHECK ("ledger_accounts"."currency" ~ '^([a-z]{3}|credit:[a-z][a-z0-9_]{0,39})$');