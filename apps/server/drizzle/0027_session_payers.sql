CREATE TYPE "public"."charging_payment_mode" AS ENUM('CARD_HOLD', 'LINK_CARD', 'LINK_CRYPTO');--> statement-breakpoint
CREATE TABLE "charging_session_payers" (
	"session_id" text PRIMARY KEY NOT NULL,
	"payment_mode" charging_payment_mode NOT NULL,
	"email" text,
	"access_key_hash" text,
	"wallet_address" text,
	"chain" text,
	"request_scope" text NOT NULL,
	"request_key" text,
	"link_seq" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charging_session_payers_link_seq" CHECK ("charging_session_payers"."link_seq" >= 0)
);
--> statement-breakpoint
ALTER TABLE "charging_sessions" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "charging_session_payers" ADD CONSTRAINT "charging_session_payers_session_id_charging_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."charging_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charging_session_payers_access_key" ON "charging_session_payers" USING btree ("access_key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "charging_session_payers_request_key" ON "charging_session_payers" USING btree ("request_scope","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_payable_request_key" ON "payments" USING btree ("payable_type","payable_id","request_key") WHERE "payments"."user_id" IS NULL;