import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, call, newIdempotencyKey } from '../api/client';
import { ApiError } from '../api/errors';
import type { paths } from '../api/openapi';

type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer B } } } }
  ? B
  : never;

export type Space = Json<paths['/api/v1/spaces/{id}']['get']>;
export type Availability = Json<paths['/api/v1/spaces/{id}/availability']['get']>;
export type Slot = Availability['slots'][number];
export type Booking = Json<paths['/api/v1/bookings/{id}']['get']>;

export const useSpaces = () =>
  useQuery({
    queryKey: ['coworking', 'spaces'],
    queryFn: () => call(() => api.GET('/api/v1/spaces', { params: { query: { limit: 100 } } })),
  });

export const useAvailability = (spaceId: string | undefined, date: string) =>
  useQuery({
    queryKey: ['coworking', 'availability', spaceId, date],
    enabled: spaceId !== undefined,
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/spaces/{id}/availability', {
          params: { path: { id: spaceId! }, query: { date } },
        }),
      ),
  });

/** The booking, read every 2 s while it waits for the provider's word on its payment. */
export const useBooking = (id: string | undefined, watch: boolean) =>
  useQuery({
    queryKey: ['coworking', 'bookings', id],
    enabled: id !== undefined,
    queryFn: () => call(() => api.GET('/api/v1/bookings/{id}', { params: { path: { id: id! } } })),
    refetchInterval: (q) => (watch && q.state.data?.status === 'PENDING_PAYMENT' ? 2000 : false),
  });

export const useMyBookings = () =>
  useQuery({
    queryKey: ['coworking', 'bookings'],
    queryFn: () => call(() => api.GET('/api/v1/bookings', { params: { query: { limit: 50 } } })),
  });

/** Book a slot: one Idempotency-Key per attempt, kept when a lost answer is retried. */
export function useBook() {
  const queries = useQueryClient();
  const attempt = useRef<{ key: string; what: string } | undefined>(undefined);
  return useMutation({
    mutationFn: (b: { spaceId: string; start: string; end: string }) => {
      const what = `${b.spaceId}/${b.start}/${b.end}`;
      if (attempt.current?.what !== what) attempt.current = { key: newIdempotencyKey(), what };
      return call(() =>
        api.POST('/api/v1/bookings', {
          params: { header: { 'Idempotency-Key': attempt.current!.key } },
          body: b,
        }),
      );
    },
    onSuccess: (b) => {
      queries.setQueryData(['coworking', 'bookings', b.id], b);
      void queries.invalidateQueries({ queryKey: ['coworking', 'bookings'], exact: true });
      void queries.invalidateQueries({ queryKey: ['coworking', 'availability'] });
    },
    onError: (err) => {
      if (err instanceof ApiError) attempt.current = undefined;
    },
  });
}

/** The booking's payment intent (the same open one when asked again). */
export const createIntent = (bookingId: string) =>
  call(() => api.POST('/api/v1/payments/create-intent', { body: { bookingId } }));

/** The intent as the provider has it, read by the server (so the booking follows). */
export const readIntent = (id: string) =>
  call(() => api.GET('/api/v1/payments/intent/{id}', { params: { path: { id } } }));

export function useCancelBooking() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(() => api.DELETE('/api/v1/bookings/{id}', { params: { path: { id } } })),
    onSuccess: (b) => {
      queries.setQueryData(['coworking', 'bookings', b.id], b);
      void queries.invalidateQueries({ queryKey: ['coworking'] });
    },
  });
}
