import { Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import { companies, users, type CompanyRow, type UserRow } from './identity.schema';
import { toPublicUser, type PublicUser } from './users.view';

export const PublicCompany = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PublicCompany = z.infer<typeof PublicCompany>;

const toPublicCompany = (c: CompanyRow): PublicCompany => ({
  id: c.id,
  name: c.name,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

/**
 * Operator companies (seed 001). Admins manage them; an OPERATOR belongs to exactly one and sees
 * only it. Company-owned resources (stations, chargers, tariffs) check `assertCanManage`.
 */
@Injectable()
export class CompaniesService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  private get db() {
    return this.database.db;
  }

  async create(name: string): Promise<PublicCompany> {
    const now = this.clock.now();
    const [row] = await this.db
      .insert(companies)
      .values({ id: newId('company', now.getTime()), name, createdAt: now, updatedAt: now })
      .returning();
    return toPublicCompany(row!);
  }

  async list(query: PageQuery): Promise<Page<PublicCompany>> {
    return selectPage(
      this.db.select().from(companies).$dynamic(),
      companies.id,
      query,
      [isNull(companies.deletedAt)],
      toPublicCompany,
    );
  }

  /** Admins see every company; an operator only their own; anyone else gets a 404. */
  async getVisible(actor: UserRow, id: string): Promise<PublicCompany> {
    this.assertCanManage(actor, id);
    const [row] = await this.db
      .select()
      .from(companies)
      .where(and(eq(companies.id, id), isNull(companies.deletedAt)));
    if (!row) throw AppError.notFound('company', id);
    return toPublicCompany(row);
  }

  assertCanManage(actor: UserRow, companyId: string): void {
    const allowed =
      actor.role === 'ADMIN' || (actor.role === 'OPERATOR' && actor.companyId === companyId);
    if (!allowed) throw AppError.notFound('company', companyId);
  }

  async listOperators(actor: UserRow, companyId: string): Promise<PublicUser[]> {
    await this.getVisible(actor, companyId);
    const rows = await this.db
      .select()
      .from(users)
      .where(and(eq(users.companyId, companyId), isNull(users.deletedAt)))
      .orderBy(users.id);
    return rows.map(toPublicUser);
  }

  /** Makes a USER an OPERATOR of this company. Admins and merchants are refused, not demoted. */
  async attachOperator(companyId: string, userId: string): Promise<PublicUser> {
    return this.db.transaction(async (tx) => {
      const [company] = await tx
        .select()
        .from(companies)
        .where(and(eq(companies.id, companyId), isNull(companies.deletedAt)));
      if (!company) throw AppError.notFound('company', companyId);
      const [user] = await tx
        .select()
        .from(users)
        .where(and(eq(users.id, userId), isNull(users.deletedAt)))
        .for('update');
      if (!user) throw AppError.notFound('user', userId);
      if (user.role === 'OPERATOR' && user.companyId !== companyId) {
        throw new AppError(
          'conflict',
          'operator_of_other_company',
          'The user already operates another company',
        );
      }
      if (user.role === 'ADMIN' || user.role === 'MERCHANT') {
        throw new AppError(
          'conflict',
          'role_conflict',
          `A ${user.role} cannot become an operator`,
          {
            param: 'userId',
          },
        );
      }
      const [row] = await tx
        .update(users)
        .set({ role: 'OPERATOR', companyId, updatedAt: this.clock.now() })
        .where(eq(users.id, userId))
        .returning();
      return toPublicUser(row!);
    });
  }

  async detachOperator(companyId: string, userId: string): Promise<PublicUser> {
    const [row] = await this.db
      .update(users)
      .set({ role: 'USER', companyId: null, updatedAt: this.clock.now() })
      .where(and(eq(users.id, userId), eq(users.companyId, companyId), isNull(users.deletedAt)))
      .returning();
    if (!row) throw AppError.notFound('operator', userId);
    return toPublicUser(row);
  }
}
