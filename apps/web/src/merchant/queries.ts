import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { paths } from '../api/openapi';
import type { OrderStatus, Product } from '../shop/queries';

export type Earnings =
  paths['/api/v1/orders/earnings']['get']['responses'][200]['content']['application/json'];
export type ProductChange = NonNullable<
  paths['/api/v1/products/{id}']['patch']['requestBody']
>['content']['application/json'];

/** The currencies a merchant may price in (the wallets the app offers use the same three). */
export const PRICE_CURRENCIES = ['usd', 'eur', 'gbp'] as const;

/** The time zone the user's browser is in: days are theirs, not the server's. */
export const userTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const useOwnProducts = (q: string) =>
  useInfiniteQuery({
    queryKey: ['merchant', 'products', q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/products/mine', {
          params: {
            query: {
              limit: 20,
              ...(q ? { q } : {}),
              ...(pageParam ? { startingAfter: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

export interface SalesFilter {
  status?: OrderStatus;
  /** ISO date-times: placed at or after `from`, before `to`. */
  from?: string;
  to?: string;
}

export const useSales = (filter: SalesFilter) =>
  useInfiniteQuery({
    queryKey: ['merchant', 'sales', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/orders', {
          params: {
            query: {
              as: 'merchant',
              limit: 20,
              ...filter,
              ...(pageParam ? { startingAfter: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

export const useEarnings = (from: string, to: string) =>
  useQuery({
    queryKey: ['merchant', 'earnings', from, to],
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/orders/earnings', {
          params: { query: { from, to, timeZone: userTimeZone() } },
        }),
      ),
  });

/** Every product edit: the answer replaces the cached product, and the lists are read again. */
export function useProductChange(product: Pick<Product, 'id' | 'version'>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (change: ProductChange) =>
      call(() =>
        api.PATCH('/api/v1/products/{id}', {
          params: { path: { id: product.id } },
          // The version read: an edit made meanwhile elsewhere is refused, not overwritten.
          body: { ...change, version: product.version },
        }),
      ),
    onSuccess: (p) => {
      queries.setQueryData(['products', p.id], p);
      void queries.invalidateQueries({ queryKey: ['merchant', 'products'] });
      void queries.invalidateQueries({ queryKey: ['products'], exact: true });
    },
  });
}
