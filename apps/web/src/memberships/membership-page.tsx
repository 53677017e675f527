import { Alert, Badge, Button, Flex, NativeSelect, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';
import { ApiError, describeError } from '../api/errors';
import type { paths } from '../api/openapi';
import { formatMoney } from '../lib/format';
import { CardPayment, type CardOutcome } from '../payment/card-payment';
import { ConfirmDelete } from '../shell/confirm-delete';
import { ErrorState, Loaded, Loading, Page } from '../shell/page';

type Membership =
  paths['/api/v1/memberships/subscription']['get']['responses'][200]['content']['application/json'];
type Plan = Membership['plan'];

/** Credit types in words (`meeting_room_hours` → "Meeting room hours"). */
const creditName = (type: string) =>
  type.charAt(0).toUpperCase() + type.slice(1).replace(/_/g, ' ');
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '—');

const STATUS_WORDS: Record<string, string> = {
  PENDING: 'Starting',
  INCOMPLETE: 'Waiting for your first payment',
  INCOMPLETE_EXPIRED: 'Expired before it was paid',
  TRIALING: 'Trial',
  ACTIVE: 'Active',
  PAST_DUE: 'Payment overdue: we are retrying your card',
  UNPAID: 'Unpaid: access paused',
  CANCELLED: 'Cancelled',
};

/** The member's membership, or null when they never had one (a 404). */
function useMembership() {
  return useQuery({
    queryKey: ['membership'],
    queryFn: async () => {
      try {
        return await call(() => api.GET('/api/v1/memberships/subscription'));
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    // Until the provider's invoice.paid arrives, the status moves on its own.
    refetchInterval: (q) =>
      q.state.data?.status === 'INCOMPLETE' || q.state.data?.status === 'PENDING' ? 1000 : false,
  });
}

/** Plans, subscribing with the card form, the member's plan, credits left, change and cancel. */
export function MembershipPage() {
  const membership = useMembership();
  const plans = useQuery({
    queryKey: ['membership-plans'],
    queryFn: () => call(() => api.GET('/api/v1/memberships/plans')),
  });
  const live =
    membership.data && !['CANCELLED', 'INCOMPLETE_EXPIRED'].includes(membership.data.status)
      ? membership.data
      : null;
  return (
    <Page title="Membership">
      {membership.isPending ? (
        <Loading what="your membership" />
      ) : membership.isError ? (
        <ErrorState error={membership.error} retry={() => void membership.refetch()} />
      ) : live ? (
        <MyMembership m={live} plans={plans.data?.data ?? []} />
      ) : (
        <Loaded
          query={plans}
          what="the plans"
          isEmpty={(p) => p.data.length === 0}
          empty="No membership plans are on offer yet."
        >
          {(p) => (
            <Stack gap={3} as="ul" listStyleType="none" aria-label="Plans">
              {p.data.map((plan) => (
                <PlanCard key={plan.id} plan={plan} />
              ))}
            </Stack>
          )}
        </Loaded>
      )}
    </Page>
  );
}

function Credits({ plan }: { plan: Plan }) {
  const entries = Object.entries(plan.credits);
  if (entries.length === 0) return <Text fontSize="sm">No credits included.</Text>;
  return (
    <Text fontSize="sm">
      Each month: {entries.map(([t, n]) => `${n} ${creditName(t).toLowerCase()}`).join(', ')}
    </Text>
  );
}

function PlanCard({ plan }: { plan: Plan }) {
  const queries = useQueryClient();
  const subscribe = useMutation({
    mutationFn: () =>
      call(() =>
        api.POST('/api/v1/memberships/subscribe', {
          body: { planId: plan.id },
          params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
        }),
      ),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['membership'] }),
  });
  return (
    <Stack as="li" gap={2} bg="white" p={4} borderRadius="md" borderWidth="1px" maxW="xl">
      <Flex justify="space-between" wrap="wrap" gap={2}>
        <Text as="h2" fontWeight="semibold">
          {plan.name}
        </Text>
        <Text>{formatMoney(plan.monthlyPrice, plan.currency)} / month</Text>
      </Flex>
      <Credits plan={plan} />
      {plan.holderPrice !== null && (
        <Text fontSize="sm" color="fg.muted">
          NFT holders: {formatMoney(plan.holderPrice, plan.currency)} / month (wallet linking comes
          soon).
        </Text>
      )}
      {subscribe.isError && <ErrorState error={subscribe.error} />}
      <Button
        alignSelf="start"
        colorPalette="teal"
        loading={subscribe.isPending}
        onClick={() => subscribe.mutate()}
      >
        Choose {plan.name}
      </Button>
    </Stack>
  );
}

async function payFirstInvoice(paymentMethodId: string): Promise<CardOutcome> {
  try {
    const r = await call(() =>
      api.POST('/api/v1/memberships/subscription/pay', {
        body: { paymentMethodId },
        params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
      }),
    );
    if (r.payment.status === 'SUCCEEDED' || r.payment.status === 'PROCESSING')
      return { kind: 'succeeded' };
    return {
      kind: 'declined',
      reason: 'Your bank asks for a confirmation this page cannot show yet; try another card.',
    };
  } catch (err) {
    if (err instanceof ApiError && err.status === 402)
      return { kind: 'declined', reason: describeError(err) };
    throw err;
  }
}

function MyMembership({ m, plans }: { m: Membership; plans: Plan[] }) {
  const queries = useQueryClient();
  const refresh = () => void queries.invalidateQueries({ queryKey: ['membership'] });
  const [target, setTarget] = useState('');
  const change = useMutation({
    mutationFn: (planId: string) =>
      call(() =>
        api.PATCH('/api/v1/memberships/subscription', {
          body: { planId },
          params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
        }),
      ),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: (now: boolean) =>
      call(() =>
        api.DELETE('/api/v1/memberships/subscription', {
          params: {
            query: { now: now ? 'true' : 'false' },
            header: { 'Idempotency-Key': crypto.randomUUID() },
          },
        }),
      ),
    onSuccess: refresh,
  });
  const others = plans.filter((p) => p.id !== m.plan.id && p.currency === m.plan.currency);
  return (
    <Stack gap={4} maxW="xl" data-membership-status={m.status}>
      <Stack gap={1} bg="white" p={4} borderRadius="md" borderWidth="1px">
        <Flex justify="space-between" wrap="wrap" gap={2}>
          <Text as="h2" fontWeight="semibold">
            {m.plan.name}
          </Text>
          <Badge colorPalette={m.access ? 'green' : 'orange'}>
            {STATUS_WORDS[m.status] ?? m.status}
          </Badge>
        </Flex>
        <Text fontSize="sm">
          {formatMoney(m.plan.monthlyPrice, m.plan.currency)} / month
          {m.currentPeriodEnd &&
            (m.cancelAtPeriodEnd
              ? ` · ends on ${day(m.currentPeriodEnd)}`
              : ` · renews on ${day(m.currentPeriodEnd)}`)}
        </Text>
      </Stack>
      {m.status === 'INCOMPLETE' && (
        <Stack gap={3} bg="white" p={4} borderRadius="md" borderWidth="1px">
          <Text as="h2" fontWeight="semibold">
            Pay your first month
          </Text>
          <CardPayment
            submitLabel={`Pay ${formatMoney(m.plan.monthlyPrice, m.plan.currency)}`}
            successText="Paid. Your membership starts as soon as the payment is confirmed."
            confirm={payFirstInvoice}
            onSucceeded={refresh}
          />
        </Stack>
      )}
      {m.status !== 'INCOMPLETE' && (
        <Stack gap={2} as="section" aria-label="Credits left">
          <Text as="h2" fontWeight="semibold">
            Credits left
          </Text>
          {m.credits.length === 0 ? (
            <Text fontSize="sm">
              {m.access ? 'No credits in this cycle.' : 'No credits while access is paused.'}
            </Text>
          ) : (
            <Stack as="ul" listStyleType="none" gap={1}>
              {m.credits.map((c) => (
                <Flex as="li" key={c.type} justify="space-between" gap={2} data-credit={c.type}>
                  <Text>{creditName(c.type)}</Text>
                  <Text>
                    {c.remaining} of {c.allocated} · until {day(c.expiresAt)}
                  </Text>
                </Flex>
              ))}
            </Stack>
          )}
        </Stack>
      )}
      {m.status === 'ACTIVE' && others.length > 0 && !m.cancelAtPeriodEnd && (
        <Stack gap={2}>
          <label htmlFor="change-plan">
            <Text as="span" fontWeight="semibold">
              Change plan
            </Text>
          </label>
          <Flex gap={2} wrap="wrap">
            <NativeSelect.Root maxW="xs">
              <NativeSelect.Field
                id="change-plan"
                value={target}
                onChange={(e) => setTarget(e.currentTarget.value)}
              >
                <option value="">Choose a plan</option>
                {others.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} — {formatMoney(p.monthlyPrice, p.currency)} / month
                  </option>
                ))}
              </NativeSelect.Field>
            </NativeSelect.Root>
            <Button
              disabled={!target}
              loading={change.isPending}
              onClick={() => change.mutate(target)}
            >
              Switch
            </Button>
          </Flex>
          <Text fontSize="sm" color="fg.muted">
            The difference for the rest of this month is added to your next invoice.
          </Text>
          {change.isError && <ErrorState error={change.error} />}
        </Stack>
      )}
      {change.isSuccess && (
        <Alert.Root status="success">
          <Alert.Indicator />
          <Alert.Title>Plan changed.</Alert.Title>
        </Alert.Root>
      )}
      <Flex gap={3} wrap="wrap">
        {m.status !== 'INCOMPLETE' && !m.cancelAtPeriodEnd && (
          <ConfirmDelete
            label="Cancel at the end of the month"
            question="Cancel your membership when this month ends? You keep access until then."
            confirmLabel="Yes, cancel at month end"
            onConfirm={() => cancel.mutate(false)}
            pending={cancel.isPending}
            error={undefined}
          />
        )}
        <ConfirmDelete
          label="Cancel now"
          question="Cancel now? Access and unused credits end at once; nothing is refunded."
          confirmLabel="Yes, cancel now"
          onConfirm={() => cancel.mutate(true)}
          pending={cancel.isPending}
          error={cancel.error}
        />
      </Flex>
    </Stack>
  );
}
