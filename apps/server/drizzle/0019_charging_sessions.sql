CREATE TYPE "public"."charging_capture_status" AS ENUM('NONE', 'PENDING', 'CAPTURED', 'RELEASED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."charging_session_status" AS ENUM('AUTHORIZING', 'STARTING', 'CHARGING', 'STOPPING', 'COMPLETED', 'FAILED', 'START_TIMED_OUT');--> statement-breakpoint
ALTER TYPE "public"."ledger_account_type" ADD VALUE 'COMPANY_REVENUE';--> statement-breakpoint
CREATE TABLE "charging_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"company_id" text NOT NULL,
	"charger_id" text NOT NULL,
	"connector_id" text NOT NULL,
	"connector_number" integer NOT NULL,
	"tariff" jsonb NOT NULL,
	"currency" text NOT NULL,
	"fee_bps" integer NOT NULL,
	"id_tag" text NOT NULL,
	"ocpp_transaction_id" integer,
	"status" charging_session_status DEFAULT 'AUTHORIZING' NOT NULL,
	"payment_id" text,
	"authorized_amount" bigint,
	"capture_before" timestamp with time zone,
	"energy_wh" bigint,
	"cost" bigint,
	"captured_amount" bigint,
	"capture_status" charging_capture_status DEFAULT 'NONE' NOT NULL,
	"capture_error" text,
	"failure_code" text,
	"failure_message" text,
	"stop_cause" text,
	"request_key" text,
	"started_at" timestamp with time zone,
	"stop_requested_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charging_sessions_currency_iso" CHECK ("charging_sessions"."currency" ~ '^[a-z]{3}$'),
	CONSTRAINT "charging_sessions_id_tag_length" CHECK (length("charging_sessions"."id_tag") BETWEEN 1 AND 20),
	CONSTRAINT "charging_sessions_fee_range" CHECK ("charging_sessions"."fee_bps" BETWEEN 0 AND 10000),
	CONSTRAINT "charging_sessions_amounts_non_negative" CHECK (coalesce("charging_sessions"."cost", 0) >= 0 AND coalesce("charging_sessions"."captured_amount", 0) >= 0 AND coalesce("charging_sessions"."energy_wh", 0) >= 0),
	CONSTRAINT "charging_sessions_capture_within_authorized" CHECK ("charging_sessions"."captured_amount" IS NULL OR "charging_sessions"."captured_amount" <= "charging_sessions"."authorized_amount")
);
--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_non_negative";--> statement-breakpoint
DROP INDEX "ledger_accounts_platform_key";--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD COLUMN "company_id" text;--> statement-breakpoint
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_connector_id_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."connectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_ocpp_transaction_id_ocpp_transactions_id_fk" FOREIGN KEY ("ocpp_transaction_id") REFERENCES "public"."ocpp_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charging_sessions_user_request_key" ON "charging_sessions" USING btree ("user_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "charging_sessions_id_tag_key" ON "charging_sessions" USING btree ("id_tag");--> statement-breakpoint
CREATE UNIQUE INDEX "charging_sessions_ocpp_transaction_key" ON "charging_sessions" USING btree ("ocpp_transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charging_sessions_live_connector_key" ON "charging_sessions" USING btree ("connector_id") WHERE "charging_sessions"."status" IN ('AUTHORIZING', 'STARTING', 'CHARGING', 'STOPPING');--> statement-breakpoint
CREATE INDEX "charging_sessions_user_idx" ON "charging_sessions" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "charging_sessions_company_idx" ON "charging_sessions" USING btree ("company_id","id");--> statement-breakpoint
CREATE INDEX "charging_sessions_status_idx" ON "charging_sessions" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "charging_sessions_capture_idx" ON "charging_sessions" USING btree ("capture_status","updated_at") WHERE "charging_sessions"."capture_status" IN ('PENDING', 'FAILED');--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_company_key" ON "ledger_accounts" USING btree ("type","company_id","currency") WHERE "ledger_accounts"."company_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_platform_key" ON "ledger_accounts" USING btree ("type","currency") WHERE "ledger_accounts"."owner_id" IS NULL AND "ledger_accounts"."company_id" IS NULL;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_one_owner" CHECK ("ledger_accounts"."owner_id" IS NULL OR "ledger_accounts"."company_id" IS NULL);--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_non_negative" CHECK ("ledger_accounts"."allow_negative" OR "ledger_accounts"."balance" >= 0 OR "ledger_accounts"."type" IN ('USER_WALLET', 'MERCHANT_WALLET') OR "ledger_accounts"."company_id" IS NOT NULL);