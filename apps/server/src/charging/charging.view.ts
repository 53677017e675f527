import { z } from 'zod';
import { toJsonNumber } from '../platform/money';
import type { ChargerRow, ConnectorRow, StationRow, TariffRow } from './charging.schema';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const TariffPeriodView = z.object({
  name: z.string(),
  /** ISO weekdays, 1 = Monday. */
  days: z.array(z.number().int()),
  start: z.string(),
  end: z.string(),
  energyPricePerKwh: z.number().int(),
  timePricePerMinute: z.number().int(),
});

export const TariffView = z.object({
  id: z.string(),
  companyId: z.string(),
  name: z.string(),
  currency: z.string(),
  /** 1/1000 of a minor unit per kWh. */
  energyPricePerKwh: z.number().int(),
  timePricePerMinute: z.number().int(),
  idlePricePerMinute: z.number().int(),
  idleGraceMinutes: z.number().int(),
  sessionFee: z.number().int(),
  taxRateBasisPoints: z.number().int(),
  taxInclusive: z.boolean(),
  holdAmount: z.number().int(),
  /** Time-of-day prices; `start`/`end` local `HH:MM`, an end before the start runs past midnight. */
  periods: z.array(TariffPeriodView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TariffView = z.infer<typeof TariffView>;

export const toTariffView = (t: TariffRow): TariffView => ({
  id: t.id,
  companyId: t.companyId,
  name: t.name,
  currency: t.currency,
  energyPricePerKwh: toJsonNumber(t.energyPricePerKwh),
  timePricePerMinute: toJsonNumber(t.timePricePerMinute),
  idlePricePerMinute: toJsonNumber(t.idlePricePerMinute),
  idleGraceMinutes: t.idleGraceMinutes,
  sessionFee: toJsonNumber(t.sessionFee),
  taxRateBasisPoints: t.taxRateBasisPoints,
  taxInclusive: t.taxInclusive,
  holdAmount: toJsonNumber(t.holdAmount),
  periods: t.periods.map((p) => ({
    name: p.name,
    days: p.days,
    start: hhmm(p.startMinute),
    end: hhmm(p.endMinute),
    energyPricePerKwh: p.energyPricePerKwh,
    timePricePerMinute: p.timePricePerMinute,
  })),
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

export const StationView = z.object({
  id: z.string(),
  companyId: z.string(),
  name: z.string(),
  address: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  timeZone: z.string(),
  tariffId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StationView = z.infer<typeof StationView>;

export const toStationView = (s: StationRow): StationView => ({
  id: s.id,
  companyId: s.companyId,
  name: s.name,
  address: s.address,
  latitude: s.latitude,
  longitude: s.longitude,
  timeZone: s.timeZone,
  tariffId: s.tariffId,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

export const ChargerView = z.object({
  id: z.string(),
  stationId: z.string(),
  companyId: z.string(),
  ocppId: z.string(),
  /** Whether the charger must authenticate with HTTP Basic; the password is never shown. */
  hasPassword: z.boolean(),
  tariffId: z.string().nullable(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  serialNumber: z.string().nullable(),
  firmwareVersion: z.string().nullable(),
  lastBootAt: z.string().nullable(),
  lastHeartbeatAt: z.string().nullable(),
  online: z.boolean(),
  status: z.string().nullable(),
  errorCode: z.string().nullable(),
  /** What the last FirmwareStatusNotification said (after an UpdateFirmware), and when. */
  firmwareStatus: z.string().nullable(),
  firmwareStatusAt: z.string().nullable(),
  /** What the last DiagnosticsStatusNotification said (after a GetDiagnostics), and when. */
  diagnosticsStatus: z.string().nullable(),
  diagnosticsStatusAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChargerView = z.infer<typeof ChargerView>;

export const toChargerView = (c: ChargerRow): ChargerView => ({
  id: c.id,
  stationId: c.stationId,
  companyId: c.companyId,
  ocppId: c.ocppId,
  hasPassword: c.passwordHash !== null,
  tariffId: c.tariffId,
  vendor: c.vendor,
  model: c.model,
  serialNumber: c.serialNumber,
  firmwareVersion: c.firmwareVersion,
  lastBootAt: iso(c.lastBootAt),
  lastHeartbeatAt: iso(c.lastHeartbeatAt),
  online: c.online,
  status: c.status,
  errorCode: c.errorCode,
  firmwareStatus: c.firmwareStatus,
  firmwareStatusAt: iso(c.firmwareStatusAt),
  diagnosticsStatus: c.diagnosticsStatus,
  diagnosticsStatusAt: iso(c.diagnosticsStatusAt),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export const ConnectorView = z.object({
  id: z.string(),
  chargerId: z.string(),
  companyId: z.string(),
  connectorId: z.number().int(),
  type: z.string().nullable(),
  maxPowerW: z.number().int().nullable(),
  status: z.string(),
  errorCode: z.string(),
  vendorErrorCode: z.string().nullable(),
  info: z.string().nullable(),
  statusAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConnectorView = z.infer<typeof ConnectorView>;

export const toConnectorView = (c: ConnectorRow): ConnectorView => ({
  id: c.id,
  chargerId: c.chargerId,
  companyId: c.companyId,
  connectorId: c.connectorId,
  type: c.type,
  maxPowerW: c.maxPowerW,
  status: c.status,
  errorCode: c.errorCode,
  vendorErrorCode: c.vendorErrorCode,
  info: c.info,
  statusAt: iso(c.statusAt),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});
