ALTER TYPE "public"."journal_entry_kind" ADD VALUE 'DISPUTE';--> statement-breakpoint
CREATE TABLE "payment_disputes" (
	"id" text PRIMARY KEY NOT NULL,
	"payment_id" text NOT NULL,
	"provider_dispute_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"funds_withdrawn" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_disputes_provider_dispute_id_unique" UNIQUE("provider_dispute_id"),
	CONSTRAINT "payment_disputes_amount_positive" CHECK ("payment_disputes"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_non_negative";--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "forced" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "amount_disputed" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "request_key" text;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "request_key" text;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "payment_disputes" ADD CONSTRAINT "payment_disputes_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_disputes_payment_idx" ON "payment_disputes" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_revoked_family_idx" ON "refresh_tokens" USING btree ("family_id") WHERE "refresh_tokens"."revoked_at" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_idempotency_key" ON "journal_entries" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_user_request_key" ON "payments" USING btree ("user_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_payment_request_key" ON "refunds" USING btree ("payment_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_user_idempotency_key" ON "payouts" USING btree ("user_id","idempotency_key");--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_non_negative" CHECK ("ledger_accounts"."allow_negative" OR "ledger_accounts"."balance" >= 0 OR "ledger_accounts"."type" IN ('USER_WALLET', 'MERCHANT_WALLET'));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_disputed_range" CHECK ("payments"."amount_disputed" >= 0 AND "payments"."amount_disputed" <= "payments"."amount_captured");--> statement-breakpoint
-- ledger_post gains the business event's idempotency key and the forced flag, and returns the
-- entry's id. A key already booked makes the call a no-op that returns the first entry's id (the
-- unique index settles racers: the loser's statement fails 23505 and its transaction rolls back).
-- A forced entry records money an outside party already moved: wallet locks and balances cannot
-- refuse it, so a wallet may go negative (platform accounts still may not: their CHECK holds).
DROP FUNCTION ledger_post(text, journal_entry_kind, text, text, text, jsonb, timestamptz, text[], bigint[], text[]);
--> statement-breakpoint
CREATE FUNCTION ledger_post(
  p_entry_id text,
  p_kind journal_entry_kind,
  p_reference_type text,
  p_reference_id text,
  p_description text,
  p_metadata jsonb,
  p_at timestamptz,
  p_account_ids text[],
  p_amounts bigint[],
  p_posting_ids text[],
  p_idempotency_key text,
  p_forced boolean
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  n int := cardinality(p_account_ids);
  acc ledger_accounts%ROWTYPE;
  bad record;
  existing text;
BEGIN
  IF n < 2 OR cardinality(p_amounts) IS DISTINCT FROM n OR cardinality(p_posting_ids) IS DISTINCT FROM n THEN
    RAISE EXCEPTION 'a journal entry needs at least two postings, each with an amount and an id'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_idempotency_key IS NOT NULL THEN
    SELECT id INTO existing FROM journal_entries WHERE idempotency_key = p_idempotency_key;
    IF FOUND THEN
      RETURN existing;
    END IF;
  END IF;
  -- Lock in a global order (by id): entries touching the same accounts queue, never deadlock.
  PERFORM 1 FROM ledger_accounts WHERE id = ANY (p_account_ids) ORDER BY id FOR UPDATE;

  SELECT l.id INTO bad
    FROM unnest(p_account_ids) AS l(id) LEFT JOIN ledger_accounts a ON a.id = l.id
   WHERE a.id IS NULL LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'unknown ledger account %', bad.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT a.currency, sum(l.amount) AS total INTO bad
    FROM unnest(p_account_ids, p_amounts) AS l(id, amount) JOIN ledger_accounts a ON a.id = l.id
   GROUP BY a.currency HAVING sum(l.amount) <> 0 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry does not balance in %: off by %', bad.currency, bad.total
      USING ERRCODE = 'check_violation';
  END IF;

  INSERT INTO journal_entries (id, kind, reference_type, reference_id, description, metadata,
                               idempotency_key, forced, created_at)
  VALUES (p_entry_id, p_kind, p_reference_type, p_reference_id, p_description, p_metadata,
          p_idempotency_key, coalesce(p_forced, false), p_at);

  FOR i IN 1..n LOOP
    IF p_amounts[i] = 0 THEN
      RAISE EXCEPTION 'a posting cannot be zero' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO acc FROM ledger_accounts WHERE id = p_account_ids[i];
    IF NOT coalesce(p_forced, false) THEN
      IF acc.is_locked AND acc.type IN ('USER_WALLET', 'MERCHANT_WALLET') THEN
        RAISE EXCEPTION 'wallet % is locked', acc.id USING ERRCODE = 'TL409';
      END IF;
      IF acc.balance + p_amounts[i] < 0 AND NOT acc.allow_negative THEN
        RAISE EXCEPTION 'account % would go below zero', acc.id USING ERRCODE = 'TL402';
      END IF;
    END IF;
    UPDATE ledger_accounts SET balance = balance + p_amounts[i], updated_at = p_at
     WHERE id = acc.id;
    INSERT INTO postings (id, entry_id, account_id, amount, currency, balance_after, created_at)
    VALUES (p_posting_ids[i], p_entry_id, acc.id, p_amounts[i], acc.currency,
            acc.balance + p_amounts[i], p_at);
  END LOOP;
  RETURN p_entry_id;
END;
$$;
