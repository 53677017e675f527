import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/database/database';
import { products, type ProductRow } from './catalog.schema';

/** How long a product read for an order is reused before it is read again. */
const PEEK_TTL_MS = 60_000;
/** Bound on remembered products; beyond it the memo starts over (a bound, not an eviction policy). */
const MAX_PEEKED = 10_000;

/**
 * Live products as read for wallet orders, remembered for a minute. Staleness is safe by
 * construction: the order's statement reserves against the remembered `version` and takes nothing
 * if the product changed (on this node or any other), and the caller then reads it `fresh`.
 * Without this every order would read its product once more; a flash sale reads the same row
 * thousands of times a second.
 */
export class ProductPeek {
  private readonly seen = new Map<string, { row: ProductRow; readAtMs: number }>();
  private query?: ReturnType<ProductPeek['prepare']>;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async get(productId: string): Promise<ProductRow | undefined> {
    const hit = this.seen.get(productId);
    if (hit && this.clock.now().getTime() - hit.readAtMs < PEEK_TTL_MS) return hit.row;
    return this.fresh(productId);
  }

  /** Read from the database now, and remember (or forget) what was found. */
  async fresh(productId: string): Promise<ProductRow | undefined> {
    this.query ??= this.prepare();
    const [row] = await this.query.execute({ id: productId });
    if (!row) {
      this.seen.delete(productId);
      return undefined;
    }
    if (this.seen.size >= MAX_PEEKED) this.seen.clear();
    this.seen.set(productId, { row, readAtMs: this.clock.now().getTime() });
    return row;
  }

  /** The merchant's selling status changed: forget all their products. */
  forgetMerchant(merchantId: string): void {
    for (const [id, hit] of this.seen) if (hit.row.merchantId === merchantId) this.seen.delete(id);
  }

  /** This node changed the product: the next order reads it again rather than fail once. */
  forget(productId: string): void {
    this.seen.delete(productId);
  }

  private prepare() {
    return this.database.db
      .select()
      .from(products)
      .where(
        and(
          eq(products.id, sql.placeholder('id')),
          eq(products.isActive, true),
          eq(products.sellerActive, true),
          isNull(products.deletedAt),
        ),
      )
      .prepare('products_live_by_id');
  }
}
