CREATE TYPE "public"."booking_status" AS ENUM('PENDING_PAYMENT', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'FAILED', 'REFUNDED');--> statement-breakpoint
CREATE TYPE "public"."space_price_unit" AS ENUM('HOUR', 'DAY');--> statement-breakpoint
CREATE TYPE "public"."space_kind" AS ENUM('ROOM', 'DESK', 'DAY_PASS');--> statement-breakpoint
CREATE TABLE "coworking_bookings" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"space_id" text NOT NULL,
	"seat_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"status" "booking_status" DEFAULT 'PENDING_PAYMENT' NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"amount_paid" bigint DEFAULT 0 NOT NULL,
	"amount_refunded" bigint DEFAULT 0 NOT NULL,
	"amount_disputed" bigint DEFAULT 0 NOT NULL,
	"policy" jsonb NOT NULL,
	"refund_due" bigint,
	"hold_expires_at" timestamp with time zone NOT NULL,
	"failure_code" text,
	"failure_message" text,
	"cancelled_at" timestamp with time zone,
	"request_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coworking_bookings_amount_positive" CHECK ("coworking_bookings"."amount" > 0),
	CONSTRAINT "coworking_bookings_currency_iso" CHECK ("coworking_bookings"."currency" ~ '^[a-z]{3}$'),
	CONSTRAINT "coworking_bookings_range" CHECK ("coworking_bookings"."starts_at" < "coworking_bookings"."ends_at"),
	CONSTRAINT "coworking_bookings_blocked" CHECK ("coworking_bookings"."blocked_until" >= "coworking_bookings"."ends_at"),
	CONSTRAINT "coworking_bookings_refund_due" CHECK ("coworking_bookings"."refund_due" IS NULL OR ("coworking_bookings"."refund_due" >= 0 AND "coworking_bookings"."refund_due" <= "coworking_bookings"."amount"))
);
--> statement-breakpoint
CREATE TABLE "coworking_space_seats" (
	"id" text PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coworking_spaces" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "space_kind" NOT NULL,
	"capacity" integer NOT NULL,
	"price_unit" "space_price_unit" NOT NULL,
	"price" bigint NOT NULL,
	"currency" text NOT NULL,
	"time_zone" text NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"buffer_minutes" integer DEFAULT 0 NOT NULL,
	"full_refund_hours" integer NOT NULL,
	"late_refund_percent" integer,
	"late_cancellation_fee" bigint,
	"hold_minutes" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coworking_spaces_price_positive" CHECK ("coworking_spaces"."price" > 0),
	CONSTRAINT "coworking_spaces_currency_iso" CHECK ("coworking_spaces"."currency" ~ '^[a-z]{3}$'),
	CONSTRAINT "coworking_spaces_capacity" CHECK ("coworking_spaces"."capacity" BETWEEN 1 AND 500),
	CONSTRAINT "coworking_spaces_buffer" CHECK ("coworking_spaces"."buffer_minutes" BETWEEN 0 AND 240),
	CONSTRAINT "coworking_spaces_hold" CHECK ("coworking_spaces"."hold_minutes" BETWEEN 1 AND 1440),
	CONSTRAINT "coworking_spaces_late_policy" CHECK (("coworking_spaces"."late_refund_percent" IS NULL) <> ("coworking_spaces"."late_cancellation_fee" IS NULL)
        AND coalesce("coworking_spaces"."late_refund_percent", 0) BETWEEN 0 AND 100
        AND coalesce("coworking_spaces"."late_cancellation_fee", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "coworking_bookings" ADD CONSTRAINT "coworking_bookings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coworking_bookings" ADD CONSTRAINT "coworking_bookings_space_id_coworking_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."coworking_spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coworking_bookings" ADD CONSTRAINT "coworking_bookings_seat_id_coworking_space_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."coworking_space_seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coworking_space_seats" ADD CONSTRAINT "coworking_space_seats_space_id_coworking_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."coworking_spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coworking_bookings_request_key" ON "coworking_bookings" USING btree ("user_id","request_key");--> statement-breakpoint
CREATE INDEX "coworking_bookings_user_idx" ON "coworking_bookings" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "coworking_bookings_space_idx" ON "coworking_bookings" USING btree ("space_id","starts_at");--> statement-breakpoint
CREATE INDEX "coworking_bookings_hold_idx" ON "coworking_bookings" USING btree ("hold_expires_at") WHERE "coworking_bookings"."status" = 'PENDING_PAYMENT';--> statement-breakpoint
CREATE UNIQUE INDEX "coworking_space_seats_number" ON "coworking_space_seats" USING btree ("space_id","number");--> statement-breakpoint
-- Hand-written (drizzle-kit cannot express it): no two live bookings of one seat overlap, buffer
-- included. btree_gist gives text equality a GiST operator class, so the seat and the range share
-- one constraint; PostgreSQL enforces it under any concurrency (the loser gets 23P01).
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "coworking_bookings" ADD CONSTRAINT "coworking_bookings_no_overlap" EXCLUDE USING gist ("seat_id" WITH =, tstzrange("starts_at", "blocked_until", '[)') WITH &&) WHERE ("status" IN ('PENDING_PAYMENT', 'CONFIRMED'));
