import { z } from 'zod';
import { toJsonNumber } from '../platform/money';
import {
  CAPTURE_STATUSES,
  SESSION_STATUSES,
  type ChargingSessionRow,
  type OcppTransactionRow,
} from './charging.schema';
import { energyOf, priceOf, type SessionHistory } from './session-pricing';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const num = (v: bigint | null) => (v === null ? null : toJsonNumber(v));

export const SessionTariffView = z.object({
  tariffId: z.string(),
  name: z.string(),
  /** 1/1000 of a minor unit per kWh, as tariffs are priced. */
  energyPricePerKwh: z.number().int(),
  timePricePerMinute: z.number().int(),
  idlePricePerMinute: z.number().int(),
  idleGraceMinutes: z.number().int(),
  sessionFee: z.number().int(),
  taxRateBasisPoints: z.number().int(),
  taxInclusive: z.boolean(),
  holdAmount: z.number().int(),
});

export const SessionView = z.object({
  id: z.string(),
  status: z.enum(SESSION_STATUSES),
  driverId: z.string(),
  companyId: z.string(),
  chargerId: z.string(),
  connectorId: z.string(),
  connectorNumber: z.number().int(),
  currency: z.string(),
  /** The tariff's prices frozen at the start. */
  tariff: SessionTariffView,
  ocppTransactionId: z.number().int().nullable(),
  /** Delivered so far (live while charging), final once COMPLETED. */
  energyWh: z.number().int(),
  /** The cost so far (live while charging: priceSession now), the bill once COMPLETED. */
  cost: z.number().int(),
  /** What the card is authorised for (the hold, raised by accepted increments). */
  authorizedAmount: z.number().int().nullable(),
  capturedAmount: z.number().int().nullable(),
  captureStatus: z.enum(CAPTURE_STATUSES),
  /** Why the last capture failed (flagged to the operator; retried). */
  captureError: z.string().nullable(),
  paymentId: z.string().nullable(),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  /** Why Tender asked the charger to stop: DRIVER, HOLD_LIMIT, HOLD_EXPIRY. */
  stopCause: z.string().nullable(),
  captureBefore: z.string().nullable(),
  startedAt: z.string().nullable(),
  stopRequestedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;

/** A session with its live energy and cost: from the OCPP transaction's readings until it ends. */
export function toSessionView(
  s: ChargingSessionRow,
  tx: OcppTransactionRow | null,
  now: Date,
  history: SessionHistory,
): SessionView {
  const t = s.tariff;
  const energy = s.energyWh ?? (tx ? energyOf(tx) : 0n);
  const cost =
    s.cost ?? (s.startedAt ? priceOf(s, energy, now, tx?.lastMeterAt, history).total.minor : 0n);
  return {
    id: s.id,
    status: s.status,
    driverId: s.userId,
    companyId: s.companyId,
    chargerId: s.chargerId,
    connectorId: s.connectorId,
    connectorNumber: s.connectorNumber,
    currency: s.currency,
    tariff: {
      tariffId: t.tariffId,
      name: t.name,
      energyPricePerKwh: toJsonNumber(BigInt(t.energyPricePerKwh)),
      timePricePerMinute: toJsonNumber(BigInt(t.timePricePerMinute)),
      idlePricePerMinute: toJsonNumber(BigInt(t.idlePricePerMinute)),
      idleGraceMinutes: t.idleGraceMinutes,
      sessionFee: toJsonNumber(BigInt(t.sessionFee)),
      taxRateBasisPoints: t.taxRateBasisPoints,
      taxInclusive: t.taxInclusive,
      holdAmount: toJsonNumber(BigInt(t.holdAmount)),
    },
    ocppTransactionId: s.ocppTransactionId,
    energyWh: toJsonNumber(energy),
    cost: toJsonNumber(cost),
    authorizedAmount: num(s.authorizedAmount),
    capturedAmount: num(s.capturedAmount),
    captureStatus: s.captureStatus,
    captureError: s.captureError,
    paymentId: s.paymentId,
    failureCode: s.failureCode,
    failureMessage: s.failureMessage,
    stopCause: s.stopCause,
    captureBefore: iso(s.captureBefore),
    startedAt: iso(s.startedAt),
    stopRequestedAt: iso(s.stopRequestedAt),
    endedAt: iso(s.endedAt),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export const ReceiptView = z.object({
  sessionId: z.string(),
  status: z.enum(SESSION_STATUSES),
  currency: z.string(),
  /** priceSession's lines: energy (Wh), time and idle (s), session fee, and an exclusive tax. */
  lines: z.array(
    z.object({
      kind: z.enum(['energy', 'time', 'idle', 'session_fee', 'tax']),
      /** On energy and time lines priced by a tariff period: its name. */
      period: z.string().optional(),
      quantity: z.number().int(),
      unit: z.enum(['Wh', 's', 'session', 'basis_point']),
      amount: z.number().int(),
    }),
  ),
  total: z.number().int(),
  /** The tax the total contains (inclusive tariffs) or adds (the `tax` line). */
  tax: z.number().int(),
  /** What was taken from the card (at most what was authorised); null until captured. */
  captured: z.number().int().nullable(),
  energyWh: z.number().int(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** False while the session runs: the lines are the cost so far. */
  final: z.boolean(),
});
export type ReceiptView = z.infer<typeof ReceiptView>;

export function toReceiptView(
  s: ChargingSessionRow,
  tx: OcppTransactionRow | null,
  now: Date,
  history: SessionHistory,
): ReceiptView {
  const energy = s.energyWh ?? (tx ? energyOf(tx) : 0n);
  const price = priceOf(s, energy, now, s.endedAt ?? tx?.lastMeterAt, history);
  return {
    sessionId: s.id,
    status: s.status,
    currency: s.currency,
    lines: price.lines.map((l) => ({
      kind: l.kind,
      ...(l.period !== undefined ? { period: l.period } : {}),
      quantity: toJsonNumber(l.quantity),
      unit: l.unit,
      amount: toJsonNumber(l.amount.minor),
    })),
    total: toJsonNumber(price.total.minor),
    tax: toJsonNumber(price.tax.minor),
    captured: num(s.capturedAmount),
    energyWh: toJsonNumber(energy),
    startedAt: iso(s.startedAt),
    endedAt: iso(s.endedAt),
    final: s.status === 'COMPLETED',
  };
}
