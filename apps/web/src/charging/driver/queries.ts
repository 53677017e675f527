import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, call, newIdempotencyKey } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { paths } from '../../api/openapi';
import { useLiveStream, type LiveState } from '../../lib/live-stream';

type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer B } } } }
  ? B
  : never;

export type Station = Json<paths['/api/v1/charging/stations']['get']>['data'][number];
export type PublicConnector = Json<paths['/api/v1/charging/connectors/{id}']['get']>;
/** What a driver pays, tax included: unit prices in 1/1000 of a minor unit, amounts in minor. */
export type Price = NonNullable<PublicConnector['price']>;
export type ChargingSession = Json<paths['/api/v1/sessions/{id}']['get']>;
export type SessionStatus = ChargingSession['status'];
export type Receipt = Json<paths['/api/v1/sessions/{id}/receipt']['get']>;

/** A session in these states still changes by itself (the charger, the hold): it is polled. */
export const LIVE: readonly SessionStatus[] = ['AUTHORIZING', 'STARTING', 'CHARGING', 'STOPPING'];
export const isLive = (s: ChargingSession) => LIVE.includes(s.status);
/** Ended, but the capture (the hold turned into the bill) is still on its way. */
const capturing = (s: ChargingSession) =>
  s.status === 'COMPLETED' && (s.captureStatus === 'NONE' || s.captureStatus === 'PENDING');

/**
 * Stations nearest first from `at` (else by name). The directory is public and rate-limited per
 * IP (60 a minute by default): read once, not polled.
 */
export const useStations = (at: { lat: number; lng: number } | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['charging', 'stations', at?.lat, at?.lng],
    enabled,
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/charging/stations', {
          params: { query: { limit: 50, ...(at ? { lat: at.lat, lng: at.lng } : {}) } },
        }),
      ),
  });

/**
 * A connector's public page. `watch`: read again every 15 s, so "Occupied" turns "Available" on a
 * page left open (slow: the directory's per-IP window is shared by every page of the browser).
 */
export const useConnector = (id: string, watch = false) =>
  useQuery({
    queryKey: ['charging', 'connectors', id],
    queryFn: () =>
      call(() => api.GET('/api/v1/charging/connectors/{id}', { params: { path: { id } } })),
    staleTime: watch ? 10_000 : 5 * 60_000,
    refetchInterval: watch ? 15_000 : false,
  });

/**
 * The station's name for a session, which names its connector only: read once from the public
 * directory per connector (cached, so a list of sessions asks once per connector).
 */
export const useStationName = (connectorId: string): string | undefined =>
  useConnector(connectorId).data?.station.name;

/**
 * One session. While it runs (and until it is captured) its changes are pushed (useLiveSession);
 * `poll` says whether to read it every few seconds instead — the fallback while the stream is down.
 */
export const useChargingSession = (id: string, poll = true) =>
  useQuery({
    queryKey: ['charging', 'sessions', id],
    queryFn: () => call(() => api.GET('/api/v1/sessions/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => {
      const s = q.state.data;
      if (!poll && s) return false;
      if (!s || isLive(s)) return 2000;
      return capturing(s) ? 3000 : false;
    },
  });

/** What `session.updated` carries (GET /sessions/{id}/events): the figures a session's page shows. */
export type SessionUpdate = Pick<
  ChargingSession,
  | 'status'
  | 'energyWh'
  | 'cost'
  | 'authorizedAmount'
  | 'capturedAmount'
  | 'captureStatus'
  | 'stopCause'
  | 'failureMessage'
  | 'startedAt'
  | 'endedAt'
> & { sessionId: string };

/**
 * A session followed live: its stream (GET /sessions/{id}/events, fetch-streamed with the bearer
 * token, or a guest's `headers`) writes each `session.updated` into the cached session, so energy
 * and cost move without a request; on a reconnect the session is read afresh (events are not
 * replayed), and while the stream is down the session is polled. The stream is open only while
 * the session can still change; the server ends it once the hold is settled.
 */
export function useLiveSession(id: string, headers?: Record<string, string>) {
  const queries = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const q = useChargingSession(id, state !== 'live');
  const active = !!q.data && (isLive(q.data) || capturing(q.data));
  const live = useLiveStream({
    url: active ? `/api/v1/sessions/${encodeURIComponent(id)}/events` : undefined,
    headers,
    onState: setState,
    onOpen: (again) => {
      if (again) void queries.invalidateQueries({ queryKey: ['charging', 'sessions', id] });
    },
    onEvent: (name, data) => {
      const u = data as SessionUpdate;
      if (name !== 'session.updated' || u.sessionId !== id) return;
      queries.setQueryData<ChargingSession>(['charging', 'sessions', id], (old) => {
        if (!old) return old;
        const changed = old.status !== u.status || old.captureStatus !== u.captureStatus;
        // The receipt and the list follow a change of status or capture.
        if (changed) void queries.invalidateQueries({ queryKey: ['charging', 'sessions', 'live'] });
        return {
          ...old,
          status: u.status,
          energyWh: u.energyWh,
          cost: u.cost,
          authorizedAmount: u.authorizedAmount,
          capturedAmount: u.capturedAmount,
          captureStatus: u.captureStatus,
          stopCause: u.stopCause,
          failureMessage: u.failureMessage,
          startedAt: u.startedAt,
          endedAt: u.endedAt,
        };
      });
    },
  });
  return { query: q, live };
}

/** The receipt, read again when the capture moves (the amount taken from the card). */
export const useReceipt = (session: ChargingSession, enabled: boolean) =>
  useQuery({
    queryKey: ['charging', 'receipts', session.id, session.status, session.captureStatus],
    enabled,
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/sessions/{id}/receipt', { params: { path: { id: session.id } } }),
      ),
  });

export const useMySessions = () =>
  useInfiniteQuery({
    queryKey: ['charging', 'sessions'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/sessions', {
          params: { query: { limit: 20, ...(pageParam ? { startingAfter: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
  });

/** The driver's running sessions (a reload of a connector's page finds its own session again). */
export const useMyLiveSessions = (enabled: boolean) =>
  useQuery({
    queryKey: ['charging', 'sessions', 'live'],
    enabled,
    queryFn: async () => {
      const page = await call(() =>
        api.GET('/api/v1/sessions', { params: { query: { limit: 20 } } }),
      );
      return page.data.filter(isLive);
    },
  });

/** Start at a connector with a saved card: one Idempotency-Key per attempt (a retry reuses it). */
export function useStartSession() {
  const queries = useQueryClient();
  const attempt = useRef<{ key: string; what: string } | undefined>(undefined);
  return useMutation({
    mutationFn: (b: { connectorId: string; paymentMethodId: string }) => {
      const what = `${b.connectorId}/${b.paymentMethodId}`;
      if (attempt.current?.what !== what) attempt.current = { key: newIdempotencyKey(), what };
      return call(() =>
        api.POST('/api/v1/sessions/start', {
          params: { header: { 'Idempotency-Key': attempt.current!.key } },
          body: b,
        }),
      );
    },
    onSuccess: (s) => {
      // The stream may already have brought the end (COMPLETED) before this answer (STOPPING):
      // an answer never moves the page back.
      queries.setQueryData<ChargingSession>(['charging', 'sessions', s.id], (old) =>
        old && ended(old) && !ended(s) ? old : s,
      );
      void queries.invalidateQueries({ queryKey: ['charging', 'sessions'], exact: true });
      void queries.invalidateQueries({ queryKey: ['charging', 'sessions', 'live'] });
    },
    // A declined card or a busy connector is an answer: the next press is a new attempt. A lost
    // answer is not: the retry keeps the key, so it cannot start (and hold) twice.
    onError: (err) => {
      if (err instanceof ApiError) attempt.current = undefined;
    },
  });
}

const ended = (s: ChargingSession) =>
  s.status === 'COMPLETED' || s.status === 'FAILED' || s.status === 'START_TIMED_OUT';

export function useStopSession() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      call(() => api.POST('/api/v1/sessions/stop', { body: { sessionId } })),
    onSuccess: (s) => {
      // The stream may already have brought the end (COMPLETED) before this answer (STOPPING):
      // an answer never moves the page back.
      queries.setQueryData<ChargingSession>(['charging', 'sessions', s.id], (old) =>
        old && ended(old) && !ended(s) ? old : s,
      );
      void queries.invalidateQueries({ queryKey: ['charging', 'sessions', 'live'] });
    },
  });
}
