/**
 * How the operator's pages stay live: the one seam between them and the source of charger news.
 * Today that is polling — every query showing a charger's state asks again at this interval. When
 * the server's event stream (`GET /api/v1/chargers/events`, read with fetch streaming and the
 * bearer token) lands, this hook subscribes to it, writes what it says into the query cache and
 * returns `false` while the stream is healthy, and the interval again when it is not: polling as
 * the fallback. No page changes.
 */
export const POLL_MS = 5_000;

export function useChargerLive(): number | false {
  return POLL_MS;
}
