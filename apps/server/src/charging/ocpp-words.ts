import type { ConnectorStatus } from './charging.schema';

// OCPP 1.6's own words stop here: stored and served values are our UPPER_SNAKE.

const STATUSES: Record<string, ConnectorStatus> = {
  Available: 'AVAILABLE',
  Preparing: 'PREPARING',
  Charging: 'CHARGING',
  SuspendedEVSE: 'SUSPENDED_EVSE',
  SuspendedEV: 'SUSPENDED_EV',
  Finishing: 'FINISHING',
  Reserved: 'RESERVED',
  Unavailable: 'UNAVAILABLE',
  Faulted: 'FAULTED',
};

/** A ChargePointStatus (the schema has already refused anything else). */
export function toConnectorStatus(ocpp: string): ConnectorStatus {
  const ours = STATUSES[ocpp];
  if (!ours) throw new Error(`not an OCPP 1.6 status: ${ocpp}`);
  return ours;
}

/** `EVCommunicationError` → `EV_COMMUNICATION_ERROR`, `NoError` → `NO_ERROR`. */
export function upperSnake(word: string): string {
  return word
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
}
