import { createValidator } from 'ocpp-rpc';
import schemas from 'ocpp-rpc/lib/schemas/ocpp1_6.json';
import { AppError } from '../platform/errors/app-error';

export const OCPP_PROTOCOL = 'ocpp1.6';

/** RFC 3339 date-time with the zone optional (`2026-12-03T06:00:00`, `…Z`, `…+01:00`). */
const DATE_TIME =
  '^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:?\\d{2})?$';

/** Every `format: date-time` of the schemas, as a pattern with an optional zone. */
function zoneOptional(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(zoneOptional);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'format' && value === 'date-time') out.pattern = DATE_TIME;
    else out[key] = zoneOptional(value);
  }
  return out;
}

/**
 * OCPP 1.6's official JSON schemas (as ocpp-rpc ships them), with one deliberate relaxation:
 * timestamps without a time zone are accepted, since chargers in the field send them, and read
 * as UTC by `ocppTime` (OCPP asks for UTC). Everything else is checked as the standard says.
 */
export const OCPP16_VALIDATOR = createValidator(
  OCPP_PROTOCOL,
  zoneOptional(schemas) as Parameters<typeof createValidator>[1],
);

/** A charger's timestamp as a Date: a missing zone means UTC; an impossible date is a 400. */
export function ocppTime(text: string): Date {
  const zoned = /([Zz]|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const at = new Date(zoned.replace(' ', 'T'));
  if (Number.isNaN(at.getTime()))
    throw AppError.validation(`not a valid timestamp: ${text}`, 'timestamp');
  return at;
}
