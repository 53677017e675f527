import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { openLiveStream, shouldPoll, type LiveState } from '../../lib/live-stream';
import type { Charger, Connector } from './queries';

/**
 * How the operator's pages stay live: the one seam between them and the server's charger news.
 * One event stream per tab (`GET /api/v1/chargers/events`: the company's chargers, an admin's
 * every one), shared by every component that shows a charger's state, open while one is
 * mounted. Its events are written into the query cache — a charger online or offline, its
 * status, a connector's status — so the pages change without a request; the OCPP log of a
 * charger that spoke is read again. While the stream is down the pages poll every POLL_MS, and
 * on a reconnect everything is read afresh (events are not replayed).
 */
export const POLL_MS = 5_000;
const AREA = 'charging-operator';

type ChargerEvent =
  | { type: 'charger.online' | 'charger.offline'; chargerId: string; stationId: string }
  | {
      type: 'charger.status';
      chargerId: string;
      stationId: string;
      status: string;
      errorCode: string;
    }
  | {
      type: 'connector.status';
      chargerId: string;
      connectorId: string;
      status: string;
      errorCode: string;
      info: string | null;
      at: string;
    };

/** A cached list page (`{ data: [...] }`) with one row changed; anything else as it is. */
function inPage<T extends { id: string }>(id: string, change: (row: T) => T) {
  return (old: unknown) => {
    const page = old as { data?: T[] } | undefined;
    if (!page?.data) return old;
    return { ...page, data: page.data.map((r) => (r.id === id ? change(r) : r)) };
  };
}

function apply(queries: QueryClient, e: ChargerEvent): void {
  const charger = (change: (c: Charger) => Charger) => {
    queries.setQueryData<Charger>([AREA, 'charger', e.chargerId], (c) => c && change(c));
    queries.setQueriesData({ queryKey: [AREA, 'chargers'] }, inPage(e.chargerId, change));
  };
  switch (e.type) {
    case 'charger.online':
    case 'charger.offline':
      charger((c) => ({ ...c, online: e.type === 'charger.online' }));
      break;
    case 'charger.status':
      charger((c) => ({ ...c, status: e.status, errorCode: e.errorCode }));
      break;
    case 'connector.status': {
      const key = [AREA, 'connectors', e.chargerId];
      const page = queries.getQueryData<{ data: Connector[] }>(key);
      // A connector the charger reports first is new to the list: read the list.
      if (page && !page.data.some((c) => c.id === e.connectorId))
        void queries.invalidateQueries({ queryKey: key });
      else
        queries.setQueryData(
          key,
          inPage<Connector>(e.connectorId, (c) => ({
            ...c,
            status: e.status,
            errorCode: e.errorCode,
            info: e.info,
            statusAt: e.at,
          })),
        );
      break;
    }
  }
  // What the charger said is in its log now: read it (the log itself is not pushed).
  void queries.invalidateQueries({ queryKey: [AREA, 'ocpp-log', e.chargerId] });
}

/** The tab's one stream: opened by the first subscriber, closed after the last. */
const shared = {
  state: 'off' as LiveState,
  users: 0,
  close: undefined as (() => void) | undefined,
  listeners: new Set<() => void>(),
  set(s: LiveState) {
    this.state = s;
    for (const l of this.listeners) l();
  },
};

function join(queries: QueryClient): () => void {
  if (shared.users++ === 0)
    shared.close = openLiveStream({
      url: '/api/v1/chargers/events',
      onState: (s) => shared.set(s),
      onOpen: (again) => {
        if (again) void queries.invalidateQueries({ queryKey: [AREA] });
      },
      onEvent: (_name, data) => apply(queries, data as ChargerEvent),
    });
  return () => {
    if (--shared.users > 0) return;
    shared.close?.();
    shared.close = undefined;
    shared.set('off');
  };
}

const subscribe = (l: () => void) => {
  shared.listeners.add(l);
  return () => shared.listeners.delete(l);
};

/** The live view's state (for LiveStatus): the stream shared by the page's components. */
export function useChargerStream(): LiveState {
  const queries = useQueryClient();
  useEffect(() => join(queries), [queries]);
  return useSyncExternalStore(subscribe, () => shared.state);
}

/** A query showing a charger's state: its polling interval — false while the stream is live. */
export function useChargerLive(): number | false {
  const state = useChargerStream();
  return shouldPoll(state) ? POLL_MS : false;
}
