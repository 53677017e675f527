import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog';
import { UsersService } from '../identity';
import { Mailer } from '../notifications';
import { Database, type Tx } from '../platform/database/database';
import { Logger } from '../platform/logging/logger';
import { formatMinor } from '../platform/money';
import type { OrderRow } from './orders.schema';

/** What a receipt says; product and buyer are looked up only when the caller does not have them. */
export interface ReceiptParts {
  to: string;
  productName: string;
}

/** The buyer's confirmation that an order is paid: one mail per order, whatever repeats. */
@Injectable()
export class OrderReceipts {
  constructor(
    private readonly mailer: Mailer,
    private readonly users: UsersService,
    private readonly catalog: CatalogService,
    private readonly database: Database,
    private readonly logger: Logger,
  ) {}

  /**
   * The receipt of an order paid by a statement already committed (a WALLET order's one
   * statement, which writes only what the order needs). The cost: a crash in between loses this
   * mail, never the order. A failure is logged, not thrown: the order is placed and paid, and a
   * 500 would only make the client retry a finished purchase.
   */
  async committed(order: OrderRow, known: ReceiptParts): Promise<void> {
    try {
      await this.database.db.transaction((tx) => this.paid(tx, order, known));
    } catch (err) {
      this.logger.error({ err, orderId: order.id }, 'order receipt not queued');
    }
  }

  /**
   * Queues the receipt in `tx`, the transaction that completes the order, keyed by the order: a
   * payment event handled twice queues one mail. A buyer deleted meanwhile gets none.
   */
  async paid(tx: Tx, order: OrderRow, known?: ReceiptParts): Promise<void> {
    const parts = known ?? (await this.lookUp(tx, order));
    if (!parts) return;
    await this.mailer.enqueue(tx, {
      key: `orders.paid:${order.id}`,
      kind: 'orders.paid',
      reference: order.id,
      to: parts.to,
      ...receipt(order, parts.productName),
    });
  }

  private async lookUp(tx: Tx, order: OrderRow): Promise<ReceiptParts | undefined> {
    const buyer = await this.users.findActive(order.userId);
    if (!buyer) return undefined;
    const productName = (await this.catalog.nameOf(tx, order.productId)) ?? order.productId;
    return { to: buyer.email, productName };
  }
}

/** The template: short, plain text, amounts exact from minor units. */
export function receipt(order: OrderRow, productName: string): { subject: string; text: string } {
  const money = (v: bigint) => `${formatMinor(v, order.currency)} ${order.currency.toUpperCase()}`;
  const unit = order.amount / BigInt(order.quantity); // exact: amount is price × quantity
  const paidBy = order.paymentMethod === 'WALLET' ? 'from your Tender wallet' : 'by card';
  return {
    subject: `Your order ${order.id} is confirmed`,
    text: [
      'Thank you: your order is paid.',
      '',
      `Order: ${order.id}`,
      `Item: ${productName} × ${order.quantity} at ${money(unit)}`,
      `Total: ${money(order.amount)}, paid ${paidBy}`,
      '',
      'Tender',
    ].join('\n'),
  };
}
