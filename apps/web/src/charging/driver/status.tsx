import { Badge } from '@chakra-ui/react';
import type { PublicConnector, SessionStatus } from './queries';

/** A connector's state as a driver reads it: can I plug in now? */
const CONNECTOR: Record<string, { label: string; palette: string }> = {
  AVAILABLE: { label: 'Available', palette: 'green' },
  PREPARING: { label: 'Plugged in', palette: 'blue' },
  CHARGING: { label: 'In use', palette: 'orange' },
  SUSPENDED_EVSE: { label: 'In use (paused)', palette: 'orange' },
  SUSPENDED_EV: { label: 'In use (car paused)', palette: 'orange' },
  FINISHING: { label: 'Finishing', palette: 'orange' },
  RESERVED: { label: 'Reserved', palette: 'purple' },
  UNAVAILABLE: { label: 'Out of service', palette: 'gray' },
  FAULTED: { label: 'Out of order', palette: 'red' },
};

export function ConnectorBadge({ connector: c }: { connector: PublicConnector }) {
  const look = !c.chargerOnline
    ? { label: 'Offline', palette: 'gray' }
    : (CONNECTOR[c.status] ?? { label: c.status, palette: 'gray' });
  return (
    <Badge colorPalette={look.palette} variant="subtle" size="lg" data-status={c.status}>
      {look.label}
    </Badge>
  );
}

const SESSION: Record<SessionStatus, { label: string; palette: string }> = {
  AUTHORIZING: { label: 'Placing the hold', palette: 'blue' },
  STARTING: { label: 'Starting', palette: 'blue' },
  CHARGING: { label: 'Charging', palette: 'green' },
  STOPPING: { label: 'Stopping', palette: 'orange' },
  COMPLETED: { label: 'Completed', palette: 'gray' },
  FAILED: { label: 'Failed', palette: 'red' },
  START_TIMED_OUT: { label: 'Did not start', palette: 'red' },
};

export function SessionBadge({ status }: { status: SessionStatus }) {
  const look = SESSION[status];
  return (
    <Badge colorPalette={look.palette} variant="subtle" data-status={status}>
      {look.label}
    </Badge>
  );
}
