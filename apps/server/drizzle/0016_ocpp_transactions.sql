CREATE TYPE "public"."ocpp_transaction_status" AS ENUM('ACTIVE', 'STOPPED');--> statement-breakpoint
CREATE TABLE "ocpp_transactions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ocpp_transactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"charger_id" text NOT NULL,
	"company_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"id_tag" text NOT NULL,
	"id_tag_status" text NOT NULL,
	"status" "ocpp_transaction_status" DEFAULT 'ACTIVE' NOT NULL,
	"meter_start_wh" bigint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_meter_wh" bigint,
	"last_meter_at" timestamp with time zone,
	"meter_stop_wh" bigint,
	"stopped_at" timestamp with time zone,
	"stop_reason" text,
	"energy_wh" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ocpp_transactions_energy_non_negative" CHECK ("ocpp_transactions"."energy_wh" IS NULL OR "ocpp_transactions"."energy_wh" >= 0)
);
--> statement-breakpoint
ALTER TABLE "ocpp_transactions" ADD CONSTRAINT "ocpp_transactions_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocpp_transactions" ADD CONSTRAINT "ocpp_transactions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ocpp_transactions_start_idx" ON "ocpp_transactions" USING btree ("charger_id","connector_id","started_at","id_tag");--> statement-breakpoint
CREATE INDEX "ocpp_transactions_charger_idx" ON "ocpp_transactions" USING btree ("charger_id","id");