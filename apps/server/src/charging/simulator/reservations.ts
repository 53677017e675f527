import type { Connector, Status } from './options';

type Params = Record<string, unknown>;
type On = (action: string, fn: (p: Params) => Record<string, unknown>) => void;

/** What the simulated charger lends its reservation handling. */
export interface ReservingCharger {
  connectors: Map<number, Connector>;
  notify(connectorId: number, status: Status): Promise<void>;
  later(work: () => Promise<void>): void;
}

/**
 * ReserveNow and CancelReservation as OCPP 1.6 §5.13/§5.2 describe them: a reserved connector is
 * `Reserved` until its expiry, a cancel or a start with the reservation's idTag; a start with any
 * other idTag is refused (see `admits`).
 */
export function handleReservations(on: On, charger: ReservingCharger): void {
  const release = (n: number) => {
    const c = charger.connectors.get(n)!;
    clearTimeout(c.reservation?.timer);
    c.reservation = undefined;
  };

  on('ReserveNow', (p) => {
    const n = Number(p.connectorId);
    const c = charger.connectors.get(n);
    if (!c) return { status: 'Rejected' };
    if (c.tx) return { status: 'Occupied' };
    if (c.status === 'Faulted') return { status: 'Faulted' };
    if (c.status === 'Unavailable') return { status: 'Unavailable' };
    // The same reservation id again replaces it (OCPP: "the Charge Point SHALL replace").
    if (c.reservation && c.reservation.id !== p.reservationId) return { status: 'Occupied' };
    if (c.status !== 'Available' && c.status !== 'Reserved') return { status: 'Occupied' };
    release(n);
    const ms = Math.max(0, Date.parse(String(p.expiryDate)) - Date.now());
    const timer = setTimeout(() => {
      release(n);
      charger.later(() => charger.notify(n, 'Available'));
    }, ms);
    timer.unref();
    c.reservation = { id: Number(p.reservationId), idTag: String(p.idTag), timer };
    charger.later(() => charger.notify(n, 'Reserved'));
    return { status: 'Accepted' };
  });

  on('CancelReservation', (p) => {
    const n = [...charger.connectors].find(([, c]) => c.reservation?.id === p.reservationId)?.[0];
    if (n === undefined) return { status: 'Rejected' };
    release(n);
    charger.later(() => charger.notify(n, 'Available'));
    return { status: 'Accepted' };
  });
}

/** Whether a remote start with `idTag` may use the connector: free, or reserved for that idTag. */
export function admits(c: Connector, idTag: string): boolean {
  if (c.tx) return false;
  if (c.reservation) return c.reservation.idTag === idTag;
  return c.status === 'Available';
}
