import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { companies, users } from '../identity/identity.schema';
import { money, ts } from '../platform/database/columns';

/**
 * OCPP 1.6's ChargePointStatus, spelt as our enums are (UPPER_SNAKE); the OCPP words
 * (`SuspendedEV`) stop at the gateway (ocpp-words.ts).
 */
export const CONNECTOR_STATUSES = [
  'AVAILABLE',
  'PREPARING',
  'CHARGING',
  'SUSPENDED_EVSE',
  'SUSPENDED_EV',
  'FINISHING',
  'RESERVED',
  'UNAVAILABLE',
  'FAULTED',
] as const;
export type ConnectorStatus = (typeof CONNECTOR_STATUSES)[number];
export const connectorStatus = pgEnum('connector_status', CONNECTOR_STATUSES);

export const CONNECTOR_TYPES = [
  'TYPE_1',
  'TYPE_2',
  'CCS_1',
  'CCS_2',
  'CHADEMO',
  'NACS',
  'GB_T',
  'SCHUKO',
] as const;
export type ConnectorType = (typeof CONNECTOR_TYPES)[number];
export const connectorType = pgEnum('connector_type', CONNECTOR_TYPES);

const timestamps = {
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  deletedAt: ts('deleted_at'),
};

/** A tariff period as stored: minutes after local midnight, ISO weekdays 1–7. */
export interface StoredPeriod {
  name: string;
  days: number[];
  startMinute: number;
  endMinute: number;
  energyPricePerKwh: number;
  timePricePerMinute: number;
}

/**
 * What a session costs (pricing.ts prices it). Unit prices are in 1/1000 of a minor unit
 * (`PrecisePrice` at the default scale): €0.3249/kWh is 32 490.
 */
export const tariffs = pgTable(
  'tariffs',
  {
    id: text('id').primaryKey(),
    companyId: text('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    energyPricePerKwh: bigint('energy_price_per_kwh', { mode: 'bigint' }).notNull(),
    timePricePerMinute: bigint('time_price_per_minute', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    idlePricePerMinute: bigint('idle_price_per_minute', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    idleGraceMinutes: integer('idle_grace_minutes').notNull().default(0),
    sessionFee: money('session_fee')
      .notNull()
      .default(sql`0`),
    /** 1900 = 19 %. */
    taxRateBasisPoints: integer('tax_rate_basis_points').notNull().default(0),
    taxInclusive: boolean('tax_inclusive').notNull().default(true),
    /** Minor units held on the card at the start. */
    holdAmount: money('hold_amount').notNull(),
    /**
     * Time-of-day prices (`StoredPeriod`, validated on the way in: at most 24, none overlapping);
     * prices in the same 1/1000 of a minor unit, as JSON numbers (all ≤ MAX_AMOUNT).
     */
    periods: jsonb('periods').$type<StoredPeriod[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [
    check('tariffs_currency_iso', sql`${t.currency} ~ '^[a-z]{3}$'`),
    check(
      'tariffs_prices_non_negative',
      sql`${t.energyPricePerKwh} >= 0 AND ${t.timePricePerMinute} >= 0 AND ${t.idlePricePerMinute} >= 0 AND ${t.sessionFee} >= 0`,
    ),
    check('tariffs_hold_positive', sql`${t.holdAmount} > 0`),
    check('tariffs_grace_range', sql`${t.idleGraceMinutes} BETWEEN 0 AND 1440`),
    check('tariffs_tax_range', sql`${t.taxRateBasisPoints} BETWEEN 0 AND 10000`),
    index('tariffs_company_idx').on(t.companyId, t.id),
  ],
);

export const stations = pgTable(
  'stations',
  {
    id: text('id').primaryKey(),
    companyId: text('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** IANA name (`Europe/Berlin`): local times on receipts and tariff periods. */
    timeZone: text('time_zone').notNull(),
    /** The station's tariff; a charger may have its own. */
    tariffId: text('tariff_id').references(() => tariffs.id),
    ...timestamps,
  },
  (t) => [
    check('stations_latitude_range', sql`${t.latitude} BETWEEN -90 AND 90`),
    check('stations_longitude_range', sql`${t.longitude} BETWEEN -180 AND 180`),
    index('stations_company_idx').on(t.companyId, t.id),
  ],
);

/**
 * One OCPP charge point. Its identity (`ocpp_id`, the last path segment it connects to) is unique
 * among live chargers; vendor, model, serial and firmware are what its BootNotification said.
 * `company_id` is the station's, copied so ownership checks need no join.
 */
export const chargers = pgTable(
  'chargers',
  {
    id: text('id').primaryKey(),
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id),
    companyId: text('company_id')
      .notNull()
      .references(() => companies.id),
    ocppId: text('ocpp_id').notNull(),
    /** argon2id of the HTTP Basic password (security profile 1); null: no password asked. */
    passwordHash: text('password_hash'),
    tariffId: text('tariff_id').references(() => tariffs.id),
    vendor: text('vendor'),
    model: text('model'),
    serialNumber: text('serial_number'),
    firmwareVersion: text('firmware_version'),
    lastBootAt: ts('last_boot_at'),
    lastHeartbeatAt: ts('last_heartbeat_at'),
    online: boolean('online').notNull().default(false),
    /**
     * Presence (charger-presence.ts): the node holding the charger's OCPP socket and that socket's
     * id, set on connect, cleared on close only while they still name that socket; null: offline.
     */
    nodeId: text('node_id'),
    connectionId: text('connection_id'),
    /** Status of connector 0 (the charger itself), from StatusNotification. */
    status: connectorStatus('status'),
    errorCode: text('error_code'),
    /** The last FirmwareStatusNotification (`DOWNLOADING`, `INSTALLED`, …) and when it came. */
    firmwareStatus: text('firmware_status'),
    firmwareStatusAt: ts('firmware_status_at'),
    /** The last DiagnosticsStatusNotification (`UPLOADING`, `UPLOADED`, …) and when it came. */
    diagnosticsStatus: text('diagnostics_status'),
    diagnosticsStatusAt: ts('diagnostics_status_at'),
    ...timestamps,
  },
  (t) => [
    check('chargers_ocpp_id_format', sql`${t.ocppId} ~ '^[A-Za-z0-9._:-]{1,48}$'`),
    uniqueIndex('chargers_ocpp_id_live_idx')
      .on(t.ocppId)
      .where(sql`${t.deletedAt} IS NULL`),
    index('chargers_station_idx').on(t.stationId, t.id),
    index('chargers_company_idx').on(t.companyId, t.id),
    // A node starting again under its NODE_ID clears what its previous run held.
    index('chargers_node_idx')
      .on(t.nodeId)
      .where(sql`${t.nodeId} IS NOT NULL`),
  ],
);

/**
 * A connector (OCPP connectorId ≥ 1) of a charger. Type and power are described by the operator;
 * a connector the charger reports before anyone described it is created with both null.
 */
export const connectors = pgTable(
  'connectors',
  {
    id: text('id').primaryKey(),
    chargerId: text('charger_id')
      .notNull()
      .references(() => chargers.id),
    companyId: text('company_id')
      .notNull()
      .references(() => companies.id),
    connectorId: integer('connector_id').notNull(),
    type: connectorType('type'),
    maxPowerW: integer('max_power_w'),
    status: connectorStatus('status').notNull().default('UNAVAILABLE'),
    /** OCPP's ChargePointErrorCode in UPPER_SNAKE (`NO_ERROR`, `GROUND_FAILURE`, …). */
    errorCode: text('error_code').notNull().default('NO_ERROR'),
    vendorErrorCode: text('vendor_error_code'),
    info: text('info'),
    statusAt: ts('status_at'),
    ...timestamps,
  },
  (t) => [
    check('connectors_connector_id_positive', sql`${t.connectorId} >= 1`),
    check('connectors_power_positive', sql`${t.maxPowerW} IS NULL OR ${t.maxPowerW} > 0`),
    uniqueIndex('connectors_charger_number_live_idx')
      .on(t.chargerId, t.connectorId)
      .where(sql`${t.deletedAt} IS NULL`),
    index('connectors_company_idx').on(t.companyId, t.id),
  ],
);

export const OCPP_DIRECTIONS = ['IN', 'OUT'] as const;
export const ocppDirection = pgEnum('ocpp_direction', OCPP_DIRECTIONS);

/**
 * Every OCPP frame to and from a charger, as sent: CALL, CALLRESULT and CALLERROR, in order, for
 * the operator's log and for diagnosing a charger. Append-only.
 */
export const ocppMessages = pgTable(
  'ocpp_messages',
  {
    id: text('id').primaryKey(),
    chargerId: text('charger_id')
      .notNull()
      .references(() => chargers.id),
    direction: ocppDirection('direction').notNull(),
    /** The frame, parsed; a frame that is not JSON is kept as a string. */
    frame: jsonb('frame').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [index('ocpp_messages_charger_idx').on(t.chargerId, t.id)],
);

export const OCPP_TRANSACTION_STATUSES = ['ACTIVE', 'STOPPED'] as const;
export const ocppTransactionStatus = pgEnum('ocpp_transaction_status', OCPP_TRANSACTION_STATUSES);

/**
 * A charger's OCPP transaction, as its StartTransaction, MeterValues and StopTransaction told it.
 * The id is the transactionId we assign (OCPP 1.6: the central system's); the idTag is the only
 * link to whoever started it. Energy is `meter_stop − meter_start` in Wh.
 */
export const ocppTransactions = pgTable(
  'ocpp_transactions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    chargerId: text('charger_id')
      .notNull()
      .references(() => chargers.id),
    companyId: text('company_id')
      .notNull()
      .references(() => companies.id),
    connectorId: integer('connector_id').notNull(),
    idTag: text('id_tag').notNull(),
    /** What we answered in idTagInfo (`ACCEPTED`, `INVALID`, …). */
    idTagStatus: text('id_tag_status').notNull(),
    status: ocppTransactionStatus('status').notNull().default('ACTIVE'),
    meterStartWh: bigint('meter_start_wh', { mode: 'bigint' }).notNull(),
    startedAt: ts('started_at').notNull(),
    /** The latest Energy.Active.Import.Register reading while active, and when it was taken. */
    lastMeterWh: bigint('last_meter_wh', { mode: 'bigint' }),
    lastMeterAt: ts('last_meter_at'),
    meterStopWh: bigint('meter_stop_wh', { mode: 'bigint' }),
    stoppedAt: ts('stopped_at'),
    stopReason: text('stop_reason'),
    energyWh: bigint('energy_wh', { mode: 'bigint' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    // A StartTransaction resent (its answer lost) is the same transaction, not a second one.
    uniqueIndex('ocpp_transactions_start_idx').on(t.chargerId, t.connectorId, t.startedAt, t.idTag),
    index('ocpp_transactions_charger_idx').on(t.chargerId, t.id),
    check(
      'ocpp_transactions_energy_non_negative',
      sql`${t.energyWh} IS NULL OR ${t.energyWh} >= 0`,
    ),
  ],
);

export const RESERVATION_STATUSES = [
  /** Asked of the charger; not answered yet. */
  'PENDING',
  'ACTIVE',
  /** The charger refused it (Occupied, Faulted, Unavailable, Rejected) or never answered. */
  'FAILED',
  'CANCELLED',
  'EXPIRED',
  /** A session started on it. */
  'USED',
] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
export const reservationStatus = pgEnum('reservation_status', RESERVATION_STATUSES);

/**
 * A driver's hold on a connector for some minutes (OCPP 1.6 ReserveNow). The reservation id the
 * charger knows is ours (an integer, as OCPP wants); the idTag is a one-off, which the driver's
 * session then starts with, so the charger lets only that session use the connector. At most one
 * live (pending or active) reservation per connector and per driver.
 */
export const reservations = pgTable(
  'reservations',
  {
    id: text('id').primaryKey(),
    ocppReservationId: integer('ocpp_reservation_id').notNull().generatedAlwaysAsIdentity(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    companyId: text('company_id')
      .notNull()
      .references(() => companies.id),
    chargerId: text('charger_id')
      .notNull()
      .references(() => chargers.id),
    connectorId: text('connector_id')
      .notNull()
      .references(() => connectors.id),
    idTag: text('id_tag').notNull(),
    status: reservationStatus('status').notNull().default('PENDING'),
    /** The charger's ReserveNow answer when it was not Accepted (`OCCUPIED`, …). */
    failureCode: text('failure_code'),
    expiresAt: ts('expires_at').notNull(),
    /** The driver's Idempotency-Key: a replay is the same reservation. */
    requestKey: text('request_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reservations_ocpp_id_idx').on(t.ocppReservationId),
    uniqueIndex('reservations_live_connector_idx')
      .on(t.connectorId)
      .where(sql`${t.status} IN ('PENDING', 'ACTIVE')`),
    uniqueIndex('reservations_live_user_idx')
      .on(t.userId)
      .where(sql`${t.status} IN ('PENDING', 'ACTIVE')`),
    uniqueIndex('reservations_request_key_idx').on(t.userId, t.requestKey),
    index('reservations_company_idx').on(t.companyId, t.id),
    index('reservations_user_idx').on(t.userId, t.id),
    index('reservations_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'ACTIVE'`),
  ],
);
export type ReservationRow = typeof reservations.$inferSelect;

export type TariffRow = typeof tariffs.$inferSelect;
export type OcppTransactionRow = typeof ocppTransactions.$inferSelect;
export type StationRow = typeof stations.$inferSelect;
export type ChargerRow = typeof chargers.$inferSelect;
export type ConnectorRow = typeof connectors.$inferSelect;
export type OcppMessageRow = typeof ocppMessages.$inferSelect;

/**
 * A driver's charging session (the seed's ChargingSession): from the start request through the
 * hold, the remote start, the OCPP transaction, the stop, to the capture.
 *
 *   AUTHORIZING → STARTING → CHARGING → STOPPING → COMPLETED
 *        ↘ FAILED   ↘ FAILED | START_TIMED_OUT  ↘ (a StopTransaction ends CHARGING too)
 */
export const SESSION_STATUSES = [
  /** Row made, the hold being placed (outside any transaction). */
  'AUTHORIZING',
  /** Hold placed, RemoteStartTransaction accepted; waiting for the charger's StartTransaction. */
  'STARTING',
  'CHARGING',
  /** RemoteStopTransaction accepted; waiting for the StopTransaction. */
  'STOPPING',
  /** The charger's StopTransaction came: energy and cost final; the capture follows (capture_status). */
  'COMPLETED',
  /** No hold (card declined), or the charger refused or was unreachable for the remote start. */
  'FAILED',
  /** The StartTransaction never came in time: the hold is released. */
  'START_TIMED_OUT',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const sessionStatus = pgEnum('charging_session_status', SESSION_STATUSES);

/** Statuses that hold a connector: at most one such session per connector (a unique index). */
export const LIVE_SESSION_STATUSES = ['AUTHORIZING', 'STARTING', 'CHARGING', 'STOPPING'] as const;

/**
 * What happens to the hold after the session: NONE while it runs; PENDING once completed (the
 * capture job is queued); CAPTURED, RELEASED (zero cost, or no start); FAILED while a capture
 * keeps failing (flagged to the operator, retried).
 */
export const CAPTURE_STATUSES = ['NONE', 'PENDING', 'CAPTURED', 'RELEASED', 'FAILED'] as const;
export type CaptureStatus = (typeof CAPTURE_STATUSES)[number];
export const captureStatus = pgEnum('charging_capture_status', CAPTURE_STATUSES);

/** The tariff's prices frozen at the start (bigints as decimal strings): a later edit never reprices. */
export interface TariffSnapshot {
  tariffId: string;
  name: string;
  currency: string;
  energyPricePerKwh: string;
  timePricePerMinute: string;
  idlePricePerMinute: string;
  idleGraceMinutes: number;
  sessionFee: string;
  taxRateBasisPoints: number;
  taxInclusive: boolean;
  holdAmount: string;
  /** Time-of-day periods, as the tariff stores them, and the station's zone they are read in. */
  periods: StoredPeriod[];
  timeZone: string;
}

export const chargingSessions = pgTable(
  'charging_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    companyId: text('company_id')
      .notNull()
      .references(() => companies.id),
    chargerId: text('charger_id')
      .notNull()
      .references(() => chargers.id),
    connectorId: text('connector_id')
      .notNull()
      .references(() => connectors.id),
    /** The connector's OCPP number on its charger (1, 2, …), as RemoteStart names it. */
    connectorNumber: integer('connector_number').notNull(),
    tariff: jsonb('tariff').$type<TariffSnapshot>().notNull(),
    currency: text('currency').notNull(),
    /** The platform's fee on this session's revenue, frozen at the start (CHARGING_FEE_BPS). */
    feeBps: integer('fee_bps').notNull(),
    /** The one-off idTag of the remote start (≤ 20 characters, OCPP's IdToken). */
    idTag: text('id_tag').notNull(),
    ocppTransactionId: integer('ocpp_transaction_id').references(() => ocppTransactions.id),
    status: sessionStatus('status').notNull().default('AUTHORIZING'),
    paymentId: text('payment_id'),
    /** What the card is authorised for now: the hold, raised by accepted increments. */
    authorizedAmount: money('authorized_amount'),
    /** The hold must be captured before this (the provider's `capture_before`), when known. */
    captureBefore: ts('capture_before'),
    energyWh: bigint('energy_wh', { mode: 'bigint' }),
    /** The bill at the stop (priceSession's total). */
    cost: money('cost'),
    /** What was captured: min(cost, authorized). */
    capturedAmount: money('captured_amount'),
    captureStatus: captureStatus('capture_status').notNull().default('NONE'),
    captureError: text('capture_error'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    /** Why we asked the charger to stop: DRIVER, HOLD_LIMIT, HOLD_EXPIRY. */
    stopCause: text('stop_cause'),
    /** The Idempotency-Key of the start request, unique per driver: a replay is this session. */
    requestKey: text('request_key'),
    startedAt: ts('started_at'),
    stopRequestedAt: ts('stop_requested_at'),
    endedAt: ts('ended_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('charging_sessions_user_request_key').on(t.userId, t.requestKey),
    uniqueIndex('charging_sessions_id_tag_key').on(t.idTag),
    uniqueIndex('charging_sessions_ocpp_transaction_key').on(t.ocppTransactionId),
    // Two drivers starting on one connector at once: exactly one insert wins.
    uniqueIndex('charging_sessions_live_connector_key')
      .on(t.connectorId)
      .where(sql`${t.status} IN ('AUTHORIZING', 'STARTING', 'CHARGING', 'STOPPING')`),
    index('charging_sessions_user_idx').on(t.userId, t.id),
    index('charging_sessions_company_idx').on(t.companyId, t.id),
    index('charging_sessions_status_idx').on(t.status, t.updatedAt),
    // The daily stats: a station's chargers' completed sessions by when they ended.
    index('charging_sessions_completed_idx')
      .on(t.chargerId, t.endedAt)
      .where(sql`${t.status} = 'COMPLETED'`),
    index('charging_sessions_capture_idx')
      .on(t.captureStatus, t.updatedAt)
      .where(sql`${t.captureStatus} IN ('PENDING', 'FAILED')`),
    check('charging_sessions_currency_iso', sql`${t.currency} ~ '^[a-z]{3}$'`),
    check('charging_sessions_id_tag_length', sql`length(${t.idTag}) BETWEEN 1 AND 20`),
    check('charging_sessions_fee_range', sql`${t.feeBps} BETWEEN 0 AND 10000`),
    check(
      'charging_sessions_amounts_non_negative',
      sql`coalesce(${t.cost}, 0) >= 0 AND coalesce(${t.capturedAmount}, 0) >= 0 AND coalesce(${t.energyWh}, 0) >= 0`,
    ),
    check(
      'charging_sessions_capture_within_authorized',
      sql`${t.capturedAmount} IS NULL OR ${t.capturedAmount} <= ${t.authorizedAmount}`,
    ),
  ],
);

export type ChargingSessionRow = typeof chargingSessions.$inferSelect;
