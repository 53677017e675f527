import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { paths } from '../api/openapi';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Payment = Json<'/api/v1/payments/{id}', 'get'>;
export type PaymentStatus = Payment['status'];
export type PaymentMethod = Payment['method'];
export type PaymentStats = Json<'/api/v1/admin/payments/stats', 'get'>;
export type WebhookStats = Json<'/api/v1/admin/webhooks/stats', 'get'>;
export type WebhookEvent = Json<'/api/v1/admin/webhooks/events/{id}', 'get'>;
export type WebhookState = WebhookEvent['state'];
export type MailMessage = Json<'/api/v1/admin/notifications', 'get'>['data'][number];
export type MailStatus = MailMessage['status'];
export type MailFilter = NonNullable<
  paths['/api/v1/admin/notifications']['get']['parameters']['query']
>;
export const MAIL_STATUSES: readonly MailStatus[] = ['QUEUED', 'SENT', 'FAILED'];
export type QueueStats = Json<'/api/v1/admin/jobs/stats', 'get'>['data'][number];
export type DeadLetter = Json<'/api/v1/admin/jobs/dead-letters', 'get'>['data'][number];
export type LedgerCheck = Json<'/api/v1/admin/ledger/check', 'post'>;
export type PaymentFilter = NonNullable<paths['/api/v1/payments']['get']['parameters']['query']>;
export type WebhookFilter = NonNullable<
  paths['/api/v1/admin/webhooks/events']['get']['parameters']['query']
>;

export const PAYMENT_STATUSES: readonly PaymentStatus[] = [
  'CREATED',
  'REQUIRES_ACTION',
  'PROCESSING',
  'AUTHORIZED',
  'SUCCEEDED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'FAILED',
  'EXPIRED',
  'CANCELLED',
];
export const PAYMENT_METHODS: readonly PaymentMethod[] = [
  'CARD',
  'CARD_LINK',
  'CRYPTO_LINK',
  'WALLET',
];
export const WEBHOOK_STATES: readonly WebhookState[] = ['PENDING', 'APPLIED', 'FAILED'];

/** The user's own time zone: every per-day series is cut at their midnights. */
export const userTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface DayRange {
  from: string;
  to: string;
}

export const usePaymentStats = (range: DayRange) =>
  useQuery({
    queryKey: ['admin', 'payment-stats', range],
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/admin/payments/stats', {
          params: { query: { ...range, timeZone: userTimeZone() } },
        }),
      ),
  });

export const useWebhookStats = (range: DayRange) =>
  useQuery({
    queryKey: ['admin', 'webhook-stats', range],
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/admin/webhooks/stats', {
          params: { query: { ...range, timeZone: userTimeZone() } },
        }),
      ),
  });

export const useQueueStats = () =>
  useQuery({
    queryKey: ['admin', 'queue-stats'],
    queryFn: () => call(() => api.GET('/api/v1/admin/jobs/stats')),
    refetchInterval: 10_000,
  });

/** Drops empty fields, so a cleared input is no filter rather than a 400. */
function present<T extends object>(q: T): T {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== '' && v != null)) as T;
}

export const usePayments = (filter: PaymentFilter) =>
  useInfiniteQuery({
    queryKey: ['admin', 'payments', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/payments', {
          params: {
            query: present({ ...filter, limit: 20, startingAfter: pageParam }),
          },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

export const usePayment = (id: string) =>
  useQuery({
    queryKey: ['admin', 'payment', id],
    queryFn: () => call(() => api.GET('/api/v1/payments/{id}', { params: { path: { id } } })),
  });

export const useTransitions = (id: string) =>
  useQuery({
    queryKey: ['admin', 'payment', id, 'transitions'],
    queryFn: () =>
      call(() => api.GET('/api/v1/admin/payments/{id}/transitions', { params: { path: { id } } })),
  });

export const useWebhookEvents = (filter: WebhookFilter) =>
  useInfiniteQuery({
    queryKey: ['admin', 'webhooks', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/admin/webhooks/events', {
          params: { query: present({ ...filter, limit: 20, startingAfter: pageParam }) },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

export const useWebhookEvent = (id: string) =>
  useQuery({
    queryKey: ['admin', 'webhook', id],
    queryFn: () =>
      call(() => api.GET('/api/v1/admin/webhooks/events/{id}', { params: { path: { id } } })),
  });

export const useDeadLetters = () =>
  useInfiniteQuery({
    queryKey: ['admin', 'dead-letters'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/admin/jobs/dead-letters', {
          params: { query: present({ limit: 20, startingAfter: pageParam }) },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

export function useReplay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(() =>
        api.POST('/api/v1/admin/jobs/dead-letters/{id}/replay', { params: { path: { id } } }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export const useMailMessages = (filter: MailFilter) =>
  useInfiniteQuery({
    queryKey: ['admin', 'notifications', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/admin/notifications', {
          params: { query: present({ ...filter, limit: 20, startingAfter: pageParam }) },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

export function useRetryMail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(() => api.POST('/api/v1/admin/notifications/{id}/retry', { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['admin', 'notifications'] }),
  });
}

export const useLedgerCheck = () =>
  useMutation({ mutationFn: () => call(() => api.POST('/api/v1/admin/ledger/check')) });

export function useRefund(paymentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (r: { key: string; amount?: number; reason?: string; force?: boolean }) =>
      call(() =>
        api.POST('/api/v1/admin/payments/{id}/refund', {
          params: { path: { id: paymentId }, header: { 'Idempotency-Key': r.key } },
          body: present({ amount: r.amount, reason: r.reason, force: r.force }),
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['admin', 'payment', paymentId] }),
  });
}
