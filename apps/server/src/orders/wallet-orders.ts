import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { CatalogService } from '../catalog';
import type { UserRow } from '../identity';
import { ledgerRefusal, postCall } from '../ledger';
import { Database } from '../platform/database/database';
import {
  insertFrom,
  PreparedStatement,
  rowFrom,
  rowValues,
  slot,
} from '../platform/database/compose';
import { AppError } from '../platform/errors/app-error';
import { OrderBooks } from './order-books';
import { OrderDrafts, type NewOrder } from './order-drafts';
import { OrderReceipts } from './order-receipts';
import { orders, type OrderRow } from './orders.schema';

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

/** A product edited between our read and the order's statement is priced again, this often. */
const PRICING_ATTEMPTS = 3;

/** WALLET orders: placed and paid in one statement, or not at all. */
@Injectable()
export class WalletOrders {
  private walletOrder?: PreparedStatement;

  constructor(
    private readonly database: Database,
    private readonly catalog: CatalogService,
    private readonly books: OrderBooks,
    private readonly drafts: OrderDrafts,
    private readonly receipts: OrderReceipts,
  ) {}

  /**
   * One statement — one round trip, one commit, nothing held across trips through Node: take the
   * units (guarded by stock and by the product version the order is priced from), insert the
   * COMPLETED order, post the payment (`ledger_post` refuses an overdraft, 402, or a locked wallet,
   * 409, undoing the whole statement). It matches nothing when the product sold out (409), went
   * away (404) or changed since it was read; a changed product is read and priced again.
   */
  async place(buyer: UserRow, input: NewOrder): Promise<OrderRow> {
    const db = this.database.db;
    for (let attempt = 1; attempt <= PRICING_ATTEMPTS; attempt++) {
      const product = await this.catalog.peek(input.productId);
      if (!product) throw AppError.notFound('product', input.productId);
      // Found or created outside the statement: an empty account is harmless if the order fails.
      const wallet = await this.books.buyerWallet(db, buyer, product.currency);
      const order = this.drafts.draft(buyer, product, input, {
        status: 'COMPLETED',
        completedAt: this.drafts.now(),
        metadata: { buyer_account: wallet },
      });
      const values = await this.books.paymentValues(db, order, wallet);
      const [placed] = await this.walletOrderStatement()
        .run(this.database.pool, {
          ...this.catalog.reserveValues(product, input.quantity),
          ...rowValues(orders, WALLET_ORDER_COLUMNS, order, 'order_'),
          ...values,
        })
        .catch((err: unknown) => {
          throw ledgerRefusal(err);
        });
      if (placed) {
        const row = rowFrom(orders, placed);
        // After the commit: the hot path's one statement stays one (see OrderReceipts.committed).
        await this.receipts.committed(row, { to: buyer.email, productName: product.name });
        return row;
      }
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
}
