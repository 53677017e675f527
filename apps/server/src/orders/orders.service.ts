import { Inject, Injectable } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import { CatalogService, type ProductRow } from '../catalog';
import type { UserRow } from '../identity';
import { LedgerService, ledgerRefusal, postCall } from '../ledger';
import { PaymentsService, ReturnLinks } from '../payments';
import type { Clock } from '../platform/clock';
import type { Config } from '../platform/config/config';
import type { Database, Tx } from '../platform/database/database';
import {
  insertFrom,
  PreparedStatement,
  rowFrom,
  rowValues,
  slot,
} from '../platform/database/compose';
import { isUniqueViolation } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { totalOf } from '../platform/money';
import { CLOCK, CONFIG, DATABASE, RATE_LIMITER } from '../platform/platform.module';
import { enforceRateLimits, type RateLimiter } from '../platform/rate-limit/rate-limiter';
import { feeFor } from './fees';
import { OrderBooks } from './order-books';
import { isUnlinked, linkOrderPayment } from './order-links';
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

/** The columns a WALLET order is inserted with (the rest take their defaults). */
const WALLET_ORDER_COLUMNS = [
  'id',
  'userId',
  'productId',
  'merchantId',
  'quantity',
  'amount',
  'fee',
  'currency',
  'paymentMethod',
  'status',
  'idempotencyKey',
  'completedAt',
  'metadata',
  'createdAt',
  'updatedAt',
] as const;

/**
 * Added to a checkout's expiry so a provider clock a little ahead of ours never sees less than
 * its 30-minute minimum.
 */
const EXPIRY_CLOCK_MARGIN_MS = 60_000;

/** A product edited between our read and the order's statement is priced again, this often. */
const PRICING_ATTEMPTS = 3;

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
  private walletOrder?: PreparedStatement;
  /** Built once: every order request looks its key up first. */
  private orderByKey?: ReturnType<OrdersService['prepareOrderByKey']>;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    private readonly catalog: CatalogService,
    private readonly ledger: LedgerService,
    private readonly books: OrderBooks,
    private readonly payments: PaymentsService,
    private readonly links: ReturnLinks,
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
      if (existing) return { order: existing, checkoutUrl: await this.checkoutUrl(existing) };
    }
    try {
      return input.paymentMethod === 'WALLET'
        ? { order: await this.payFromWallet(buyer, input), checkoutUrl: null }
        : await this.payThroughGateway(buyer, input);
    } catch (err) {
      // The key may have its order already: a concurrent duplicate won the unique index (ours
      // rolled back whole), or a WALLET replay came after the 24 h store forgot the key and failed
      // (sold out since, say) where the first one succeeded.
      const lookUp = isUniqueViolation(err) || input.paymentMethod === 'WALLET';
      const winner = lookUp ? await this.byKey(buyer, input) : undefined;
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

  private async checkoutUrl(order: OrderRow): Promise<string | null> {
    // A request that died between payByLink and storing its id left the order unlinked: find its
    // payment now, or the buyer of a replay could never pay (the recovery job links it too).
    const payment = order.paymentId
      ? await this.payments.get(order.paymentId)
      : isUnlinked(order)
        ? await linkOrderPayment(
            this.database.db,
            this.payments,
            { type: ORDER_PAYABLE, id: order.id },
            this.clock.now(),
          )
        : undefined;
    if (payment) order.paymentId = payment.id; // so the answer shows the link it just made
    return payment?.nextActionUrl ?? null;
  }

  /** The order row for `product` as it was read; `extra` sets its status and the like. */
  private newOrder(
    buyer: UserRow,
    product: ProductRow,
    input: NewOrder,
    extra: Partial<typeof orders.$inferInsert>,
  ): typeof orders.$inferInsert {
    const now = this.clock.now();
    // Checked against MAX_AMOUNT before any statement sees it (a stored price may predate the bound).
    const amount = totalOf(product.price, input.quantity);
    return {
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
    };
  }

  /**
   * One statement — one round trip, one commit, nothing held across trips through Node: take the
   * units (guarded by stock and by the product version the order is priced from), insert the
   * COMPLETED order, post the payment (`ledger_post` refuses an overdraft, 402, or a locked wallet,
   * 409, undoing the whole statement). It matches nothing when the product sold out (409), went
   * away (404) or changed since it was read; a changed product is read and priced again.
   */
  private async payFromWallet(buyer: UserRow, input: NewOrder): Promise<OrderRow> {
    const db = this.database.db;
    for (let attempt = 1; attempt <= PRICING_ATTEMPTS; attempt++) {
      const product = await this.catalog.peek(input.productId);
      if (!product) throw AppError.notFound('product', input.productId);
      // Found or created outside the statement: an empty account is harmless if the order fails.
      const wallet = await this.ledger.walletId(
        db,
        buyer.id,
        buyerWalletType(buyer),
        product.currency,
      );
      const order = this.newOrder(buyer, product, input, {
        status: 'COMPLETED',
        completedAt: this.clock.now(),
        metadata: { buyer_account: wallet },
      });
      const { values } = this.ledger.entryValues(await this.books.paymentEntry(db, order, wallet));
      const [placed] = await this.walletOrderStatement()
        .run(this.database.pool, {
          ...this.catalog.reserveValues(product, input.quantity),
          ...rowValues(orders, WALLET_ORDER_COLUMNS, order, 'order_'),
          ...values,
        })
        .catch((err: unknown) => {
          throw ledgerRefusal(err);
        });
      if (placed) return rowFrom(orders, placed);
      const why = await this.catalog.explainUnreserved(product, input.quantity);
      if (why !== 'changed') throw why;
    }
    throw new AppError(
      'conflict',
      'product_changed',
      'The product kept changing while the order was placed; try again',
    );
  }

  /**
   * The statement of `payFromWallet`, composed once from the catalog's reservation, the order's
   * insert and the ledger's posting: `reserved` yields the product when the units were taken,
   * `placed` the order when it was inserted, and the posting runs for that order only.
   */
  private walletOrderStatement(): PreparedStatement {
    this.walletOrder ??= new PreparedStatement(
      'orders_pay_from_wallet',
      sql`WITH reserved AS ${this.catalog.reserveStatement()},
        placed AS (${insertFrom(orders, WALLET_ORDER_COLUMNS, 'reserved', 'order_')} RETURNING *)
      SELECT placed.*, ${postCall(slot)} AS posted FROM placed`,
    );
    return this.walletOrder;
  }

  private async payThroughGateway(buyer: UserRow, input: NewOrder): Promise<CreatedOrder> {
    const { order, product } = await this.database.db.transaction(async (tx) => {
      const product = await this.catalog.reserveUnits(tx, input.productId, input.quantity);
      const [order] = await tx
        .insert(orders)
        .values(this.newOrder(buyer, product, input, { status: 'PAYMENT_PROCESSING' }))
        .returning();
      return { order: order!, product };
    });
    // The units are held while the page is open: a short expiry (ORDER_CHECKOUT_EXPIRY_SECONDS)
    // gives them back soon if the buyer just leaves; "cancel and return" gives them back at once.
    const expiresAt = new Date(
      this.clock.now().getTime() +
        this.config.orders.checkoutExpirySeconds * 1000 +
        EXPIRY_CLOCK_MARGIN_MS,
    );
    let payment;
    try {
      payment = await this.payments.payByLink({
        payable: { type: ORDER_PAYABLE, id: order.id },
        user: buyer,
        amount: order.amount,
        currency: order.currency,
        method: 'CARD_LINK',
        productName: input.quantity > 1 ? `${product.name} × ${input.quantity}` : product.name,
        successUrl: this.links.orderReturn('success', order.id),
        cancelUrl: this.links.orderReturn('cancel', order.id),
        expiresAt,
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
