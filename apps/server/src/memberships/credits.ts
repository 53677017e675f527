import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { LedgerService } from '../ledger';
import { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import {
  creditTransactions,
  membershipCredits,
  memberships,
  type CreditTransactionKind,
  type CreditTransactionRow,
  type MembershipCreditRow,
  type MembershipPlanRow,
  type MembershipRow,
} from './memberships.schema';

/** The ledger unit of a credit type: its own "currency", so credits never add up with money. */
export const creditUnit = (type: string) => `credit:${type}`;

/** A credit type's name: what the ledger unit check allows after `credit:`. */
export const CREDIT_TYPE = /^[a-z][a-z0-9_]{0,39}$/;

export interface SpendInput {
  userId: string;
  type: string;
  amount: bigint;
  /** What the credits pay for (`booking:bkg_…`). */
  reference: string;
  /** The spend's own key (`booking-credits:bkg_…`): spending again under it is the first spend. */
  key: string;
}

/** Whether a membership in this state may use its credits, as its plan says. */
export function grantsAccess(m: Pick<MembershipRow, 'status'>, plan: MembershipPlanRow): boolean {
  return (
    m.status === 'ACTIVE' ||
    m.status === 'TRIALING' ||
    (m.status === 'PAST_DUE' && plan.pastDueAccess)
  );
}

/**
 * Membership credits: every change a credit_transactions row and, when a balance moves, a CREDIT
 * journal entry between the member's MEMBER_CREDITS account and CREDIT_ISSUANCE in the type's unit
 * — in the caller's transaction, keyed so a replay books nothing twice.
 */
@Injectable()
export class Credits {
  constructor(
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
  ) {}

  /**
   * A paid cycle's credits. What the previous cycle left of each type rolls over up to the plan's
   * cap and the rest expires; then the new cycle's row holds the plan's credits plus the rollover.
   * Keyed by the invoice: a second `invoice.paid` allocates nothing.
   */
  async allocate(
    tx: Tx,
    m: MembershipRow,
    plan: MembershipPlanRow,
    cycle: { invoiceId: string; start: Date; end: Date },
  ): Promise<void> {
    for (const [type, perCycle] of Object.entries(plan.credits)) {
      const key = `alloc:${cycle.invoiceId}:${type}`;
      if (await this.booked(tx, key)) continue;
      const open = await this.openRows(tx, m.id, type, cycle.start);
      const left = open.reduce((s, r) => s + r.remaining, 0n);
      const carried = min(left, BigInt(plan.rolloverCaps[type] ?? 0));
      const allocated = BigInt(perCycle) + carried;
      const now = this.clock.now();
      const [row] = await tx
        .insert(membershipCredits)
        .values({
          id: newId('membershipCredit', now.getTime()),
          membershipId: m.id,
          userId: m.userId,
          creditType: type,
          allocated,
          remaining: allocated,
          cycleStart: cycle.start,
          cycleEnd: cycle.end,
          invoiceId: cycle.invoiceId,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) continue; // the cycle was allocated by another invoice of the same period
      await this.close(tx, open, `cycle:${cycle.invoiceId}`, { carried, into: row });
      if (perCycle > 0)
        await this.record(
          tx,
          row,
          'ALLOCATION',
          BigInt(perCycle),
          cycle.invoiceId,
          key,
          'Credits for the cycle',
        );
    }
  }

  /**
   * Expires what is left of every cycle that ended by `endedBy` (the provider's time: the start of
   * the period whose renewal failed), so a failed renewal closes the cycle before it.
   */
  async expireEnded(tx: Tx, membershipId: string, endedBy: Date, cause: string): Promise<void> {
    const ended = await tx
      .select()
      .from(membershipCredits)
      .where(
        and(
          eq(membershipCredits.membershipId, membershipId),
          isNull(membershipCredits.closedAt),
          lte(membershipCredits.cycleEnd, endedBy),
        ),
      )
      .for('update');
    await this.close(tx, ended, cause, null);
  }

  /** Expires everything left now (a membership cancelled at once). */
  async expireAll(tx: Tx, membershipId: string, cause: string): Promise<void> {
    const open = await tx
      .select()
      .from(membershipCredits)
      .where(
        and(eq(membershipCredits.membershipId, membershipId), isNull(membershipCredits.closedAt)),
      )
      .for('update');
    await this.close(tx, open, cause, null);
  }

  /**
   * Spends credits of a live membership, oldest cycle first. Refused (402 `insufficient_credits`)
   * when the member has fewer than `amount` left; the same key again returns the first spend.
   */
  async spend(
    tx: Tx,
    input: SpendInput,
    access: (m: MembershipRow) => Promise<boolean>,
  ): Promise<CreditTransactionRow[]> {
    checkAmount(input);
    // The membership row is the lock that serialises a member's spends (and a replayed key).
    const [m] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, input.userId),
          sql`${memberships.status} NOT IN ('CANCELLED', 'INCOMPLETE_EXPIRED')`,
        ),
      )
      .for('update');
    const done = await this.byKeyPrefix(tx, input.key);
    if (done.length) return done;
    if (!m || !(await access(m)))
      throw new AppError(
        'payment_required',
        'membership_inactive',
        'No membership that gives access to credits',
      );
    const rows = await tx
      .select()
      .from(membershipCredits)
      .where(
        and(
          eq(membershipCredits.membershipId, m.id),
          eq(membershipCredits.creditType, input.type),
          isNull(membershipCredits.closedAt),
          gt(membershipCredits.cycleEnd, this.clock.now()),
          gt(membershipCredits.remaining, 0n),
        ),
      )
      .orderBy(asc(membershipCredits.cycleEnd))
      .for('update');
    const have = rows.reduce((s, r) => s + r.remaining, 0n);
    if (have < input.amount)
      throw new AppError(
        'payment_required',
        'insufficient_credits',
        `Only ${have} ${input.type} credits left`,
        {
          param: 'amount',
        },
      );
    let rest = input.amount;
    const out: CreditTransactionRow[] = [];
    for (const [i, row] of rows.entries()) {
      if (rest === 0n) break;
      const take = min(rest, row.remaining);
      rest -= take;
      out.push(
        await this.record(
          tx,
          row,
          'DEDUCTION',
          -take,
          input.reference,
          `${input.key}#${i}`,
          'Credits spent',
        ),
      );
    }
    return out;
  }

  /**
   * Gives back credits a spend took (a cancelled booking), at most what that reference spent and
   * not yet given back, onto the member's current cycle. Credits of a cycle that has ended stay
   * expired: there is nothing to give them back to once the membership has no open cycle.
   */
  async refund(tx: Tx, input: SpendInput): Promise<CreditTransactionRow | null> {
    checkAmount(input);
    const [done] = await tx
      .select()
      .from(creditTransactions)
      .where(eq(creditTransactions.idempotencyKey, input.key));
    if (done) return done;
    const [net] = await tx
      .select({ spent: sql<string>`coalesce(-sum(${creditTransactions.amount}), 0)::text` })
      .from(creditTransactions)
      .where(
        and(
          eq(creditTransactions.userId, input.userId),
          eq(creditTransactions.creditType, input.type),
          eq(creditTransactions.reference, input.reference),
          sql`${creditTransactions.kind} IN ('DEDUCTION', 'REFUND')`,
        ),
      );
    const spent = BigInt(net?.spent ?? '0');
    if (input.amount > spent)
      throw AppError.validation(
        `Only ${spent} credits of ${input.reference} can be given back`,
        'amount',
        'refund_exceeds_spent',
      );
    const [row] = await tx
      .select()
      .from(membershipCredits)
      .where(
        and(
          eq(membershipCredits.userId, input.userId),
          eq(membershipCredits.creditType, input.type),
          isNull(membershipCredits.closedAt),
          gt(membershipCredits.cycleEnd, this.clock.now()),
        ),
      )
      .orderBy(desc(membershipCredits.cycleEnd))
      .limit(1)
      .for('update');
    if (!row)
      throw new AppError(
        'conflict',
        'no_open_cycle',
        'The membership has no open cycle to give credits back to',
      );
    return this.record(
      tx,
      row,
      'REFUND',
      input.amount,
      input.reference,
      input.key,
      'Credits given back',
    );
  }

  /** Closes cycles: what is left rolls over (up to `carried`, into the new row) or expires. */
  private async close(
    tx: Tx,
    rows: MembershipCreditRow[],
    cause: string,
    rollover: { carried: bigint; into: MembershipCreditRow } | null,
  ): Promise<void> {
    let carry = rollover?.carried ?? 0n;
    for (const r of rows) {
      const moved = min(carry, r.remaining);
      carry -= moved;
      const expired = r.remaining - moved;
      if (moved > 0n) {
        await this.record(
          tx,
          r,
          'ROLLOVER',
          -moved,
          cause,
          `rollover-out:${r.id}`,
          'Credits rolled over',
        );
        await this.record(
          tx,
          rollover!.into,
          'ROLLOVER',
          moved,
          cause,
          `rollover-in:${r.id}`,
          'Credits rolled over',
          {
            alreadyCounted: true,
          },
        );
      }
      if (expired > 0n)
        await this.record(tx, r, 'EXPIRY', -expired, cause, `expiry:${r.id}`, 'Credits expired');
      await tx
        .update(membershipCredits)
        .set({ closedAt: this.clock.now(), updatedAt: this.clock.now() })
        .where(eq(membershipCredits.id, r.id));
    }
  }

  /**
   * One credit transaction: the row's `remaining` moves by `amount` (unless the row was created
   * holding it already), and an entry moves it between the member's account and issuance. A
   * rollover moves credits between two cycles of the same account: no journal entry.
   */
  private async record(
    tx: Tx,
    row: MembershipCreditRow,
    kind: CreditTransactionKind,
    amount: bigint,
    reference: string,
    key: string,
    description: string,
    opts: { alreadyCounted?: boolean } = {},
  ): Promise<CreditTransactionRow> {
    const now = this.clock.now();
    const id = newId('creditTransaction', now.getTime());
    let journalEntryId: string | null = null;
    if (kind !== 'ROLLOVER') {
      const unit = creditUnit(row.creditType);
      const member = await this.ledger.walletId(tx, row.userId, 'MEMBER_CREDITS', unit);
      const issuance = await this.ledger.platformId(tx, 'CREDIT_ISSUANCE', unit);
      const entry = await this.ledger.post(tx, {
        kind: 'CREDIT',
        reference: { type: 'credit_transaction', id },
        description,
        metadata: { membership_id: row.membershipId, credit_kind: kind, reference },
        idempotencyKey: `credits:${key}`,
        lines: [
          { accountId: member, amount },
          { accountId: issuance, amount: -amount },
        ],
      });
      journalEntryId = entry.id;
    }
    if (kind !== 'ALLOCATION' && !opts.alreadyCounted) {
      await tx
        .update(membershipCredits)
        .set({ remaining: sql`${membershipCredits.remaining} + ${amount}`, updatedAt: now })
        .where(eq(membershipCredits.id, row.id));
    }
    const [created] = await tx
      .insert(creditTransactions)
      .values({
        id,
        userId: row.userId,
        membershipId: row.membershipId,
        creditId: row.id,
        creditType: row.creditType,
        kind,
        amount,
        reference,
        description,
        idempotencyKey: key,
        journalEntryId,
        createdAt: now,
      })
      .returning();
    return created!;
  }

  private async booked(tx: Tx, key: string): Promise<boolean> {
    const [row] = await tx
      .select({ id: creditTransactions.id })
      .from(creditTransactions)
      .where(eq(creditTransactions.idempotencyKey, key));
    return row !== undefined;
  }

  private byKeyPrefix(tx: Tx, key: string): Promise<CreditTransactionRow[]> {
    return tx
      .select()
      .from(creditTransactions)
      .where(sql`${creditTransactions.idempotencyKey} LIKE ${escapeLike(key) + '#%'}`)
      .orderBy(asc(creditTransactions.id));
  }

  /** The membership's cycles of a type still open before `before` (locked: they are closed next). */
  private openRows(tx: Tx, membershipId: string, type: string, before: Date) {
    return tx
      .select()
      .from(membershipCredits)
      .where(
        and(
          eq(membershipCredits.membershipId, membershipId),
          eq(membershipCredits.creditType, type),
          isNull(membershipCredits.closedAt),
          lte(membershipCredits.cycleStart, before),
        ),
      )
      .orderBy(asc(membershipCredits.cycleEnd))
      .for('update');
  }
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function checkAmount(input: SpendInput): void {
  if (!CREDIT_TYPE.test(input.type)) throw AppError.validation('Unknown credit type', 'type');
  if (input.amount <= 0n) throw AppError.validation('Amount must be positive', 'amount');
  if (!input.key || input.key.length > 200) throw AppError.validation('Bad key', 'key');
}
