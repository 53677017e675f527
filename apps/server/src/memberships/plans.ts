import { Inject, Injectable } from '@nestjs/common';
import { asc, eq } from 'drizzle-orm';
import { BILLING_PROVIDER, type BillingProvider } from '../payments';
import { Clock } from '../platform/clock';
import { Database, type DbOrTx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { membershipPlans, type CreditsByType, type MembershipPlanRow } from './memberships.schema';

export interface PlanInput {
  name: string;
  currency: string;
  monthlyPrice: bigint;
  holderPrice?: bigint;
  credits: CreditsByType;
  rolloverCaps: CreditsByType;
  pastDueAccess: boolean;
}

export type PlanChange = Partial<
  Pick<PlanInput, 'name' | 'credits' | 'rolloverCaps' | 'pastDueAccess'>
> & {
  active?: boolean;
};

/**
 * Membership plans (an admin's). A plan's prices are created at the provider first, keyed by the
 * plan id chosen up front, so a retried create makes no second price; prices are then fixed (a new
 * price is a new plan, as Stripe prices are immutable), while credits and access may change.
 */
@Injectable()
export class Plans {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    @Inject(BILLING_PROVIDER) private readonly billing: BillingProvider,
  ) {}

  async create(input: PlanInput): Promise<MembershipPlanRow> {
    const id = newId('membershipPlan', this.clock.now().getTime());
    const providerPriceId = await this.billing.createPrice(
      { productName: input.name, amount: input.monthlyPrice, currency: input.currency },
      `plan-price:${id}`,
    );
    // The holder price waits for wallet linking (SIWE + ERC-721 balance): stored and priced now.
    const holderProviderPriceId =
      input.holderPrice === undefined
        ? null
        : await this.billing.createPrice(
            {
              productName: `${input.name} (NFT holder)`,
              amount: input.holderPrice,
              currency: input.currency,
            },
            `plan-holder-price:${id}`,
          );
    const [row] = await this.database.db
      .insert(membershipPlans)
      .values({
        id,
        name: input.name,
        currency: input.currency,
        monthlyPrice: input.monthlyPrice,
        providerPriceId,
        holderPrice: input.holderPrice ?? null,
        holderProviderPriceId,
        credits: input.credits,
        rolloverCaps: input.rolloverCaps,
        pastDueAccess: input.pastDueAccess,
      })
      .returning();
    return row!;
  }

  async update(id: string, change: PlanChange): Promise<MembershipPlanRow> {
    const [row] = await this.database.db
      .update(membershipPlans)
      .set({ ...change, updatedAt: this.clock.now() })
      .where(eq(membershipPlans.id, id))
      .returning();
    if (!row) throw AppError.notFound('plan', id);
    return row;
  }

  list(onlyActive: boolean): Promise<MembershipPlanRow[]> {
    return this.database.db
      .select()
      .from(membershipPlans)
      .where(onlyActive ? eq(membershipPlans.active, true) : undefined)
      .orderBy(asc(membershipPlans.monthlyPrice), asc(membershipPlans.id));
  }

  async get(db: DbOrTx, id: string): Promise<MembershipPlanRow> {
    const [row] = await db.select().from(membershipPlans).where(eq(membershipPlans.id, id));
    if (!row) throw AppError.notFound('plan', id);
    return row;
  }

  async byPrice(db: DbOrTx, priceId: string): Promise<MembershipPlanRow | undefined> {
    const [row] = await db
      .select()
      .from(membershipPlans)
      .where(eq(membershipPlans.providerPriceId, priceId));
    return row;
  }
}
