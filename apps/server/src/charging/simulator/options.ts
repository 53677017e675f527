/** The simulated charger's options and state (charger.ts runs them). */
export interface SimulatorOptions {
  /** The server, `ws://host:port` (or `http://`); `/ocpp` is added when missing. */
  url: string;
  chargePointId: string;
  /** HTTP Basic password (security profile 1), when the charger has one. */
  password?: string;
  connectors: number;
  powerKw: number;
  meterIntervalMs: number;
  /**
   * The car is full after this many Wh in a transaction: the connector goes SuspendedEV and the
   * meter stops, the transaction open (idle) until the stop. Absent: it draws until stopped.
   */
  evFullAfterWh?: number;
  /** Things real chargers do that the central system must survive. */
  misbehave?: {
    /** Send every StopTransaction twice. */
    duplicateStop?: boolean;
    /** Send one more MeterValues for a transaction after its StopTransaction. */
    lateMeterValues?: boolean;
    /** Drop the connection after a session's first MeterValues and reconnect (mid-session). */
    dropAndReconnect?: boolean;
  };
  /** Where human-readable progress goes (the CLI prints it). */
  log?: (line: string) => void;
}

export type Status =
  | 'Available'
  | 'Preparing'
  | 'Charging'
  | 'Finishing'
  | 'Reserved'
  | 'Unavailable'
  | 'SuspendedEV'
  | 'Faulted';

export interface Connector {
  status: Status;
  /** The meter register in Wh, kept fractional; sent rounded. */
  meterWh: number;
  tx?: {
    id: number;
    idTag: string;
    timer?: NodeJS.Timeout;
    samples: number;
    /** The meter at the start (for evFullAfterWh). */
    meterStartWh: number;
  };
  /** A ReserveNow in force: only a start with its idTag may use the connector until it ends. */
  reservation?: { id: number; idTag: string; timer: NodeJS.Timeout };
}

/** What the charger sent and what it got back; emitted as `sent` for every answered call. */
export interface SentCall {
  action: string;
  payload: Record<string, unknown>;
  result: Record<string, unknown>;
}
