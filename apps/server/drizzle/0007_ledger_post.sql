-- One journal entry, posted in one call: the rules of LedgerService.post run inside PostgreSQL so
-- that the accounts it locks stay locked for one round trip instead of one per statement. Called
-- inside the caller's transaction (the same one as the business change); raises, and so rolls the
-- whole transaction back, on any refusal:
--   TL402  a wallet would go below zero (insufficient funds)
--   TL409  a wallet is locked
--   23514  the entry does not balance in some currency (the deferred trigger checks it again)
--   23503  an account does not exist
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
  p_posting_ids text[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  n int := cardinality(p_account_ids);
  acc ledger_accounts%ROWTYPE;
  bad record;
BEGIN
  IF n < 2 OR cardinality(p_amounts) IS DISTINCT FROM n OR cardinality(p_posting_ids) IS DISTINCT FROM n THEN
    RAISE EXCEPTION 'a journal entry needs at least two postings, each with an amount and an id'
      USING ERRCODE = 'invalid_parameter_value';
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

  INSERT INTO journal_entries (id, kind, reference_type, reference_id, description, metadata, created_at)
  VALUES (p_entry_id, p_kind, p_reference_type, p_reference_id, p_description, p_metadata, p_at);

  FOR i IN 1..n LOOP
    IF p_amounts[i] = 0 THEN
      RAISE EXCEPTION 'a posting cannot be zero' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO acc FROM ledger_accounts WHERE id = p_account_ids[i];
    IF acc.is_locked AND acc.type IN ('USER_WALLET', 'MERCHANT_WALLET') THEN
      RAISE EXCEPTION 'wallet % is locked', acc.id USING ERRCODE = 'TL409';
    END IF;
    IF acc.balance + p_amounts[i] < 0 AND NOT acc.allow_negative THEN
      RAISE EXCEPTION 'account % would go below zero', acc.id USING ERRCODE = 'TL402';
    END IF;
    UPDATE ledger_accounts SET balance = balance + p_amounts[i], updated_at = p_at
     WHERE id = acc.id;
    INSERT INTO postings (id, entry_id, account_id, amount, currency, balance_after, created_at)
    VALUES (p_posting_ids[i], p_entry_id, acc.id, p_amounts[i], acc.currency,
            acc.balance + p_amounts[i], p_at);
  END LOOP;
END;
$$;
