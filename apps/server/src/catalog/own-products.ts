import { Injectable } from '@nestjs/common';
import { eq, isNull } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { Database } from '../platform/database/database';
import { matchesText } from '../platform/database/like';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { products } from './catalog.schema';
import { toProductView, type ProductView } from './products.view';

export interface OwnProductsQuery extends PageQuery {
  /** Text in the name or description (case-insensitive). */
  q?: string;
  /** An admin reads a merchant's list; a merchant always reads their own. */
  merchantId?: string;
}

/**
 * A merchant's own products for their back office: inactive ones and those hidden because the
 * seller was disabled included, deleted ones not. Always from the database (never the cached public
 * listing): a merchant must see the edit they just made.
 */
@Injectable()
export class OwnProducts {
  constructor(private readonly database: Database) {}

  list(actor: UserRow, query: OwnProductsQuery): Promise<Page<ProductView>> {
    if (query.merchantId !== undefined && query.merchantId !== actor.id && actor.role !== 'ADMIN')
      throw AppError.forbidden("Only an admin may read another merchant's products");
    return selectPage(
      this.database.db.select().from(products).$dynamic(),
      products.id,
      query,
      [
        eq(products.merchantId, query.merchantId ?? actor.id),
        isNull(products.deletedAt),
        matchesText(query.q, [products.name, products.description]),
      ],
      toProductView,
    );
  }
}
