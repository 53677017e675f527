-- One name per concept: the user's withdrawal (wdr_…, the WITHDRAWAL entry kind) is this row; a
-- payout is only the provider's transfer that carries it (provider_payout_id). Renamed in place.
ALTER TABLE "payouts" RENAME TO "withdrawals";--> statement-breakpoint
ALTER TYPE "public"."payout_status" RENAME TO "withdrawal_status";--> statement-breakpoint
ALTER TABLE "withdrawals" RENAME CONSTRAINT "payouts_pkey" TO "withdrawals_pkey";--> statement-breakpoint
ALTER TABLE "withdrawals" RENAME CONSTRAINT "payouts_amount_positive" TO "withdrawals_amount_positive";--> statement-breakpoint
ALTER TABLE "withdrawals" RENAME CONSTRAINT "payouts_user_id_users_id_fk" TO "withdrawals_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "withdrawals" RENAME CONSTRAINT "payouts_account_id_ledger_accounts_id_fk" TO "withdrawals_account_id_ledger_accounts_id_fk";--> statement-breakpoint
ALTER INDEX "payouts_user_idx" RENAME TO "withdrawals_user_idx";--> statement-breakpoint
ALTER INDEX "payouts_user_idempotency_key" RENAME TO "withdrawals_user_idempotency_key";
