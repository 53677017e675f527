ALTER TABLE "chargers" ADD COLUMN "node_id" text;--> statement-breakpoint
ALTER TABLE "chargers" ADD COLUMN "connection_id" text;--> statement-breakpoint
CREATE INDEX "chargers_node_idx" ON "chargers" USING btree ("node_id") WHERE "chargers"."node_id" IS NOT NULL;