import { z } from 'zod';
import { toJsonNumber } from '../platform/money';
import { grantsAccess } from './credits';
import type { MembershipPlanRow, MembershipRow } from './memberships.schema';

const Credits = z.record(z.string(), z.number().int());

export const PlanView = z.object({
  id: z.string(),
  name: z.string(),
  currency: z.string(),
  monthlyPrice: z.number().int(),
  /** The NFT-holder price (applied once a wallet holding the NFT is linked: a later step). */
  holderPrice: z.number().int().nullable(),
  credits: Credits,
  rolloverCaps: Credits,
  pastDueAccess: z.boolean(),
  active: z.boolean(),
});

export const CreditBalanceView = z.object({
  type: z.string(),
  remaining: z.number().int(),
  allocated: z.number().int(),
  expiresAt: z.string(),
});

export const MembershipView = z.object({
  id: z.string(),
  plan: PlanView,
  status: z.string(),
  /** Whether the membership gives access now (its status, as the plan says for past_due). */
  access: z.boolean(),
  currentPeriodStart: z.string().nullable(),
  currentPeriodEnd: z.string().nullable(),
  cancelAtPeriodEnd: z.boolean(),
  /** The first invoice's client secret while it waits for the card; null after. */
  clientSecret: z.string().nullable(),
  subscriptionId: z.string().nullable(),
  credits: z.array(CreditBalanceView),
});

export function toPlanView(p: MembershipPlanRow): z.infer<typeof PlanView> {
  return {
    id: p.id,
    name: p.name,
    currency: p.currency,
    monthlyPrice: toJsonNumber(p.monthlyPrice),
    holderPrice: p.holderPrice === null ? null : toJsonNumber(p.holderPrice),
    credits: p.credits,
    rolloverCaps: p.rolloverCaps,
    pastDueAccess: p.pastDueAccess,
    active: p.active,
  };
}

export function toMembershipView(
  m: MembershipRow,
  plan: MembershipPlanRow,
  credits: { type: string; remaining: bigint; allocated: bigint; expiresAt: Date }[],
): z.infer<typeof MembershipView> {
  const access = grantsAccess(m, plan);
  return {
    id: m.id,
    plan: toPlanView(plan),
    status: m.status,
    access,
    currentPeriodStart: m.currentPeriodStart?.toISOString() ?? null,
    currentPeriodEnd: m.currentPeriodEnd?.toISOString() ?? null,
    cancelAtPeriodEnd: m.cancelAtPeriodEnd,
    clientSecret: m.clientSecret,
    subscriptionId: m.providerSubscriptionId,
    credits: credits.map((c) => ({
      type: c.type,
      remaining: access ? toJsonNumber(c.remaining) : 0,
      allocated: toJsonNumber(c.allocated),
      expiresAt: c.expiresAt.toISOString(),
    })),
  };
}
