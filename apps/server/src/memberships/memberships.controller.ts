import { Body, Controller, Delete, Get, Headers, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Public, Roles, type UserRow } from '../identity';
import { Clock } from '../platform/clock';
import { AppError } from '../platform/errors/app-error';
import { Database } from '../platform/database/database';
import { Doc } from '../platform/http/doc';
import { Idempotent } from '../platform/idempotency/idempotent.decorator';
import { AmountSchema, CurrencySchema } from '../platform/money';
import { creditBalances } from './credit-balances';
import { CREDIT_TYPE } from './credits';
import type { MembershipRow } from './memberships.schema';
import { MembershipsService } from './memberships.service';
import { MembershipView, PlanView, toMembershipView, toPlanView } from './memberships.view';
import { Plans } from './plans';

const PlanId = z.string().regex(/^mpl_[0-9A-Z]{26}$/, 'must be a plan id (mpl_…)');
const CreditMap = z
  .record(
    z.string().regex(CREDIT_TYPE, 'credit types are lower_snake_case'),
    z.number().int().min(0).max(1_000_000),
  )
  .refine((m) => Object.keys(m).length <= 20, 'at most 20 credit types');
const PlanBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  currency: CurrencySchema,
  monthlyPrice: AmountSchema,
  holderPrice: AmountSchema.optional(),
  credits: CreditMap.default({}),
  rolloverCaps: CreditMap.default({}),
  pastDueAccess: z.boolean().default(true),
});
const PlanPatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  credits: CreditMap.optional(),
  rolloverCaps: CreditMap.optional(),
  pastDueAccess: z.boolean().optional(),
  active: z.boolean().optional(),
});
const SubscribeBody = z.strictObject({ planId: PlanId });
const PayBody = z.strictObject({
  paymentMethodId: z.string().regex(/^pm_\w{1,200}$/, 'must be a payment method id (pm_…)'),
});
const PayView = z.object({
  membership: MembershipView,
  payment: z.object({ status: z.string(), nextActionUrl: z.string().nullable() }),
});
const CancelQuery = z.strictObject({ now: z.enum(['true', 'false']).default('false') });

@ApiTags('memberships')
@Controller('api/v1/memberships')
export class MembershipsController {
  constructor(
    private readonly service: MembershipsService,
    private readonly plans: Plans,
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  @Get('plans')
  @Public()
  @Doc({
    summary: 'The membership plans on offer',
    response: z.object({ data: z.array(PlanView) }),
  })
  async listPlans() {
    return { data: (await this.plans.list(true)).map(toPlanView) };
  }

  @Post('subscribe')
  @Idempotent()
  @Doc({
    summary:
      'Subscribe: the membership (incomplete) and its first invoice client secret for the card form',
    status: 201,
    response: MembershipView,
    errors: [409, 503],
  })
  async subscribe(
    @CurrentUser() user: UserRow,
    @Body({ schema: SubscribeBody }) b: z.infer<typeof SubscribeBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.view(await this.service.subscribe(user, b.planId, key));
  }

  @Post('subscription/pay')
  @Idempotent()
  @Doc({
    summary:
      'Pay the first invoice with a card from the card form (pm_…); ACTIVE once invoice.paid arrives',
    status: 201,
    response: PayView,
    errors: [402, 409, 503],
  })
  async pay(@CurrentUser() user: UserRow, @Body({ schema: PayBody }) b: z.infer<typeof PayBody>) {
    const { membership, payment } = await this.service.payFirstInvoice(user.id, b.paymentMethodId);
    return { membership: await this.view(membership), payment };
  }

  @Get('subscription')
  @Doc({
    summary: 'Your membership: plan, status, period, credits left per type',
    response: MembershipView,
  })
  async subscription(@CurrentUser() user: UserRow) {
    return this.view(await this.service.current(user.id));
  }

  @Patch('subscription')
  @Idempotent()
  @Doc({
    summary: 'Change plan (prorated onto the next invoice, as Stripe does)',
    response: MembershipView,
    errors: [409, 503],
  })
  async change(
    @CurrentUser() user: UserRow,
    @Body({ schema: SubscribeBody }) b: z.infer<typeof SubscribeBody>,
  ) {
    return this.view(await this.service.changePlan(user.id, b.planId));
  }

  @Delete('subscription')
  @Idempotent()
  @Doc({
    summary: 'Cancel at period end, or now with ?now=true',
    response: MembershipView,
    errors: [503],
  })
  async cancel(
    @CurrentUser() user: UserRow,
    @Query({ schema: CancelQuery }) q: z.infer<typeof CancelQuery>,
  ) {
    return this.view(await this.service.cancel(user.id, q.now === 'true'));
  }

  private async view(m: MembershipRow) {
    const db = this.database.db;
    const plan = await this.plans.get(db, m.planId);
    const credits = await creditBalances(db, m.userId, this.clock.now());
    return toMembershipView(m, plan, credits);
  }
}

@ApiTags('memberships')
@Controller('api/v1/admin/membership-plans')
export class MembershipPlansAdminController {
  constructor(private readonly plans: Plans) {}

  @Get()
  @Roles('ADMIN')
  @Doc({
    summary: 'Every membership plan, retired ones too',
    response: z.object({ data: z.array(PlanView) }),
  })
  async list() {
    return { data: (await this.plans.list(false)).map(toPlanView) };
  }

  @Post()
  @Roles('ADMIN')
  @Idempotent()
  @Doc({
    summary: 'Create a plan (its provider prices are created with it)',
    status: 201,
    response: PlanView,
  })
  async create(@Body({ schema: PlanBody }) b: z.infer<typeof PlanBody>) {
    return toPlanView(
      await this.plans.create({
        ...b,
        monthlyPrice: BigInt(b.monthlyPrice),
        holderPrice: b.holderPrice === undefined ? undefined : BigInt(b.holderPrice),
      }),
    );
  }

  @Patch(':id')
  @Roles('ADMIN')
  @Doc({
    summary: 'Change a plan’s name, credits, caps or access, or retire it (prices are fixed)',
    response: PlanView,
  })
  async update(@Param('id') id: string, @Body({ schema: PlanPatch }) b: z.infer<typeof PlanPatch>) {
    // A malformed id names no plan: the same 404 as an unknown one.
    if (!PlanId.safeParse(id).success) throw AppError.notFound('plan', id);
    return toPlanView(await this.plans.update(id, b));
  }
}
