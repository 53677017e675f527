import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { paths } from '../../api/openapi';

// The operator's charging API (stations, chargers, connectors, tariffs, OCPP commands and log).

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer R } } };
}
  ? R
  : never;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Station = Json<'/api/v1/stations/{id}', 'get'>;
export type Charger = Json<'/api/v1/chargers/{id}', 'get'>;
export type Connector = Json<'/api/v1/connectors/{id}', 'get'>;
export type Tariff = Json<'/api/v1/tariffs/{id}', 'get'>;
export type OcppMessage = Json<'/api/v1/chargers/{id}/ocpp-messages', 'get'>['data'][number];
export type CommandAnswer = Json<'/api/v1/chargers/{id}/commands', 'post'>;
export type OcppCommand = Body<'/api/v1/chargers/{id}/commands', 'post'>['action'];
export type StationInput = Body<'/api/v1/stations', 'post'>;
export type StationChange = Body<'/api/v1/stations/{id}', 'patch'>;
export type ChargerInput = Body<'/api/v1/chargers', 'post'>;
export type ChargerChange = Body<'/api/v1/chargers/{id}', 'patch'>;
export type ConnectorInput = Body<'/api/v1/chargers/{id}/connectors', 'post'>;
export type ConnectorChange = Body<'/api/v1/connectors/{id}', 'patch'>;
export type ConnectorType = ConnectorInput['type'];
export type TariffInput = Body<'/api/v1/tariffs', 'post'>;
export type TariffChange = Body<'/api/v1/tariffs/{id}', 'patch'>;

/** Every query of this area starts with it: a change reads the area again. */
const AREA = 'charging-operator';
const cursor = (pageParam: string | undefined) => (pageParam ? { startingAfter: pageParam } : {});
const next = (last: { hasMore: boolean; nextCursor: string | null }) =>
  last.hasMore ? (last.nextCursor ?? undefined) : undefined;

export const useStations = () =>
  useInfiniteQuery({
    queryKey: [AREA, 'stations'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/stations', { params: { query: { limit: 20, ...cursor(pageParam) } } }),
      ),
    getNextPageParam: next,
  });

export const useStation = (id: string) =>
  useQuery({
    queryKey: [AREA, 'station', id],
    queryFn: () => call(() => api.GET('/api/v1/stations/{id}', { params: { path: { id } } })),
  });

/**
 * A station's chargers: the first 100 (a site has a handful; the list says when there are more).
 * `refetchInterval` is how the live view polls (see live.ts).
 */
export const useStationChargers = (stationId: string, refetchInterval?: number) =>
  useQuery({
    queryKey: [AREA, 'chargers', stationId],
    queryFn: () =>
      call(() => api.GET('/api/v1/chargers', { params: { query: { stationId, limit: 100 } } })),
    refetchInterval,
  });

export const useCharger = (id: string, refetchInterval?: number) =>
  useQuery({
    queryKey: [AREA, 'charger', id],
    queryFn: () => call(() => api.GET('/api/v1/chargers/{id}', { params: { path: { id } } })),
    refetchInterval,
  });

export const useConnectors = (chargerId: string, refetchInterval?: number) =>
  useQuery({
    queryKey: [AREA, 'connectors', chargerId],
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/chargers/{id}/connectors', {
          params: { path: { id: chargerId }, query: { limit: 100 } },
        }),
      ),
    refetchInterval,
  });

export const useOcppLog = (chargerId: string, refetchInterval?: number) =>
  useInfiniteQuery({
    queryKey: [AREA, 'ocpp-log', chargerId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/chargers/{id}/ocpp-messages', {
          params: { path: { id: chargerId }, query: { limit: 25, ...cursor(pageParam) } },
        }),
      ),
    getNextPageParam: next,
    refetchInterval,
  });

export const useTariffs = () =>
  useInfiniteQuery({
    queryKey: [AREA, 'tariffs'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/api/v1/tariffs', { params: { query: { limit: 20, ...cursor(pageParam) } } }),
      ),
    getNextPageParam: next,
  });

/** A company's tariffs to pick from (a station's or charger's): the first 100. */
export const useCompanyTariffs = (companyId: string) =>
  useQuery({
    queryKey: [AREA, 'tariffs', 'of', companyId],
    queryFn: () =>
      call(() => api.GET('/api/v1/tariffs', { params: { query: { companyId, limit: 100 } } })),
  });

export const useTariff = (id: string) =>
  useQuery({
    queryKey: [AREA, 'tariff', id],
    queryFn: () => call(() => api.GET('/api/v1/tariffs/{id}', { params: { path: { id } } })),
  });

export type DriverView = Json<'/api/v1/charging/connectors/{id}', 'get'>;

/**
 * The connector as its QR code shows it to drivers (the public route): its price before the start,
 * tax included, computed by the server's pricing — so this page never prices anything itself.
 */
export const useDriverView = (connectorId: string) =>
  useQuery({
    queryKey: [AREA, 'driver-view', connectorId],
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/charging/connectors/{id}', { params: { path: { id: connectorId } } }),
      ),
  });

/** A QR code as a data: URL (the route needs the bearer token, and the CSP allows data: images). */
export const useConnectorQr = (connectorId: string, format: 'svg' | 'png') =>
  useQuery({
    queryKey: [AREA, 'qr', connectorId, format],
    staleTime: 3_600_000,
    queryFn: async () => {
      const blob = await call(() =>
        api.GET('/api/v1/connectors/{id}/qr', {
          params: { path: { id: connectorId }, query: { format } },
          parseAs: 'blob',
        }),
      );
      return readAsDataUrl(blob);
    },
  });

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string); // readAsDataURL: always a string
    reader.onerror = () => reject(reader.error ?? new Error('the picture could not be read'));
    reader.readAsDataURL(blob);
  });
}

/** Any change in this area: on success everything it shows is read again. */
export function useChargingChange<A, R>(send: (arg: A) => Promise<R>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void queries.invalidateQueries({ queryKey: [AREA] }),
  });
}

/** Sends one OCPP command; the answer (or the refusal) is the mutation's result. */
export function useChargerCommand(chargerId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: OcppCommand; payload: Record<string, unknown> }) =>
      call(() =>
        api.POST('/api/v1/chargers/{id}/commands', { params: { path: { id: chargerId } }, body }),
      ),
    // The exchange is in the log now, and the charger may have changed state.
    onSettled: () => void queries.invalidateQueries({ queryKey: [AREA] }),
  });
}
