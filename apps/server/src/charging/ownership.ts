import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { CompaniesService, UserRow } from '../identity';
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
