import { Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Database } from '../platform/database/database';
import { JobQueue } from '../platform/jobs/jobs';
import { MAX_AMOUNT } from '../platform/money';
import { chargingSessions, ocppTransactions, type ChargingSessionRow } from './charging.schema';
import { HoldIncrements } from './hold-increments';
import { SessionControl } from './session-control';
import { SessionLinks } from './session-links';
import { historyOf } from './session-history';
import { energyOf } from './session-pricing';
import { HOLD_GUARD_QUEUE } from './session-queues';

export type GuardOutcome = 'fine' | 'raised' | 'stopped';

/**
 * Keeps a charging session's cost within what the card is authorised for. Near the hold (the cost
 * CHARGING_HOLD_HEADROOM_SECONDS ahead at the session's average power reaches it: SessionLinks.
 * nearHold), it first asks for more (another hold's worth, HoldIncrements); refused or not
 * supported, it stops the session remotely — early enough that the cost cannot pass the hold,
 * since what is captured can never exceed it. Queued by MeterValues (`charging.guard-hold`, one
 * waiting job per session) and run by the minute's watch, since time and idle prices grow
 * without any reading.
 */
@Injectable()
export class HoldGuard implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly jobs: JobQueue,
    private readonly links: SessionLinks,
    private readonly control: SessionControl,
    private readonly increments: HoldIncrements,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define<{ sessionId: string }>(
      HOLD_GUARD_QUEUE,
      async (job) => void (await this.check(job.data.sessionId)),
      { retryLimit: 5, retryDelaySeconds: 2 },
    );
  }

  async check(sessionId: string, now?: Date): Promise<GuardOutcome> {
    const [row] = await this.database.db
      .select({ session: chargingSessions, tx: ocppTransactions })
      .from(chargingSessions)
      .innerJoin(ocppTransactions, eq(ocppTransactions.id, chargingSessions.ocppTransactionId))
      .where(and(eq(chargingSessions.id, sessionId), eq(chargingSessions.status, 'CHARGING')));
    if (!row) return 'fine';
    const s = row.session;
    const energy = energyOf(row.tx);
    const at = now ?? this.links.now();
    const history = await historyOf(this.database.db, s, row.tx);
    if (!this.links.nearHold(s, energy, at, history)) return 'fine';
    if (await this.raise(s)) return 'raised';
    // Offline or refusing: it throws, and the job (or the next minute's watch) tries again.
    await this.control.stop(s, 'HOLD_LIMIT');
    return 'stopped';
  }

  private async raise(s: ChargingSessionRow): Promise<boolean> {
    const current = s.authorizedAmount ?? 0n;
    const wanted = current + BigInt(s.tariff.holdAmount);
    if (wanted > BigInt(MAX_AMOUNT)) return false;
    const raised = await this.increments.raise(s, wanted);
    if (raised === undefined || raised <= current) return false;
    await this.database.db
      .update(chargingSessions)
      .set({ authorizedAmount: raised, updatedAt: this.links.now() })
      .where(and(eq(chargingSessions.id, s.id), eq(chargingSessions.status, 'CHARGING')));
    return true;
  }
}
