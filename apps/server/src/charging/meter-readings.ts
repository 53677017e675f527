/**
 * OCPP 1.6 MeterValues as integers: the energy register in Wh, from a decimal string in Wh or kWh
 * (`"12.345"` kWh = 12 345 Wh), exactly — no float ever holds a reading. A fraction of a Wh is
 * dropped (the register counts up; rounding down never bills energy not yet delivered).
 */

export interface SampledValue {
  value: string;
  measurand?: string;
  unit?: string;
  context?: string;
  phase?: string;
  format?: string;
}

const ENERGY = 'Energy.Active.Import.Register';
const DECIMAL = /^\s*(\d+)(?:\.(\d+))?\s*$/;

/** `"12.345"` × 10^`exponent`, truncated to an integer; undefined if not a plain non-negative decimal. */
function scaledDecimal(text: string, exponent: number): bigint | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const fraction = (m[2] ?? '').padEnd(exponent, '0').slice(0, exponent);
  return BigInt(m[1]! + fraction);
}

/**
 * The energy register among a meter value's samples, in Wh: the sample whose measurand is the
 * import register (the default when none is named), total rather than per phase, unit Wh (the
 * default) or kWh. Undefined when there is none (a sample of power or SoC only) or it is signed
 * data rather than a number.
 */
export function energyRegisterWh(samples: readonly SampledValue[]): bigint | undefined {
  for (const s of samples) {
    if ((s.measurand ?? ENERGY) !== ENERGY || s.phase !== undefined) continue;
    if (s.format === 'SignedData') continue;
    const unit = s.unit ?? 'Wh';
    if (unit !== 'Wh' && unit !== 'kWh') continue;
    const wh = scaledDecimal(s.value, unit === 'kWh' ? 3 : 0);
    if (wh !== undefined) return wh;
  }
  return undefined;
}
