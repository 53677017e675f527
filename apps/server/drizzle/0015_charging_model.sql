CREATE TYPE "public"."connector_status" AS ENUM('AVAILABLE', 'PREPARING', 'CHARGING', 'SUSPENDED_EVSE', 'SUSPENDED_EV', 'FINISHING', 'RESERVED', 'UNAVAILABLE', 'FAULTED');--> statement-breakpoint
CREATE TYPE "public"."connector_type" AS ENUM('TYPE_1', 'TYPE_2', 'CCS_1', 'CCS_2', 'CHADEMO', 'NACS', 'GB_T', 'SCHUKO');--> statement-breakpoint
CREATE TYPE "public"."ocpp_direction" AS ENUM('IN', 'OUT');--> statement-breakpoint
CREATE TABLE "chargers" (
	"id" text PRIMARY KEY NOT NULL,
	"station_id" text NOT NULL,
	"company_id" text NOT NULL,
	"ocpp_id" text NOT NULL,
	"password_hash" text,
	"tariff_id" text,
	"vendor" text,
	"model" text,
	"serial_number" text,
	"firmware_version" text,
	"last_boot_at" timestamp with time zone,
	"last_heartbeat_at" timestamp with time zone,
	"online" boolean DEFAULT false NOT NULL,
	"status" "connector_status",
	"error_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "chargers_ocpp_id_format" CHECK ("chargers"."ocpp_id" ~ '^[A-Za-z0-9._:-]{1,48}$')
);
--> statement-breakpoint
CREATE TABLE "connectors" (
	"id" text PRIMARY KEY NOT NULL,
	"charger_id" text NOT NULL,
	"company_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"type" "connector_type",
	"max_power_w" integer,
	"status" "connector_status" DEFAULT 'UNAVAILABLE' NOT NULL,
	"error_code" text DEFAULT 'NO_ERROR' NOT NULL,
	"vendor_error_code" text,
	"info" text,
	"status_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "connectors_connector_id_positive" CHECK ("connectors"."connector_id" >= 1),
	CONSTRAINT "connectors_power_positive" CHECK ("connectors"."max_power_w" IS NULL OR "connectors"."max_power_w" > 0)
);
--> statement-breakpoint
CREATE TABLE "ocpp_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"charger_id" text NOT NULL,
	"direction" "ocpp_direction" NOT NULL,
	"frame" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" text PRIMARY KEY NOT NULL,
	"company_id" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"time_zone" text NOT NULL,
	"tariff_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "stations_latitude_range" CHECK ("stations"."latitude" BETWEEN -90 AND 90),
	CONSTRAINT "stations_longitude_range" CHECK ("stations"."longitude" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"id" text PRIMARY KEY NOT NULL,
	"company_id" text NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"energy_price_per_kwh" bigint NOT NULL,
	"time_price_per_minute" bigint DEFAULT 0 NOT NULL,
	"idle_price_per_minute" bigint DEFAULT 0 NOT NULL,
	"idle_grace_minutes" integer DEFAULT 0 NOT NULL,
	"session_fee" bigint DEFAULT 0 NOT NULL,
	"tax_rate_basis_points" integer DEFAULT 0 NOT NULL,
	"tax_inclusive" boolean DEFAULT true NOT NULL,
	"hold_amount" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "tariffs_currency_iso" CHECK ("tariffs"."currency" ~ '^[a-z]{3}$'),
	CONSTRAINT "tariffs_prices_non_negative" CHECK ("tariffs"."energy_price_per_kwh" >= 0 AND "tariffs"."time_price_per_minute" >= 0 AND "tariffs"."idle_price_per_minute" >= 0 AND "tariffs"."session_fee" >= 0),
	CONSTRAINT "tariffs_hold_positive" CHECK ("tariffs"."hold_amount" > 0),
	CONSTRAINT "tariffs_grace_range" CHECK ("tariffs"."idle_grace_minutes" BETWEEN 0 AND 1440),
	CONSTRAINT "tariffs_tax_range" CHECK ("tariffs"."tax_rate_basis_points" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
ALTER TABLE "chargers" ADD CONSTRAINT "chargers_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chargers" ADD CONSTRAINT "chargers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chargers" ADD CONSTRAINT "chargers_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocpp_messages" ADD CONSTRAINT "ocpp_messages_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chargers_ocpp_id_live_idx" ON "chargers" USING btree ("ocpp_id") WHERE "chargers"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "chargers_station_idx" ON "chargers" USING btree ("station_id","id");--> statement-breakpoint
CREATE INDEX "chargers_company_idx" ON "chargers" USING btree ("company_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "connectors_charger_number_live_idx" ON "connectors" USING btree ("charger_id","connector_id") WHERE "connectors"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "connectors_company_idx" ON "connectors" USING btree ("company_id","id");--> statement-breakpoint
CREATE INDEX "ocpp_messages_charger_idx" ON "ocpp_messages" USING btree ("charger_id","id");--> statement-breakpoint
CREATE INDEX "stations_company_idx" ON "stations" USING btree ("company_id","id");--> statement-breakpoint
CREATE INDEX "tariffs_company_idx" ON "tariffs" USING btree ("company_id","id");