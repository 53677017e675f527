import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, call, newIdempotencyKey } from '../../api/client';
import type { paths } from '../../api/openapi';
import { ApiError } from '../../api/errors';
import { useLiveStream, type LiveState } from '../../lib/live-stream';
import { isLive, type ChargingSession, type SessionUpdate } from '../driver/queries';

/*
 * The ad-hoc (no account) and payment-link routes of contract-links.md: POST /session/start,
 * POST /session/stop, GET /session/{id}, GET /payment/link/{id}, POST /payment/recreate-link.
 * A guest proves the session with X-Session-Key; a signed-in driver with the bearer token.
 */

type Json<T> = T extends { responses: { [code in 200 | 201]?: infer R } }
  ? R extends { content: { 'application/json': infer B } }
    ? B
    : never
  : never;
type StartOp = paths['/api/v1/session/start']['post'];

/** A session's payment link (the latest), with every link made for it, newest first. */
export type PaymentLink = NonNullable<
  paths['/api/v1/payment/link/{sessionId}']['get']['responses'][200]['content']['application/json']
>;
export type LinkStatus = PaymentLink['status'];
export type LinkMethod = PaymentLink['method'];
/** GET /session/{id}: the driver's session view, and how it is paid. */
export type GuestSession =
  paths['/api/v1/session/{id}']['get']['responses'][200]['content']['application/json'];
export type StartBody = StartOp['requestBody']['content']['application/json'];
export type StartPayment = StartBody['payment'];
export type Started = Json<StartOp>;

/** A guest proves the session with its key; a signed-in driver sends none (the bearer token). */
const keyHeader = (key: string | undefined) => (key ? { 'X-Session-Key': key } : {});

/**
 * The one place a guest's session is watched. While it charges, its stream
 * (GET /sessions/{id}/events with the key in X-Session-Key, as useLiveSession does for drivers)
 * writes each `session.updated` into the cached view, so no request is made while energy and cost
 * move; a change of status reads the whole view again (its payment, its link). Polled every 2 s
 * only while the stream is down, and after the end until the capture or the link settles (those
 * outcomes come by webhook and are not pushed).
 */
export function useLiveGuestSession(sessionId: string, key: string | undefined) {
  const queries = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  // The key is part of the question: another key is another answer (a 404 for a wrong one).
  const queryKey = ['charging', 'guest', sessionId, key];
  const q = useQuery({
    queryKey,
    enabled: !!key,
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/session/{id}', {
          params: { path: { id: sessionId }, header: keyHeader(key) },
        }),
      ),
    // A wrong key is an answer (404), not a blip: no retries that would only repeat it.
    retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 3,
    refetchInterval: (q) => {
      const s = q.state.data;
      if (q.state.error instanceof ApiError && q.state.error.status === 404) return false;
      if (!s || isLive(s)) return state === 'live' ? false : 2000;
      // Ended: a hold is still being captured, or a link is being made / paid.
      if (s.status !== 'COMPLETED') return false;
      if (s.payment?.type === 'link') return settledLink(s.payment.link) ? false : 3000;
      return s.captureStatus === 'NONE' || s.captureStatus === 'PENDING' ? 3000 : false;
    },
  });
  const streaming = !!key && !!q.data && isLive(q.data);
  useLiveStream({
    url: streaming ? `/api/v1/sessions/${encodeURIComponent(sessionId)}/events` : undefined,
    headers: key ? { 'X-Session-Key': key } : undefined,
    onState: setState,
    onOpen: (again) => {
      if (again) void queries.invalidateQueries({ queryKey });
    },
    onEvent: (name, data) => {
      const u = data as SessionUpdate;
      if (name !== 'session.updated' || u.sessionId !== sessionId) return;
      queries.setQueryData<GuestSession>(queryKey, (old) => {
        if (!old) return old;
        if (old.status !== u.status) void queries.invalidateQueries({ queryKey });
        const { sessionId: _, ...figures } = u;
        return { ...old, ...figures };
      });
    },
  });
  return q;
}

/** A link that will not change by itself any more (paid, refunded, expired, failed). */
export const settledLink = (l: PaymentLink | null | undefined) => !!l && l.status !== 'PENDING';

export const useGuestReceipt = (session: ChargingSession, key: string, enabled: boolean) =>
  useQuery({
    queryKey: ['charging', 'guest', session.id, 'receipt', session.status, session.captureStatus],
    enabled,
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/session/{id}/receipt', {
          params: { path: { id: session.id }, header: keyHeader(key) },
        }),
      ),
  });

/** How a signed-in driver's session is paid (a hold or a link): fixed at the start, read once. */
export const usePaymentType = (sessionId: string) =>
  useQuery({
    queryKey: ['charging', 'payment-type', sessionId],
    staleTime: Infinity,
    queryFn: async () =>
      (await call(() => api.GET('/api/v1/session/{id}', { params: { path: { id: sessionId } } })))
        .payment.type,
  });

/**
 * A session's payment link: 404 `payment_link_not_found` while the stop has not arrived yet, read
 * again until it exists; then while PENDING (the payer may be paying in another tab).
 */
export function usePaymentLink(sessionId: string, key: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['charging', 'link', sessionId],
    enabled,
    queryFn: async () => {
      try {
        return await call(() =>
          api.GET('/api/v1/payment/link/{sessionId}', {
            params: { path: { sessionId }, header: keyHeader(key) },
          }),
        );
      } catch (err) {
        if (err instanceof ApiError && err.body?.code === 'payment_link_not_found') return null;
        throw err;
      }
    },
    refetchInterval: (q) => (q.state.data && settledLink(q.state.data) ? false : 3000),
  });
}

/**
 * Start at a connector. One Idempotency-Key per attempt: a lost answer retried keeps it (never two
 * sessions, never two holds); any answer from the server ends the attempt.
 */
export function useStartAdHoc() {
  const attempt = useRef<{ key: string; what: string } | undefined>(undefined);
  return useMutation({
    mutationFn: (b: StartBody) => {
      const what = JSON.stringify(b);
      if (attempt.current?.what !== what) attempt.current = { key: newIdempotencyKey(), what };
      return call(() =>
        api.POST('/api/v1/session/start', {
          params: { header: { 'Idempotency-Key': attempt.current!.key } },
          body: b,
        }),
      );
    },
    onError: (err) => {
      if (err instanceof ApiError) attempt.current = undefined;
    },
  });
}

export function useStopAdHoc(sessionId: string, key: string | undefined) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () =>
      call(() =>
        api.POST('/api/v1/session/stop', {
          params: { header: keyHeader(key) },
          body: { sessionId },
        }),
      ),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['charging', 'guest', sessionId] });
      void queries.invalidateQueries({ queryKey: ['charging', 'sessions', sessionId] });
      void queries.invalidateQueries({ queryKey: ['charging', 'link', sessionId] });
    },
  });
}

/** A new link after an expired or failed one (or to switch card ↔ USDC): one key per press. */
export function useRecreateLink(sessionId: string, key: string | undefined) {
  const queries = useQueryClient();
  const attempt = useRef<{ key: string; what: string } | undefined>(undefined);
  return useMutation({
    mutationFn: (method?: LinkMethod) => {
      const what = method ?? '';
      if (attempt.current?.what !== what) attempt.current = { key: newIdempotencyKey(), what };
      return call(() =>
        api.POST('/api/v1/payment/recreate-link', {
          params: { header: { ...keyHeader(key), 'Idempotency-Key': attempt.current!.key } },
          body: { sessionId, ...(method ? { method } : {}) },
        }),
      );
    },
    onSuccess: (link) => {
      attempt.current = undefined;
      queries.setQueryData(['charging', 'link', sessionId], link);
      void queries.invalidateQueries({ queryKey: ['charging', 'guest', sessionId] });
    },
    onError: (err) => {
      if (err instanceof ApiError) attempt.current = undefined;
    },
  });
}
