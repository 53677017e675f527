import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { CompaniesService, UserRow } from '../identity';
import type { DbOrTx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';

/**
 * Which companies' rows an actor may touch: every company for an ADMIN, their own for an OPERATOR,
 * none for anyone else. A row outside the scope is answered 404, as if it did not exist (ids do
 * not leak across companies).
 */
export function ownedBy(actor: UserRow, companyColumn: PgColumn): SQL | undefined {
  if (actor.role === 'ADMIN') return undefined;
  if (actor.role === 'OPERATOR' && actor.companyId) return eq(companyColumn, actor.companyId);
  return sql`false`;
}

/**
 * The company a new row belongs to: an operator's own (naming another is a 404), or for an admin
 * the one named, which must exist (checked through identity's CompaniesService).
 */
export async function companyForNew(
  companies: CompaniesService,
  actor: UserRow,
  requested: string | undefined,
): Promise<string> {
  if (actor.role === 'ADMIN') {
    if (requested === undefined)
      throw AppError.validation('An admin names the company: companyId', 'companyId');
    return (await companies.getVisible(actor, requested)).id;
  }
  const own = actor.companyId;
  if (actor.role !== 'OPERATOR' || !own) throw AppError.forbidden();
  if (requested !== undefined && requested !== own) throw AppError.notFound('company', requested);
  return own;
}

/** An admin may narrow a list to one company; an operator's lists are their company's anyway. */
export function companyFilter(
  actor: UserRow,
  companyColumn: PgColumn,
  requested: string | undefined,
): (SQL | undefined)[] {
  return [
    ownedBy(actor, companyColumn),
    requested !== undefined ? eq(companyColumn, requested) : undefined,
  ];
}

/** A company-owned, soft-deleted table: every charging table the API manages. */
type OwnedTable = PgTable & { id: PgColumn; companyId: PgColumn; deletedAt: PgColumn };

/**
 * The live row `id` of `table` if the actor may manage it, else a 404 naming `what`; `lock` holds
 * it (FOR UPDATE) for the caller's transaction.
 */
export async function ownedRow<T extends OwnedTable>(
  db: DbOrTx,
  table: T,
  actor: UserRow,
  id: string,
  what: string,
  lock = false,
): Promise<T['$inferSelect']> {
  // Widened for drizzle's select (its generic checks do not reduce over an abstract table).
  const source: PgTable = table;
  const q = db
    .select()
    .from(source)
    .where(and(eq(table.id, id), isNull(table.deletedAt), ownedBy(actor, table.companyId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw AppError.notFound(what, id);
  return row;
}
