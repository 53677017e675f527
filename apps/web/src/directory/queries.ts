import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { paths } from '../api/openapi';

export type DirectoryUser =
  paths['/api/v1/users/{id}']['get']['responses'][200]['content']['application/json'];
export type Company =
  paths['/api/v1/companies/{id}']['get']['responses'][200]['content']['application/json'];
export type AdminWallet =
  paths['/api/v1/admin/wallets']['get']['responses'][200]['content']['application/json']['data'][number];
export type Role = DirectoryUser['role'];

/** Roles an admin sets directly; OPERATOR comes with a company (its operators page). */
export const SETTABLE_ROLES: readonly Role[] = ['USER', 'MERCHANT', 'ADMIN'];

export const fullName = (u: Pick<DirectoryUser, 'firstName' | 'lastName'>) =>
  [u.firstName, u.lastName].filter(Boolean).join(' ');

export const useUsers = (q: string, role?: Role) =>
  useInfiniteQuery({
    queryKey: ['directory', 'users', q, role],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/users', {
          params: {
            query: {
              limit: 20,
              ...(q ? { q } : {}),
              ...(role ? { role } : {}),
              ...(pageParam ? { startingAfter: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

export const useUser = (id: string) =>
  useQuery({
    queryKey: ['directory', 'user', id],
    queryFn: () => call(() => api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });

export const useWallets = (ownerId: string) =>
  useQuery({
    queryKey: ['directory', 'wallets', ownerId],
    queryFn: () =>
      call(() => api.GET('/api/v1/admin/wallets', { params: { query: { ownerId, limit: 100 } } })),
  });

export const useCompanies = () =>
  useInfiniteQuery({
    queryKey: ['directory', 'companies'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/companies', {
          params: { query: { limit: 20, ...(pageParam ? { startingAfter: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

export const useCompany = (id: string) =>
  useQuery({
    queryKey: ['directory', 'company', id],
    queryFn: () => call(() => api.GET('/api/v1/companies/{id}', { params: { path: { id } } })),
  });

export const useOperators = (companyId: string) =>
  useQuery({
    queryKey: ['directory', 'operators', companyId],
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/companies/{id}/operators', { params: { path: { id: companyId } } }),
      ),
  });

/** A change to a user; everything the directory shows about users is read again after it. */
export function useDirectoryChange<A, R>(send: (arg: A) => Promise<R>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['directory'] }),
  });
}
