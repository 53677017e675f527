import { Inject, Injectable } from '@nestjs/common';
import { and, eq, gte, isNull, sql, type Placeholder } from 'drizzle-orm';
import { type UserRow, canSell, UsersService } from '../identity';
import type { Cache } from '../platform/cache/cache';
import { CACHE } from '../platform/cache/cache.module';
import { GenerationalCache } from '../platform/cache/generational-cache';
import { Clock } from '../platform/clock';
import { slot } from '../platform/database/compose';
import { Database, type DbOrTx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import { Logger } from '../platform/logging/logger';
import { products, type ProductRow } from './catalog.schema';
import { ProductPeek } from './product-peek';
import { toProductView, type ProductView } from './products.view';

/** The public listing is cached this long; stock shown there may be this stale (see `list`). */
export const LISTING_TTL_SECONDS = 60;
/** Units fit PostgreSQL `integer`; restocks beyond it are refused rather than overflowing. */
export const MAX_UNITS = 2_147_483_647;

export interface NewProduct {
  /** Admins may create for a merchant; merchants always create their own. */
  merchantId?: string;
  name: string;
  description?: string;
  price: bigint;
  currency: string;
  initialUnits: number;
  availableUnits?: number;
  isActive?: boolean;
}

export interface ProductPatch {
  name?: string;
  description?: string;
  price?: bigint;
  currency?: string;
  isActive?: boolean;
  /** Restock: raises both initialUnits and availableUnits. */
  addUnits?: number;
  /** The version the client last read; a stale one is a 409 `version_conflict`. */
  version?: number;
}

export interface ListQuery extends PageQuery {
  merchantId?: string;
}

/** On sale: active, not deleted, and its merchant still a live merchant (`seller_active`). */
const live = and(
  eq(products.isActive, true),
  eq(products.sellerActive, true),
  isNull(products.deletedAt),
);
/**
 * Of any number of concurrent guarded decrements only those that fit succeed: PostgreSQL re-checks
 * the WHERE on the locked row under READ COMMITTED, the default.
 */
const reservable = (productId: string | Placeholder, quantity: number | Placeholder) =>
  and(eq(products.id, productId), live, gte(products.availableUnits, quantity));
const canManage = (actor: UserRow, p: ProductRow) =>
  actor.role === 'ADMIN' || actor.id === p.merchantId;

/**
 * Products and their stock. Edits come from the API (owner or admin; others get a 404 so ids do not
 * leak). Stock moves only through `reserveUnits` / `releaseUnits`, which the orders module calls
 * inside its own transaction, or `reserveStatement`, which it composes into its own statement: either
 * way a reservation commits or rolls back with the order.
 */
@Injectable()
export class CatalogService {
  private readonly listings: GenerationalCache;
  private readonly peeked: ProductPeek;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    @Inject(CACHE) cache: Cache,
    logger: Logger,
    private readonly users: UsersService,
  ) {
    this.peeked = new ProductPeek(database, clock);
    this.listings = new GenerationalCache(cache, 'catalog:list', LISTING_TTL_SECONDS, (err, op) =>
      logger.warn({ err, op }, 'catalog listing cache unavailable; served from the database'),
    );
  }

  private get db() {
    return this.database.db;
  }

  async create(actor: UserRow, input: NewProduct): Promise<ProductView> {
    // A product's seller is always a merchant: its earnings go to a MERCHANT_WALLET, which is the
    // wallet a merchant sees. An admin names the merchant it creates for.
    if (actor.role === 'ADMIN' && input.merchantId === undefined) {
      throw AppError.validation(
        'An admin creates products for a merchant: name it in merchantId',
        'merchantId',
        'merchant_required',
      );
    }
    const merchantId = input.merchantId ?? actor.id;
    if (merchantId !== actor.id && actor.role !== 'ADMIN')
      throw AppError.forbidden('Only an admin may create for others');
    if (actor.role === 'ADMIN') {
      // Through identity's service, not its table: the catalog owns only products.
      const merchant = await this.users.findActive(merchantId);
      if (!merchant || !canSell(merchant)) {
        throw AppError.validation('No such merchant', 'merchantId', 'invalid_merchant');
      }
    }
    const now = this.clock.now();
    const [row] = await this.db
      .insert(products)
      .values({
        id: newId('product', now.getTime()),
        merchantId,
        name: input.name,
        description: input.description ?? '',
        price: input.price,
        currency: input.currency,
        initialUnits: input.initialUnits,
        availableUnits: input.availableUnits ?? input.initialUnits,
        withheldUnits: input.initialUnits - (input.availableUnits ?? input.initialUnits),
        isActive: input.isActive ?? true,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await this.listings.invalidate();
    return toProductView(row!);
  }

  /**
   * The public listing: live products, newest first, cached LISTING_TTL_SECONDS under a generation
   * that every edit through this service replaces. Reservations do not invalidate it (an order
   * stream would empty the cache constantly), so `availableUnits` here may be up to a TTL stale;
   * `GET /products/{id}` and `reserveUnits` always read the database.
   */
  list(query: ListQuery): Promise<Page<ProductView>> {
    const key = `${query.merchantId ?? '*'}:${query.limit}:${query.startingAfter ?? ''}`;
    return this.listings.readThrough(key, async () => {
      return selectPage(
        this.db.select().from(products).$dynamic(),
        products.id,
        query,
        [live, query.merchantId ? eq(products.merchantId, query.merchantId) : undefined],
        toProductView,
      );
    });
  }

  /**
   * Anyone sees a product on sale; a hidden one (inactive, deleted, or its seller gone) only its
   * owner or an admin.
   */
  async getVisible(actor: UserRow | undefined, id: string): Promise<ProductView> {
    const [row] = await this.db.select().from(products).where(eq(products.id, id));
    const onSale = row && row.isActive && row.sellerActive && !row.deletedAt;
    const visible = row && (onSale || (actor && canManage(actor, row)));
    if (!visible) throw AppError.notFound('product', id);
    return toProductView(row);
  }

  /** A product's name, live or not (an order's receipt names what was bought even if since withdrawn). */
  async nameOf(db: DbOrTx, id: string): Promise<string | undefined> {
    const [row] = await db
      .select({ name: products.name })
      .from(products)
      .where(eq(products.id, id));
    return row?.name;
  }

  /** For other modules (orders): a live product's current row, from the database. */
  async findLive(db: DbOrTx, id: string): Promise<ProductRow | undefined> {
    const [row] = await db
      .select()
      .from(products)
      .where(and(eq(products.id, id), live));
    return row;
  }

  async update(actor: UserRow, id: string, patch: ProductPatch): Promise<ProductView> {
    const row = await this.db.transaction(async (tx) => {
      const current = await this.lockManageable(tx, actor, id, patch.version);
      const addUnits = patch.addUnits ?? 0;
      if (current.initialUnits + addUnits > MAX_UNITS) {
        throw AppError.validation(
          `A product holds at most ${MAX_UNITS} units`,
          'addUnits',
          'units_out_of_range',
        );
      }
      const [updated] = await tx
        .update(products)
        .set({
          name: patch.name,
          description: patch.description,
          price: patch.price,
          currency: patch.currency,
          isActive: patch.isActive,
          initialUnits: sql`${products.initialUnits} + ${addUnits}`,
          availableUnits: sql`${products.availableUnits} + ${addUnits}`,
          version: sql`${products.version} + 1`,
          updatedAt: this.clock.now(),
        })
        .where(eq(products.id, id))
        .returning();
      return updated!;
    });
    this.peeked.forget(id);
    await this.listings.invalidate();
    return toProductView(row);
  }

  /** Soft delete: the row stays (orders refer to it); it leaves the listing and cannot be sold. */
  async softDelete(actor: UserRow, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.lockManageable(tx, actor, id);
      const now = this.clock.now();
      await tx
        .update(products)
        .set({ deletedAt: now, updatedAt: now, version: sql`${products.version} + 1` })
        .where(eq(products.id, id));
    });
    this.peeked.forget(id);
    await this.listings.invalidate();
  }

  /**
   * A merchant stopped (or resumed) selling: set `seller_active` on all their products inside
   * identity's transaction (SellerStatusHooks). No version bump: a remembered product is refused
   * by the reservation's own guard, and the merchant's edits are not made to fail.
   */
  async setSellerActive(tx: DbOrTx, merchantId: string, active: boolean): Promise<void> {
    await tx
      .update(products)
      .set({ sellerActive: active, updatedAt: this.clock.now() })
      .where(and(eq(products.merchantId, merchantId), sql`${products.sellerActive} <> ${active}`));
  }

  /** After that commit: forget remembered rows and the cached listing. */
  async sellerChanged(merchantId: string): Promise<void> {
    this.peeked.forgetMerchant(merchantId);
    await this.listings.invalidate();
  }

  /**
   * Takes `quantity` units for an order, inside the caller's transaction, in one guarded UPDATE
   * (see `reservable`). Returns the product as reserved
   * (price, currency, merchant for the order). 404 `product_not_found` if the product does not
   * exist, is inactive or deleted; 409 `out_of_stock` if fewer units are left.
   */
  async reserveUnits(tx: DbOrTx, productId: string, quantity: number): Promise<ProductRow> {
    assertQuantity(quantity);
    const [row] = await tx
      .update(products)
      .set(this.taking(quantity))
      .where(reservable(productId, quantity))
      .returning();
    if (row) return row;
    throw this.unreservable(await this.findLive(tx, productId), productId, quantity);
  }

  /**
   * The live product, read without a lock (and possibly remembered from a moment ago: see
   * ProductPeek), for an order that then reserves against this very version in one statement
   * (`reserveStatement`).
   */
  peek(productId: string): Promise<ProductRow | undefined> {
    return this.peeked.get(productId);
  }

  /**
   * The guarded decrement of `reserveUnits` as a part of a composed statement (see
   * platform/database/compose): a CTE yielding one row when it took the units, that also requires
   * the product version the order was priced from — price, currency and merchant are then exactly
   * those. Its slots are filled by `reserveValues`. Matching nothing means sold out, gone, or
   * changed since read: ask `explainUnreserved`.
   */
  reserveStatement() {
    return this.db
      .update(products)
      .set({
        availableUnits: sql`${products.availableUnits} - ${slot('reserve_quantity')}`,
        updatedAt: sql`${slot('reserve_now')}`,
      })
      .where(
        and(
          reservable(slot('reserve_product'), slot('reserve_quantity')),
          eq(products.version, slot('reserve_version')),
        ),
      )
      .returning({ id: products.id });
  }

  reserveValues(seen: ProductRow, quantity: number): Record<string, unknown> {
    assertQuantity(quantity);
    return {
      reserve_product: seen.id,
      reserve_quantity: quantity,
      reserve_version: seen.version,
      reserve_now: this.clock.now(),
    };
  }

  /**
   * Why `reserveStatement(seen, …)` took nothing: 'changed' when the product was edited since
   * `seen` (price the order again); otherwise the 404 or 409 `reserveUnits` would answer.
   */
  async explainUnreserved(seen: ProductRow, quantity: number): Promise<'changed' | AppError> {
    const now = await this.peeked.fresh(seen.id);
    if (now && now.version !== seen.version) return 'changed';
    return this.unreservable(now, seen.id, quantity);
  }

  private taking(quantity: number) {
    return {
      availableUnits: sql`${products.availableUnits} - ${quantity}`,
      updatedAt: this.clock.now(),
    };
  }

  private unreservable(current: ProductRow | undefined, productId: string, quantity: number) {
    if (!current) return AppError.notFound('product', productId);
    return new AppError(
      'conflict',
      'out_of_stock',
      `Not enough units of ${productId}: ${current.availableUnits} left, ${quantity} asked`,
      { param: 'quantity' },
    );
  }

  /**
   * Gives reserved units back (an order failed, expired or was refunded with restock), inside the
   * caller's transaction. Works on inactive and deleted products too: the units were theirs. Never
   * raises availableUnits above initialUnits — a release that would is a double release, a bug,
   * and is refused (409 `release_exceeds_reserved`) rather than clamped, so it cannot go unnoticed.
   */
  async releaseUnits(tx: DbOrTx, productId: string, quantity: number): Promise<ProductRow> {
    assertQuantity(quantity);
    const [row] = await tx
      .update(products)
      .set({
        availableUnits: sql`${products.availableUnits} + ${quantity}`,
        updatedAt: this.clock.now(),
      })
      .where(
        and(
          eq(products.id, productId),
          // bigint arithmetic: the sum may exceed `integer` even though the result never will.
          sql`${products.availableUnits}::bigint + ${quantity} + ${products.withheldUnits} <= ${products.initialUnits}`,
        ),
      )
      .returning();
    if (row) return row;
    const [exists] = await tx
      .select({ id: products.id })
      .from(products)
      .where(eq(products.id, productId));
    if (!exists) throw AppError.notFound('product', productId);
    throw new AppError(
      'conflict',
      'release_exceeds_reserved',
      `Releasing ${quantity} unit(s) would raise ${productId} above the units its orders hold`,
    );
  }

  /** The product row locked for an edit, if the actor may manage it; else 404 (not 403). */
  private async lockManageable(
    tx: DbOrTx,
    actor: UserRow,
    id: string,
    expectedVersion?: number,
  ): Promise<ProductRow> {
    const [row] = await tx
      .select()
      .from(products)
      .where(and(eq(products.id, id), isNull(products.deletedAt)))
      .for('update');
    if (!row || !canManage(actor, row)) throw AppError.notFound('product', id);
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new AppError(
        'conflict',
        'version_conflict',
        `The product changed since version ${expectedVersion} (now ${row.version}); reload and retry`,
        { param: 'version' },
      );
    }
    return row;
  }
}

function assertQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_UNITS) {
    throw AppError.validation('quantity must be a positive integer', 'quantity');
  }
}
