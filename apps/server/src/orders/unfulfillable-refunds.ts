import { Injectable, type OnModuleInit } from '@nestjs/common';
import { paymentRefundable, PaymentsService } from '../payments';
import { Database, type Tx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { JobQueue } from '../platform/jobs/jobs';
import { Logger } from '../platform/logging/logger';
import { OrdersQuery } from './orders.query';
import type { OrderRow } from './orders.schema';

export const UNFULFILLABLE_QUEUE = 'orders.refund-unfulfillable';

/**
 * Money that arrived for an order that had already given its units back (FAILED or CANCELLED: its
 * checkout call failed after the provider had made the session, or the recovery job released it).
 * The units are never sold twice, so the payment goes back to the buyer in full — by a job, since a
 * provider call never runs inside the payment's transaction, which is where this is noticed. No
 * PAYMENT entry was posted for such an order, so the refund posts none either.
 */
@Injectable()
export class UnfulfillableRefunds implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly jobs: JobQueue,
    private readonly logger: Logger,
    private readonly payments: PaymentsService,
    private readonly query: OrdersQuery,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define<{ paymentId: string }>(
      UNFULFILLABLE_QUEUE,
      async (job) => void (await this.refund(job.data.paymentId)),
      // A provider outage: try again; the dead-letter queue keeps what never went through.
      { retryLimit: 10, retryDelaySeconds: 5 },
    );
  }

  /**
   * Asks for the refund, inside the payment's transaction: the job is queued by that transaction,
   * so it exists only once the success that asked for it is committed, and never if it rolls back.
   * One job per payment waits at a time (singletonKey).
   */
  async request(tx: Tx, paymentId: string, order: Pick<OrderRow, 'id' | 'status'>): Promise<void> {
    this.logger.warn(
      { orderId: order.id, paymentId, status: order.status },
      'payment succeeded for an order that is no longer awaiting payment; refunding it',
    );
    await this.jobs.send(UNFULFILLABLE_QUEUE, { paymentId }, { singletonKey: paymentId, tx });
  }

  /** Refunds what is left of the payment if its order still cannot be fulfilled. */
  async refund(paymentId: string): Promise<'refunded' | 'nothing to do'> {
    // Decided from what is committed: the job runs only after the success that queued it, so any
    // other status means the money has gone back already (refunded) — or, called by hand, that
    // there is none to give back.
    const p = await this.payments.get(paymentId);
    if (!paymentRefundable(p.status)) return 'nothing to do';
    const order = await this.query.find(this.database.db, p.payableId);
    if (order?.status !== 'FAILED' && order?.status !== 'CANCELLED') return 'nothing to do';
    try {
      await this.payments.refund(p.id, undefined, 'order_not_fulfillable');
    } catch (err) {
      // Everything is refunded or on its way already (a duplicate job, an operator).
      if (err instanceof AppError && err.code === 'refund_exceeds_captured') return 'nothing to do';
      throw err;
    }
    this.logger.warn(
      { orderId: order.id, paymentId: p.id },
      'refunded a payment for an order that had given its units back',
    );
    return 'refunded';
  }
}
