ALTER TABLE "chargers" ADD COLUMN "firmware_status" text;--> statement-breakpoint
ALTER TABLE "chargers" ADD COLUMN "firmware_status_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chargers" ADD COLUMN "diagnostics_status" text;--> statement-breakpoint
ALTER TABLE "chargers" ADD COLUMN "diagnostics_status_at" timestamp with time zone;