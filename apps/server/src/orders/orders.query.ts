import { Injectable } from '@nestjs/common';
import { eq, gte, lt } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { Database, type DbOrTx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { orders, type OrderRow, type OrderStatus } from './orders.schema';
import { toOrderView, type OrderView } from './orders.view';

export interface OrderListQuery extends PageQuery {
  /** `merchant`: the caller's sales instead of their purchases. */
  as?: 'buyer' | 'merchant';
  status?: OrderStatus;
  /** Orders placed at or after `from` and before `to` (ISO date-times). */
  from?: string;
  to?: string;
}

/** Who may see an order: its buyer, the product's merchant, an admin. Others get a 404. */
export const canSee = (actor: UserRow, o: OrderRow) =>
  actor.role === 'ADMIN' || actor.id === o.userId || actor.id === o.merchantId;
/** Who may refund an order: the product's merchant or an admin. */
export const canRefund = (actor: UserRow, o: OrderRow) =>
  actor.role === 'ADMIN' || actor.id === o.merchantId;

@Injectable()
export class OrdersQuery {
  constructor(private readonly database: Database) {}

  async find(db: DbOrTx, id: string, lock = false): Promise<OrderRow | undefined> {
    const q = db.select().from(orders).where(eq(orders.id, id));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  }

  /** The order if the actor may see it; a 404 (not 403) otherwise, so ids do not leak. */
  async visible(actor: UserRow, id: string, db: DbOrTx = this.database.db): Promise<OrderRow> {
    const row = await this.find(db, id);
    if (!row || !canSee(actor, row)) throw AppError.notFound('order', id);
    return row;
  }

  async list(actor: UserRow, q: OrderListQuery): Promise<Page<OrderView>> {
    const owner =
      q.as === 'merchant' ? eq(orders.merchantId, actor.id) : eq(orders.userId, actor.id);
    return selectPage(
      this.database.db.select().from(orders).$dynamic(),
      orders.id,
      q,
      [
        owner,
        q.status ? eq(orders.status, q.status) : undefined,
        q.from ? gte(orders.createdAt, new Date(q.from)) : undefined,
        q.to ? lt(orders.createdAt, new Date(q.to)) : undefined,
      ],
      toOrderView,
    );
  }
}
