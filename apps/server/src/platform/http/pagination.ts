import { and, desc, lt, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/**
 * Cursor pagination, newest first, as Stripe does: ids are time-sortable, so `startingAfter` is the
 * last id of the previous page and the next page is every id below it.
 */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  startingAfter: z.string().min(1).max(64).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export interface Page<T> {
  data: T[];
  hasMore: boolean;
  /** Pass as `startingAfter` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), hasMore: z.boolean(), nextCursor: z.string().nullable() });
}

/** WHERE fragment for a page: the caller's filters plus the cursor. */
export function pageWhere(idColumn: PgColumn, query: PageQuery, filters: (SQL | undefined)[]) {
  return and(...filters, query.startingAfter ? lt(idColumn, query.startingAfter) : undefined);
}

export const pageOrder = (idColumn: PgColumn) => desc(idColumn);

/** Rows must have been fetched with `limit + 1` so we know whether there is more. */
export function toPage<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  map: (r: R) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    data: pageRows.map(map),
    hasMore,
    nextCursor: hasMore ? pageRows[pageRows.length - 1]!.id : null,
  };
}

/**
 * Runs one keyset page of a select (`db.select().from(t).$dynamic()`): the caller's filters plus
 * the cursor, newest first, one row more than the limit to know whether there is more.
 */
export async function selectPage<Q extends PgSelect, T>(
  select: Q,
  idColumn: PgColumn,
  query: PageQuery,
  filters: (SQL | undefined)[],
  map: (row: Awaited<Q>[number]) => T,
): Promise<Page<T>> {
  const rows = (await select
    .where(pageWhere(idColumn, query, filters))
    .orderBy(pageOrder(idColumn))
    .limit(query.limit + 1)) as (Awaited<Q>[number] & { id: string })[];
  return toPage(rows, query.limit, map);
}
