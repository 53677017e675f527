CREATE TABLE "charging_session_statuses" (
	"session_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" "connector_status" NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "charging_session_statuses_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charging_session_statuses_session_id_at_status_pk" PRIMARY KEY("session_id","at","status")
);
--> statement-breakpoint
CREATE TABLE "ocpp_meter_readings" (
	"transaction_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"wh" bigint NOT NULL,
	CONSTRAINT "ocpp_meter_readings_transaction_id_at_pk" PRIMARY KEY("transaction_id","at")
);
--> statement-breakpoint
ALTER TABLE "charging_session_statuses" ADD CONSTRAINT "charging_session_statuses_session_id_charging_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."charging_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocpp_meter_readings" ADD CONSTRAINT "ocpp_meter_readings_transaction_id_ocpp_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."ocpp_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "charging_session_statuses_order_idx" ON "charging_session_statuses" USING btree ("session_id","at","seq");