import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, newIdempotencyKey } from '../../api/client';
import type { paths } from '../../api/openapi';

// The operator's running business: sessions (failed captures and their retry), the daily report,
// reservations. Queries start with the area's key, so any change in the area reads them again.

type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer B } } } }
  ? B
  : never;
type QueryOf<T> = T extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type OpsSession = Json<paths['/api/v1/sessions/{id}']['get']>;
export type OpsReceipt = Json<paths['/api/v1/sessions/{id}/receipt']['get']>;
export type DailyStats = Json<paths['/api/v1/charging/stats/daily']['get']>;
export type Reservation = Json<paths['/api/v1/reservations/{id}']['get']>;
export type SessionFilters = Omit<
  QueryOf<paths['/api/v1/sessions']['get']>,
  'limit' | 'startingAfter'
>;
export type ReservationStatus = Reservation['status'];

const AREA = 'charging-operator';
const next = (last: { hasMore: boolean; nextCursor: string | null }) =>
  last.hasMore ? (last.nextCursor ?? undefined) : undefined;

/** The company's sessions by the filters, 25 a page; polled, so a capture retried shows. */
export const useOpsSessions = (filters: SessionFilters) =>
  useInfiniteQuery({
    queryKey: [AREA, 'sessions', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/sessions', {
          params: {
            query: { limit: 25, ...filters, ...(pageParam ? { startingAfter: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: next,
    refetchInterval: 10_000,
  });

/** One session; read again every 3 s while its capture is due or retried, to show the outcome. */
export const useOpsSession = (id: string) =>
  useQuery({
    queryKey: [AREA, 'session', id],
    queryFn: () => call(() => api.GET('/api/v1/sessions/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => {
      const s = q.state.data;
      if (!s) return false;
      if (['AUTHORIZING', 'STARTING', 'CHARGING', 'STOPPING'].includes(s.status)) return 3000;
      return s.captureStatus === 'PENDING' || s.captureStatus === 'FAILED' ? 3000 : false;
    },
  });

export const useOpsReceipt = (s: OpsSession) =>
  useQuery({
    queryKey: [AREA, 'receipt', s.id, s.status, s.captureStatus],
    enabled: s.startedAt !== null,
    queryFn: () =>
      call(() => api.GET('/api/v1/sessions/{id}/receipt', { params: { path: { id: s.id } } })),
  });

/** "Retry the capture now": queues the capture job at once (the server keeps one per session). */
export function useRetryCapture() {
  const queries = useQueryClient();
  return useMutation({
    // A key per press: the server stores its answer; the capture is idempotent by itself anyway.
    mutationFn: (id: string) =>
      call(() =>
        api.POST('/api/v1/sessions/{id}/retry-capture', {
          params: { path: { id }, header: { 'Idempotency-Key': newIdempotencyKey() } },
        }),
      ),
    onSuccess: (s) => {
      queries.setQueryData([AREA, 'session', s.id], s);
      void queries.invalidateQueries({ queryKey: [AREA, 'sessions'] });
    },
  });
}

export const useDailyStats = (q: { from: string; to: string; stationId?: string }) =>
  useQuery({
    queryKey: [AREA, 'stats', q],
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/charging/stats/daily', {
          params: {
            query: { from: q.from, to: q.to, ...(q.stationId ? { stationId: q.stationId } : {}) },
          },
        }),
      ),
  });

export const useOpsReservations = (status: ReservationStatus | undefined) =>
  useInfiniteQuery({
    queryKey: [AREA, 'reservations', status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/reservations', {
          params: {
            query: {
              limit: 25,
              ...(status ? { status } : {}),
              ...(pageParam ? { startingAfter: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: next,
    refetchInterval: 15_000,
  });

export function useCancelReservation() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(() => api.DELETE('/api/v1/reservations/{id}', { params: { path: { id } } })),
    onSuccess: () => void queries.invalidateQueries({ queryKey: [AREA, 'reservations'] }),
  });
}

/** A station by id once it is known (the same cache entry as the station page's). */
export const useStationOnce = (id: string | undefined) =>
  useQuery({
    queryKey: [AREA, 'station', id],
    enabled: id !== undefined,
    staleTime: 60_000,
    queryFn: () => call(() => api.GET('/api/v1/stations/{id}', { params: { path: { id: id! } } })),
  });
