import { Badge } from '@chakra-ui/react';
import type { ConnectorType } from './queries';

// OCPP's states and codes in words (the API serves them in upper snake: `SUSPENDED_EV`).

const STATUS_LOOK: Record<string, { label: string; palette: string; hint?: string }> = {
  AVAILABLE: { label: 'Available', palette: 'green' },
  PREPARING: { label: 'Preparing', palette: 'blue', hint: 'plugged in, not charging yet' },
  CHARGING: { label: 'Charging', palette: 'teal' },
  SUSPENDED_EVSE: { label: 'Paused by the charger', palette: 'orange' },
  SUSPENDED_EV: { label: 'Paused by the car', palette: 'orange' },
  FINISHING: { label: 'Finishing', palette: 'purple', hint: 'charging ended, still plugged in' },
  RESERVED: { label: 'Reserved', palette: 'cyan' },
  UNAVAILABLE: { label: 'Unavailable', palette: 'gray' },
  FAULTED: { label: 'Faulted', palette: 'red' },
};

const ERROR_WORDS: Record<string, string> = {
  NO_ERROR: 'No error',
  CONNECTOR_LOCK_FAILURE: 'The connector lock failed',
  EV_COMMUNICATION_ERROR: 'Cannot talk to the car',
  GROUND_FAILURE: 'Ground fault',
  HIGH_TEMPERATURE: 'Too hot',
  INTERNAL_ERROR: 'Internal error in the charger',
  LOCAL_LIST_CONFLICT: 'Conflict in the local authorization list',
  OTHER_ERROR: 'Other error (see the vendor code)',
  OVER_CURRENT_FAILURE: 'Over-current protection tripped',
  OVER_VOLTAGE: 'Voltage too high',
  POWER_METER_FAILURE: 'The power meter failed',
  POWER_SWITCH_FAILURE: 'The power switch failed',
  READER_FAILURE: 'The card reader failed',
  RESET_FAILURE: 'The reset failed',
  UNDER_VOLTAGE: 'Voltage too low',
  WEAK_SIGNAL: 'Weak wireless signal',
};

/** `SOME_WORDS` → `Some words`, for a value this page has no words of its own for. */
export const plain = (code: string) => {
  const w = code.toLowerCase().replace(/_/g, ' ');
  return w.charAt(0).toUpperCase() + w.slice(1);
};

export const statusLabel = (status: string | null | undefined) =>
  status ? (STATUS_LOOK[status]?.label ?? plain(status)) : 'Not reported yet';

export const errorLabel = (code: string | null | undefined) =>
  code ? (ERROR_WORDS[code] ?? plain(code)) : 'No error';

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const look = status ? STATUS_LOOK[status] : undefined;
  return (
    <Badge
      colorPalette={look?.palette ?? 'gray'}
      variant="subtle"
      data-status={status ?? 'NONE'}
      title={look?.hint}
    >
      {statusLabel(status)}
    </Badge>
  );
}

export function OnlineBadge({ online }: { online: boolean }) {
  return (
    <Badge colorPalette={online ? 'green' : 'gray'} variant="outline" data-online={online}>
      {online ? 'Online' : 'Offline'}
    </Badge>
  );
}

export const CONNECTOR_TYPE_LABEL: Record<ConnectorType, string> = {
  TYPE_1: 'Type 1 (J1772)',
  TYPE_2: 'Type 2',
  CCS_1: 'CCS Combo 1',
  CCS_2: 'CCS Combo 2',
  CHADEMO: 'CHAdeMO',
  NACS: 'NACS',
  GB_T: 'GB/T',
  SCHUKO: 'Schuko',
};
export const CONNECTOR_TYPES = Object.keys(CONNECTOR_TYPE_LABEL) as ConnectorType[];

export const connectorTypeLabel = (t: string | null) =>
  t ? (CONNECTOR_TYPE_LABEL[t as ConnectorType] ?? t) : 'Type not described';

/** Watts as a person reads them: 22 kW, 7.4 kW, 3 680 W. */
export function powerLabel(watts: number | null): string {
  if (watts === null) return 'Power not described';
  if (watts < 1000) return `${watts} W`;
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(watts / 1000)} kW`;
}
