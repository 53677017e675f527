import { Inject, Injectable } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import { CatalogService } from '../catalog/catalog.service';
import type { ProductRow } from '../catalog/catalog.schema';
import type { UserRow } from '../identity/identity.schema';
import { LedgerService } from '../ledger/ledger.service';
import { PaymentsService } from '../payments/payments.service';
import { PUBLIC_URL, type PublicUrl } from '../payments/payments.tokens';
import type { Clock } from '../platform/clock';
import type { Config } from '../platform/config/config';
import type { Database, Tx } from '../platform/database/database';
import { isUniqueViolation } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { CLOCK, CONFIG, DATABASE, RATE_LIMITER } from '../platform/platform.module';
import { enforceRateLimits, type RateLimiter } from '../platform/rate-limit/rate-limiter';
import { feeFor } from './fees';
import { OrderBooks } from './order-books';
import { orders, type OrderPaymentMethod, type OrderRow } from './orders.schema';

export const ORDER_PAYABLE = 'order';

export interface NewOrder {
  productId: string;
  quantity: number;
  paymentMethod: OrderPaymentMethod;
  /** The request's Idempotency-Key, kept on the order (unique per buyer) beyond the 24 h store. */
  idempotencyKey?: string;
}

export interface CreatedOrder {
  order: OrderRow;
  checkoutUrl: string | null;
}

const buyerWalletType = (u: Pick<UserRow, 'role'>) =>
  u.role === 'MERCHANT' ? 'MERCHANT_WALLET' : 'USER_WALLET';

/**
 * Buying. A WALLET order is one transaction: units reserved, order COMPLETED, buyer debited and
 * merchant credited less the platform fee — or, on any failure (no stock, not enough money),
 * nothing at all. A GATEWAY order reserves its units with the order (PAYMENT_PROCESSING), then asks
 * the payments core for a hosted checkout outside any transaction; OrderPayments finishes it when
 * the payment's outcome is known.
 */
@Injectable()
export class OrdersService {
  /** Built once: every order request looks its key up first. */
  private orderByKey?: ReturnType<OrdersService['prepareOrderByKey']>;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(PUBLIC_URL) private readonly publicUrl: PublicUrl,
    private readonly catalog: CatalogService,
    private readonly ledger: LedgerService,
    private readonly books: OrderBooks,
    private readonly payments: PaymentsService,
  ) {}

  async create(buyer: UserRow, input: NewOrder): Promise<CreatedOrder> {
    await enforceRateLimits(this.limiter, [
      {
        key: `orders:user:${buyer.id}`,
        limit: this.config.orders.rateLimitPerMinute,
        windowSeconds: 60,
      },
    ]);
    const existing = await this.byKey(buyer, input);
    if (existing) return { order: existing, checkoutUrl: await this.checkoutUrl(existing) };
    try {
      return input.paymentMethod === 'WALLET'
        ? { order: await this.payFromWallet(buyer, input), checkoutUrl: null }
        : await this.payThroughGateway(buyer, input);
    } catch (err) {
      // A concurrent request under the same key won the unique index; ours rolled back whole.
      const winner = isUniqueViolation(err) ? await this.byKey(buyer, input) : undefined;
      if (!winner) throw err;
      return { order: winner, checkoutUrl: await this.checkoutUrl(winner) };
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
      throw new AppError(
        'unprocessable',
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different order',
      );
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

  private async checkoutUrl(order: OrderRow): Promise<string | null> {
    if (!order.paymentId) return null;
    return (await this.payments.get(order.paymentId)).nextActionUrl;
  }

  private async insert(
    tx: Tx,
    buyer: UserRow,
    product: ProductRow,
    input: NewOrder,
    extra: Partial<typeof orders.$inferInsert>,
  ): Promise<OrderRow> {
    const now = this.clock.now();
    const amount = product.price * BigInt(input.quantity);
    const [row] = await tx
      .insert(orders)
      .values({
        id: newId('order', now.getTime()),
        userId: buyer.id,
        productId: product.id,
        merchantId: product.merchantId,
        quantity: input.quantity,
        amount,
        fee: feeFor(amount, this.config.orders.platformFeeBps),
        currency: product.currency,
        paymentMethod: input.paymentMethod,
        idempotencyKey: input.idempotencyKey ?? null,
        createdAt: now,
        updatedAt: now,
        ...extra,
      })
      .returning();
    return row!;
  }

  private payFromWallet(buyer: UserRow, input: NewOrder): Promise<OrderRow> {
    return this.database.db.transaction(async (tx) => {
      // The guarded decrement first: it serialises buyers of one product on its row, and a sold-out
      // product answers 409 before any wallet is touched.
      const product = await this.catalog.reserveUnits(tx, input.productId, input.quantity);
      const wallet = await this.ledger.walletId(
        tx,
        buyer.id,
        buyerWalletType(buyer),
        product.currency,
      );
      const order = await this.insert(tx, buyer, product, input, {
        status: 'COMPLETED',
        completedAt: this.clock.now(),
        metadata: { buyer_account: wallet },
      });
      // Throws 402 insufficient_funds (or 409 wallet_locked): the whole transaction rolls back.
      await this.books.payment(tx, order, wallet);
      return order;
    });
  }

  private async payThroughGateway(buyer: UserRow, input: NewOrder): Promise<CreatedOrder> {
    const { order, product } = await this.database.db.transaction(async (tx) => {
      const product = await this.catalog.reserveUnits(tx, input.productId, input.quantity);
      const order = await this.insert(tx, buyer, product, input, { status: 'PAYMENT_PROCESSING' });
      return { order, product };
    });
    const back = (path: string) =>
      `${this.publicUrl.value}/api/v1/payments/${path}?order=${order.id}`;
    let payment;
    try {
      payment = await this.payments.payByLink({
        payable: { type: ORDER_PAYABLE, id: order.id },
        user: buyer,
        amount: order.amount,
        currency: order.currency,
        method: 'card_link',
        productName: input.quantity > 1 ? `${product.name} × ${input.quantity}` : product.name,
        successUrl: back('success'),
        cancelUrl: back('cancel'),
      });
    } catch (err) {
      await this.database.db.transaction((tx) =>
        this.release(tx, order, 'FAILED', 'The payment provider could not start the checkout'),
      );
      throw err;
    }
    const [stored] = await this.database.db
      .update(orders)
      .set({ paymentId: payment.id, updatedAt: this.clock.now() })
      .where(eq(orders.id, order.id))
      .returning();
    return { order: stored!, checkoutUrl: payment.nextActionUrl };
  }

  /**
   * Ends an order that never got paid (FAILED or CANCELLED) and gives its units back, once: the
   * guard on PAYMENT_PROCESSING makes a second call (a duplicate event) a no-op.
   */
  async release(
    tx: Tx,
    order: Pick<OrderRow, 'id' | 'productId' | 'quantity'>,
    status: 'FAILED' | 'CANCELLED',
    reason: string,
  ): Promise<boolean> {
    const now = this.clock.now();
    const [ended] = await tx
      .update(orders)
      .set({
        status,
        failedAt: now,
        failureReason: reason,
        unitsRestored: true,
        updatedAt: now,
      })
      .where(
        and(
          eq(orders.id, order.id),
          eq(orders.status, 'PAYMENT_PROCESSING'),
          eq(orders.unitsRestored, false),
        ),
      )
      .returning();
    if (!ended) return false;
    await this.catalog.releaseUnits(tx, order.productId, order.quantity);
    return true;
  }
}
