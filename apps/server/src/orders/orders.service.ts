import { Injectable } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { Config } from '../platform/config/config';
import { Database, type Tx } from '../platform/database/database';
import { isUniqueViolation } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { enforceRateLimits, RateLimiter } from '../platform/rate-limit/rate-limiter';
import { GatewayOrders } from './gateway-orders';
import type { CreatedOrder, NewOrder } from './order-drafts';
import { WalletOrders } from './wallet-orders';
import { orders, type OrderRow } from './orders.schema';

export { ORDER_PAYABLE, type CreatedOrder, type NewOrder } from './order-drafts';

/**
 * Buying. A WALLET order is one transaction: units reserved, order COMPLETED, buyer debited and
 * merchant credited less the platform fee — or, on any failure (no stock, not enough money),
 * nothing at all (WalletOrders). A GATEWAY order reserves its units with the order
 * (PAYMENT_PROCESSING), then asks the payments core for a hosted checkout outside any transaction
 * (GatewayOrders); OrderPayments finishes it when the payment's outcome is known. This facade
 * rate-limits, answers replays of an Idempotency-Key with their order, and picks the path.
 */
@Injectable()
export class OrdersService {
  /** Built once: every order request looks its key up first. */
  private orderByKey?: ReturnType<OrdersService['prepareOrderByKey']>;

  constructor(
    private readonly database: Database,
    private readonly config: Config,
    private readonly limiter: RateLimiter,
    private readonly wallet: WalletOrders,
    private readonly gateway: GatewayOrders,
  ) {}

  async create(buyer: UserRow, input: NewOrder): Promise<CreatedOrder> {
    await enforceRateLimits(this.limiter, [
      {
        key: `orders:user:${buyer.id}`,
        limit: this.config.orders.rateLimitPerMinute,
        windowSeconds: 60,
      },
    ]);
    // A WALLET order's statement writes nothing when it fails, so its key is looked up only then;
    // a GATEWAY order must find an earlier one before it opens a second checkout.
    if (input.paymentMethod === 'GATEWAY') {
      const existing = await this.byKey(buyer, input);
      if (existing)
        return { order: existing, checkoutUrl: await this.gateway.checkoutUrl(existing) };
    }
    try {
      return input.paymentMethod === 'WALLET'
        ? { order: await this.wallet.place(buyer, input), checkoutUrl: null }
        : await this.gateway.place(buyer, input);
    } catch (err) {
      // The key may have its order already: a concurrent duplicate won the unique index (ours
      // rolled back whole), or a WALLET replay came after the 24 h store forgot the key and failed
      // (sold out since, say) where the first one succeeded.
      const lookUp = isUniqueViolation(err) || input.paymentMethod === 'WALLET';
      const winner = lookUp ? await this.byKey(buyer, input) : undefined;
      if (!winner) throw err;
      return { order: winner, checkoutUrl: await this.gateway.checkoutUrl(winner) };
    }
  }

  /**
   * The buyer's order under this key, if any. The Idempotency-Key store answers replays for 24 h;
   * this covers later replays and racing duplicates. A different purchase under the key is a 422,
   * as the store would answer.
   */
  private async byKey(buyer: UserRow, input: NewOrder): Promise<OrderRow | undefined> {
    if (!input.idempotencyKey) return undefined;
    this.orderByKey ??= this.prepareOrderByKey();
    const [row] = await this.orderByKey.execute({ userId: buyer.id, key: input.idempotencyKey });
    if (
      row &&
      (row.productId !== input.productId ||
        row.quantity !== input.quantity ||
        row.paymentMethod !== input.paymentMethod)
    ) {
      throw AppError.idempotencyKeyReused('This Idempotency-Key was used for a different order');
    }
    return row;
  }

  private prepareOrderByKey() {
    return this.database.db
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.userId, sql.placeholder('userId')),
          eq(orders.idempotencyKey, sql.placeholder('key')),
        ),
      )
      .prepare('orders_by_key');
  }

  /**
   * Ends an order that never got paid (FAILED or CANCELLED) and gives its units back, once: the
   * guard on PAYMENT_PROCESSING makes a second call (a duplicate event) a no-op.
   */
  release(
    tx: Tx,
    order: Pick<OrderRow, 'id' | 'productId' | 'quantity'>,
    status: 'FAILED' | 'CANCELLED',
    reason: string,
  ): Promise<boolean> {
    return this.gateway.release(tx, order, status, reason);
  }
}
