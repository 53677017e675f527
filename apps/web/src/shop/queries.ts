import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { paths } from '../api/openapi';

export type Product =
  paths['/api/v1/products/{id}']['get']['responses'][200]['content']['application/json'];
export type Order =
  paths['/api/v1/orders/{id}']['get']['responses'][200]['content']['application/json'];
export type OrderStatus = Order['status'];

/** Orders in these states change no more by themselves (a refund is someone's act). */
export const SETTLED: readonly OrderStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED', 'REFUNDED'];

export const useProducts = () =>
  useInfiniteQuery({
    queryKey: ['products'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/products', {
          params: { query: { limit: 12, ...(pageParam ? { startingAfter: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

export const useProduct = (id: string) =>
  useQuery({
    queryKey: ['products', id],
    queryFn: () => call(() => api.GET('/api/v1/products/{id}', { params: { path: { id } } })),
  });

export const useOrders = () =>
  useInfiniteQuery({
    queryKey: ['orders'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/orders', {
          params: { query: { limit: 20, ...(pageParam ? { startingAfter: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

/** One order, read again every 2 s until it settles (a hosted checkout finishes by webhook). */
export const useOrder = (id: string) =>
  useQuery({
    queryKey: ['orders', id],
    queryFn: () => call(() => api.GET('/api/v1/orders/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data && SETTLED.includes(q.state.data.status) ? false : 2000),
  });
