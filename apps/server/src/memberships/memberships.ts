import { Injectable } from '@nestjs/common';
import type { Tx } from '../platform/database/database';
import { Credits, grantsAccess, type SpendInput } from './credits';
import type { CreditTransactionRow } from './memberships.schema';
import { Plans } from './plans';

/**
 * What other modules may ask of memberships: spend a member's credits (a booking paid with
 * credits) and give them back (that booking cancelled), in the caller's transaction so the
 * booking and its credits commit together. Both are idempotent by `key`.
 */
@Injectable()
export class Memberships {
  constructor(
    private readonly credits: Credits,
    private readonly plans: Plans,
  ) {}

  /**
   * Spends `amount` credits of `type`. Refused: 402 `insufficient_credits` (fewer left),
   * 402 `membership_inactive` (none, or its plan gives no access in its state: past_due/unpaid).
   */
  spendCredits(tx: Tx, input: SpendInput): Promise<CreditTransactionRow[]> {
    return this.credits.spend(tx, input, async (m) =>
      grantsAccess(m, await this.plans.get(tx, m.planId)),
    );
  }

  /** Gives back up to what `reference` spent (409 `no_open_cycle` once the membership has none). */
  refundCredits(tx: Tx, input: SpendInput): Promise<CreditTransactionRow | null> {
    return this.credits.refund(tx, input);
  }
}
