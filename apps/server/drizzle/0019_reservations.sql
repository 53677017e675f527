CREATE TYPE "public"."reservation_status" AS ENUM('PENDING', 'ACTIVE', 'FAILED', 'CANCELLED', 'EXPIRED', 'USED');--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" text PRIMARY KEY NOT NULL,
	"ocpp_reservation_id" integer GENERATED ALWAYS AS IDENTITY (sequence name "reservations_ocpp_reservation_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"company_id" text NOT NULL,
	"charger_id" text NOT NULL,
	"connector_id" text NOT NULL,
	"id_tag" text NOT NULL,
	"status" "reservation_status" DEFAULT 'PENDING' NOT NULL,
	"failure_code" text,
	"expires_at" timestamp with time zone NOT NULL,
	"request_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_connector_id_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."connectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_ocpp_id_idx" ON "reservations" USING btree ("ocpp_reservation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_live_connector_idx" ON "reservations" USING btree ("connector_id") WHERE "reservations"."status" IN ('PENDING', 'ACTIVE');--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_live_user_idx" ON "reservations" USING btree ("user_id") WHERE "reservations"."status" IN ('PENDING', 'ACTIVE');--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_request_key_idx" ON "reservations" USING btree ("user_id","request_key");--> statement-breakpoint
CREATE INDEX "reservations_company_idx" ON "reservations" USING btree ("company_id","id");--> statement-breakpoint
CREATE INDEX "reservations_user_idx" ON "reservations" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "reservations_expiry_idx" ON "reservations" USING btree ("expires_at") WHERE "reservations"."status" = 'ACTIVE';