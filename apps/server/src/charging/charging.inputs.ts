import { z } from 'zod';
import { AmountSchema, CurrencySchema, MAX_AMOUNT } from '../platform/money';
import { PageQuery } from '../platform/http/pagination';
import { CONNECTOR_TYPES } from './charging.schema';
import { overlappingPeriods } from './tariff-periods';
import { toTariffPeriod } from './tariff-pricing';
import { OCPP_COMMANDS } from './ocpp-commands';

// The request schemas of charging's API, shared by its controllers.

export const Id = z.string().min(1).max(64);
const Name = z.string().trim().min(1).max(200);

/** Any IANA zone the runtime knows (`Europe/Berlin`, `UTC`). */
const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be an IANA time zone such as Europe/Berlin' },
  );

const atLeastOne = <T extends z.ZodObject>(schema: T) =>
  schema.refine((b) => Object.keys(b).length > 0, { message: 'Send at least one field to change' });

const StationFields = {
  name: Name,
  address: z.string().trim().min(1).max(500),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  timeZone: TimeZone,
  tariffId: Id.nullable().optional(),
};
export const CreateStation = z.strictObject({ ...StationFields, companyId: Id.optional() });
export const PatchStation = atLeastOne(z.strictObject(StationFields).partial());

/**
 * 1/1000 of a minor unit, bounded like every price by MAX_AMOUNT: up to 99 999.999 minor units
 * (€999.99) per kWh or minute.
 */
const PrecisePrice = z
  .number()
  .int()
  .min(0)
  .max(MAX_AMOUNT)
  .transform((v) => BigInt(v));
const Fee = z
  .number()
  .int()
  .min(0)
  .max(MAX_AMOUNT)
  .transform((v) => BigInt(v));
/** `HH:MM` local time as minutes after midnight; `24:00` ends a period at midnight. */
const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM (00:00 to 24:00)')
  .transform((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
const Period = z
  .strictObject({
    name: z.string().trim().min(1).max(40),
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: LocalTime,
    end: LocalTime,
    energyPricePerKwh: PrecisePrice,
    timePricePerMinute: PrecisePrice.optional(),
  })
  .refine((p) => p.start % 1440 !== p.end % 1440, {
    message: 'start and end must differ',
    path: ['end'],
  })
  .transform((p) => ({
    name: p.name,
    days: [...new Set(p.days)].sort(),
    startMinute: p.start % 1440,
    endMinute: p.end % 1440,
    energyPricePerKwh: Number(p.energyPricePerKwh),
    timePricePerMinute: Number(p.timePricePerMinute ?? 0n),
  }));
const Periods = z
  .array(Period)
  .max(24)
  .superRefine((periods, ctx) => {
    // Zod still runs this check when an element had issues (untransformed then): skip, they are
    // reported already.
    if (periods.some((p) => typeof p.startMinute !== 'number')) return;
    const clash = overlappingPeriods(periods.map(toTariffPeriod('eur')));
    if (clash)
      ctx.addIssue({
        code: 'custom',
        message: `periods ${clash[0]} and ${clash[1]} overlap`,
        path: [clash[1]],
      });
  });

const TariffFields = {
  name: Name,
  currency: CurrencySchema,
  energyPricePerKwh: PrecisePrice,
  timePricePerMinute: PrecisePrice.optional(),
  idlePricePerMinute: PrecisePrice.optional(),
  idleGraceMinutes: z.number().int().min(0).max(1440).optional(),
  sessionFee: Fee.optional(),
  taxRateBasisPoints: z.number().int().min(0).max(10_000).optional(),
  taxInclusive: z.boolean().optional(),
  holdAmount: AmountSchema.transform((v) => BigInt(v)),
  /** Time-of-day prices for energy and time, in the station's time zone; none by default. */
  periods: Periods.optional(),
};
export const CreateTariff = z.strictObject({ ...TariffFields, companyId: Id.optional() });
// The currency is fixed once created: sessions and their payments are in it.
const { currency: _currency, ...PatchableTariff } = TariffFields;
export const PatchTariff = atLeastOne(z.strictObject(PatchableTariff).partial());

/** OCPP 1.6's chargeBoxIdentity: up to 48 characters, safe in a URL path segment. */
export const OcppId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,48}$/, 'letters, digits and . _ : - only, at most 48');
/** Security profile 1: 16–40 printable ASCII characters (OCPP 1.6 security whitepaper). */
const ChargerPassword = z
  .string()
  .min(16)
  .max(40)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');
export const CreateCharger = z.strictObject({
  stationId: Id,
  ocppId: OcppId,
  password: ChargerPassword.optional(),
  tariffId: Id.optional(),
});
export const PatchCharger = atLeastOne(
  z
    .strictObject({
      stationId: Id,
      ocppId: OcppId,
      password: ChargerPassword.nullable(),
      tariffId: Id.nullable(),
    })
    .partial(),
);

const ConnectorFields = {
  type: z.enum(CONNECTOR_TYPES),
  /** Watts: 1 W to 1 MW. */
  maxPowerW: z.number().int().min(1).max(1_000_000),
};
export const CreateConnector = z.strictObject({
  connectorId: z.number().int().min(1).max(99),
  ...ConnectorFields,
});
export const PatchConnector = atLeastOne(z.strictObject(ConnectorFields).partial());

export const CompanyListQuery = PageQuery.extend({ companyId: Id.optional() });
export const ChargerListQuery = PageQuery.extend({ stationId: Id.optional() });

/** The payload is checked against OCPP 1.6's schema for the action by OcppCommands. */
export const CommandBody = z.strictObject({
  action: z.enum(OCPP_COMMANDS),
  payload: z.record(z.string(), z.unknown()).default({}),
});
