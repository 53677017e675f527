import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../platform/clock';
import { Config } from '../platform/config/config';
import { eachAlone } from '../platform/jobs/each-alone';
import { JobQueue } from '../platform/jobs/jobs';
import { Logger } from '../platform/logging/logger';
import { UnlinkedOrders } from './unlinked-orders';

export { CHECKOUT_NEVER_STARTED } from './unlinked-orders';

export const ORDER_RECOVERY_QUEUE = 'orders.recover-checkouts';

/** Orders looked at per run; a bigger backlog is worked off a batch a minute. */
const BATCH = 200;

export interface OrderRecoveryReport {
  /** Orders whose payment existed and is now stored on them. */
  linked: number;
  /** Orders with no payment at all, now FAILED with their units given back. */
  released: number;
  errors: number;
}

/**
 * Finishes GATEWAY orders whose request died half-way (a crash, a killed pod). The order is
 * inserted with its units reserved, then the checkout is created outside any transaction, then its
 * payment id is stored on the order; dying between those steps leaves an order PAYMENT_PROCESSING
 * without `payment_id`:
 * - its payment exists (died before storing the id): link it. The payment's own paths (webhooks,
 *   expiry, reconciliation) then end the order as they would have; this job never releases it;
 * - no payment at all (died before the checkout): no event will ever come for it, so release it
 *   FAILED and give its units back, once (UnlinkedOrders.recover).
 * Only orders older than ORDER_CHECKOUT_GRACE_SECONDS are looked at, so a request still running is
 * left alone. Runs every minute; safe on any number of nodes at once and any number of times.
 */
@Injectable()
export class OrderRecovery implements OnModuleInit {
  constructor(
    private readonly clock: Clock,
    private readonly config: Config,
    private readonly logger: Logger,
    private readonly jobs: JobQueue,
    private readonly unlinked: UnlinkedOrders,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.recurring(ORDER_RECOVERY_QUEUE, '* * * * *', () => this.run());
  }

  async run(now = this.clock.now()): Promise<OrderRecoveryReport> {
    const report: OrderRecoveryReport = { linked: 0, released: 0, errors: 0 };
    const before = new Date(now.getTime() - this.config.orders.checkoutGraceSeconds * 1000);
    const stuck = await this.unlinked.createdBefore(before, BATCH);
    report.errors = await eachAlone(
      stuck,
      async (order) => {
        const done = await this.unlinked.recover(order, now);
        if (done) report[done] += 1;
      },
      (err, order) =>
        this.logger.warn(
          { err, orderId: order.id },
          'recovering a gateway order failed; will retry',
        ),
    );
    if (Object.values(report).some((n) => n > 0)) {
      this.logger.info({ report }, 'gateway orders without a payment id recovered');
    }
    return report;
  }
}
