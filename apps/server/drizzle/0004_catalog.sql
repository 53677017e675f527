CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"price" bigint NOT NULL,
	"currency" text NOT NULL,
	"available_units" integer NOT NULL,
	"initial_units" integer NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "products_price_positive" CHECK ("products"."price" > 0),
	CONSTRAINT "products_currency_iso" CHECK ("products"."currency" ~ '^[a-z]{3}$'),
	CONSTRAINT "products_available_non_negative" CHECK ("products"."available_units" >= 0),
	CONSTRAINT "products_initial_non_negative" CHECK ("products"."initial_units" >= 0),
	CONSTRAINT "products_available_within_initial" CHECK ("products"."available_units" <= "products"."initial_units"),
	CONSTRAINT "products_version_positive" CHECK ("products"."version" >= 1),
	CONSTRAINT "products_name_present" CHECK (length("products"."name") BETWEEN 1 AND 200),
	CONSTRAINT "products_description_length" CHECK (length("products"."description") <= 5000)
);
--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_merchant_id_users_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "products_merchant_idx" ON "products" USING btree ("merchant_id","id");--> statement-breakpoint
CREATE INDEX "products_live_idx" ON "products" USING btree ("id") WHERE "products"."is_active" AND "products"."deleted_at" IS NULL;