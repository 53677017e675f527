import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import type { UserRow } from '../identity/identity.schema';
import { journalEntries } from '../ledger/ledger.schema';
import { LedgerService } from '../ledger/ledger.service';
import { PayablesRegistry, type PaymentDomainEvent } from '../payments/payables';
import { PaymentsService, requireCollected } from '../payments/payments.service';
import type { PaymentRow } from '../payments/payments.schema';
import type { Clock } from '../platform/clock';
import type { Database, Tx } from '../platform/database/database';
import { newId } from '../platform/ids/ids';
import { CLOCK, DATABASE } from '../platform/platform.module';
import { PAYOUT_PROVIDER, type PayoutProvider } from './payout-provider';
import { payouts, type PayoutRow } from './wallet.schema';

export const DEPOSIT_PAYABLE = 'wallet_deposit';
export const DEFAULT_CURRENCY = 'usd';

const walletType = (u: Pick<UserRow, 'role'>) =>
  u.role === 'MERCHANT' ? 'MERCHANT_WALLET' : 'USER_WALLET';

export interface DepositInput {
  amount: bigint;
  currency: string;
  /** A saved card or provider card token; without one the deposit is paid on a hosted page. */
  paymentMethodId?: string;
  successUrl?: string;
  cancelUrl?: string;
}

/**
 * Wallets on the ledger. A deposit is a payable of the payments core: the wallet is credited only
 * when its payment succeeds, in the transaction that records the success. A withdrawal debits the
 * wallet and creates its payout in one transaction; a failed payout is reversed by a new entry.
 */
@Injectable()
export class WalletService implements OnModuleInit {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PAYOUT_PROVIDER) private readonly payoutProvider: PayoutProvider,
    private readonly ledger: LedgerService,
    private readonly payments: PaymentsService,
    private readonly registry: PayablesRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(DEPOSIT_PAYABLE, (tx, event) => this.onDepositPayment(tx, event));
  }

  account(user: Pick<UserRow, 'id' | 'role'>, currency = DEFAULT_CURRENCY) {
    return this.database.db.transaction((tx) =>
      this.ledger.wallet(tx, user.id, walletType(user), currency),
    );
  }

  /** Starts a deposit: the payable is the wallet account itself. */
  async deposit(user: UserRow, input: DepositInput): Promise<PaymentRow> {
    const wallet = await this.account(user, input.currency);
    const payable = { type: DEPOSIT_PAYABLE, id: wallet.id };
    if (input.paymentMethodId) {
      const payment = await this.payments.payByCard({
        payable,
        user,
        amount: input.amount,
        currency: input.currency,
        paymentMethodId: input.paymentMethodId,
        description: 'Wallet deposit',
      });
      return requireCollected(payment);
    }
    return this.payments.payByLink({
      payable,
      user,
      amount: input.amount,
      currency: input.currency,
      method: 'card_link',
      productName: 'Wallet deposit',
      successUrl: input.successUrl ?? 'about:blank',
      cancelUrl: input.cancelUrl ?? 'about:blank',
    });
  }

  /** Credits the wallet once, when the deposit's payment succeeds (inside the payment's transaction). */
  private async onDepositPayment(tx: Tx, event: PaymentDomainEvent): Promise<void> {
    if (event.type !== 'payment.succeeded') return;
    const p = event.payment;
    const [already] = await tx
      .select({ id: journalEntries.id })
      .from(journalEntries)
      .where(
        and(
          eq(journalEntries.kind, 'DEPOSIT'),
          eq(journalEntries.referenceType, 'payment'),
          eq(journalEntries.referenceId, p.id),
        ),
      );
    if (already) return;
    const clearing = await this.ledger.platform(tx, 'PROVIDER_CLEARING', p.currency);
    await this.ledger.post(tx, {
      kind: 'DEPOSIT',
      reference: { type: 'payment', id: p.id },
      description: 'Card deposit',
      metadata: { payment_id: p.id },
      lines: [
        { accountId: clearing.id, amount: -p.amountCaptured },
        { accountId: p.payableId, amount: p.amountCaptured },
      ],
    });
  }

  async withdraw(
    user: UserRow,
    amount: bigint,
    currency: string,
    destination: string,
  ): Promise<PayoutRow> {
    const now = this.clock.now();
    const payout = await this.database.db.transaction(async (tx) => {
      const wallet = await this.ledger.wallet(tx, user.id, walletType(user), currency);
      const clearing = await this.ledger.platform(tx, 'PAYOUT_CLEARING', currency);
      const id = newId('payout', now.getTime());
      const [row] = await tx
        .insert(payouts)
        .values({
          id,
          userId: user.id,
          accountId: wallet.id,
          amount,
          currency,
          destination,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await this.ledger.post(tx, {
        kind: 'WITHDRAWAL',
        reference: { type: 'payout', id },
        description: `Withdrawal to ${destination}`,
        lines: [
          { accountId: wallet.id, amount: -amount },
          { accountId: clearing.id, amount },
        ],
      });
      return row!;
    });
    return this.settle(payout);
  }

  /** Sends a pending payout (again, after a crash: same idempotency key) and records the outcome. */
  async settle(payout: PayoutRow): Promise<PayoutRow> {
    const result = await this.payoutProvider.send(payout, payout.id);
    return this.database.db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(payouts)
        .set({
          status: result.status === 'paid' ? 'PAID' : 'FAILED',
          providerPayoutId: result.id,
          failureReason: result.failureReason ?? null,
          updatedAt: this.clock.now(),
        })
        .where(and(eq(payouts.id, payout.id), eq(payouts.status, 'PENDING')))
        .returning();
      if (!claimed) return (await tx.select().from(payouts).where(eq(payouts.id, payout.id)))[0]!;
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

  /** Locks or unlocks a wallet (admin): a locked wallet refuses every movement. */
  async setLocked(accountId: string, locked: boolean): Promise<void> {
    await this.database.db.execute(
      sql`UPDATE ledger_accounts SET is_locked = ${locked}, updated_at = now() WHERE id = ${accountId}`,
    );
  }
}
