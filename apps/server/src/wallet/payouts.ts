import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { LedgerService } from '../ledger';
import { ConnectEvents, PAYOUT_PROVIDER, type ConnectFact, type PayoutProvider } from '../payments';
import { Clock } from '../platform/clock';
import { Database, type Tx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { Logger } from '../platform/logging/logger';
import { withdrawals, type WithdrawalRow } from './wallet.schema';

/**
 * The provider's side of withdrawals: the payout, the transfer that carries a withdrawal to the
 * user's payout account (PayoutAccounts), with its outcome recorded (a refusal reversed), and the
 * provider's later reversals of it put back on the wallet.
 */
@Injectable()
export class Payouts implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    @Inject(PAYOUT_PROVIDER) private readonly provider: PayoutProvider,
    private readonly ledger: LedgerService,
    private readonly connect: ConnectEvents,
  ) {}

  onModuleInit(): void {
    this.connect.register((tx, fact, cause) => this.onReversal(tx, fact, cause));
  }

  /** Sends a pending payout (again, after a crash: same idempotency key) and records the outcome. */
  async settle(
    payout: WithdrawalRow,
    options: { recovering?: boolean } = {},
  ): Promise<WithdrawalRow> {
    const result = await this.provider.send(payout, payout.id, options);
    return this.database.db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(withdrawals)
        .set({
          status: result.status,
          providerPayoutId: result.id,
          failureReason: result.failureReason ?? null,
          waitingReason: null,
          updatedAt: this.clock.now(),
        })
        .where(and(eq(withdrawals.id, payout.id), eq(withdrawals.status, 'PENDING')))
        .returning();
      if (!claimed)
        return (await tx.select().from(withdrawals).where(eq(withdrawals.id, payout.id)))[0]!;
      if (claimed.status === 'FAILED') {
        const clearing = await this.ledger.platform(tx, 'PAYOUT_CLEARING', payout.currency);
        await this.ledger.post(tx, {
          kind: 'REVERSAL',
          reference: { type: 'payout', id: payout.id },
          description: `Withdrawal returned: ${result.failureReason ?? 'payout failed'}`,
          metadata: { reverses: 'WITHDRAWAL' },
          lines: [
            { accountId: clearing.id, amount: -payout.amount },
            { accountId: payout.accountId, amount: payout.amount },
          ],
        });
      }
      return claimed;
    });
  }

  /**
   * `settle`, or the withdrawal as it is when no definite answer came: its money is in payout
   * clearing and it stays PENDING until the settle job gets one (same idempotency key).
   */
  settleOrKeep(payout: WithdrawalRow, options: { recovering?: boolean } = {}) {
    return this.settle(payout, options).catch(async (err: unknown) => {
      this.logger.warn({ err, payoutId: payout.id }, 'payout not settled yet; will retry');
      // Shown to the user with the withdrawal: why it waits.
      const reason =
        err instanceof AppError && err.code === 'balance_insufficient'
          ? 'balance_insufficient'
          : 'provider_unavailable';
      const [waiting] = await this.database.db
        .update(withdrawals)
        .set({ waitingReason: reason })
        .where(and(eq(withdrawals.id, payout.id), eq(withdrawals.status, 'PENDING')))
        .returning()
        .catch(() => [undefined]);
      return waiting ?? payout;
    });
  }

  /**
   * transfer.reversed: the part of the transfer reversed since we last heard goes back on the
   * wallet, from payout clearing, in the event's transaction. The withdrawal row is locked and its
   * `amountReversed` moved up in the same transaction, so a replayed or reordered event (it carries
   * the transfer's running total) credits nothing twice.
   */
  private async onReversal(tx: Tx, fact: ConnectFact, cause: string): Promise<void> {
    if (fact.kind !== 'transfer_reversed') return;
    const [w] = await tx
      .select()
      .from(withdrawals)
      .where(eq(withdrawals.providerPayoutId, fact.transferId))
      .for('update');
    if (!w) {
      this.logger.info({ cause, transferId: fact.transferId }, 'reversal of no known payout');
      return;
    }
    const total = fact.amountReversed > w.amount ? w.amount : fact.amountReversed;
    const delta = total - w.amountReversed;
    if (delta <= 0n) return;
    const clearing = await this.ledger.platform(tx, 'PAYOUT_CLEARING', w.currency);
    await this.ledger.post(tx, {
      kind: 'REVERSAL',
      reference: { type: 'payout', id: w.id },
      description: `Withdrawal reversed by the provider (${delta} of ${w.amount})`,
      metadata: { reverses: 'WITHDRAWAL', transfer: fact.transferId },
      idempotencyKey: `payout-reversal:${w.id}:${total}`,
      // The provider already moved the money back: a lock on the wallet cannot refuse it.
      forced: true,
      lines: [
        { accountId: clearing.id, amount: -delta },
        { accountId: w.accountId, amount: delta },
      ],
    });
    await tx
      .update(withdrawals)
      .set({ amountReversed: total, updatedAt: this.clock.now() })
      .where(eq(withdrawals.id, w.id));
  }
}
