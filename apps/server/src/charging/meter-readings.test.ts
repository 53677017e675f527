import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { energyRegisterWh } from './meter-readings';

describe('energyRegisterWh', () => {
  it('reads the import register in Wh or kWh, exactly, fractions of a Wh dropped', () => {
    expect(energyRegisterWh([{ value: '12345' }])).toBe(12_345n);
    expect(energyRegisterWh([{ value: '12.345', unit: 'kWh' }])).toBe(12_345n);
    expect(energyRegisterWh([{ value: '0.5', unit: 'kWh' }])).toBe(500n);
    expect(energyRegisterWh([{ value: '1234.9', unit: 'Wh' }])).toBe(1234n);
    expect(energyRegisterWh([{ value: '7.1234567', unit: 'kWh' }])).toBe(7123n);
  });

  it('skips power, SoC, per-phase, signed and unparseable samples', () => {
    expect(
      energyRegisterWh([
        { value: '7200', measurand: 'Power.Active.Import', unit: 'W' },
        { value: '55', measurand: 'SoC', unit: 'Percent' },
        { value: '100', measurand: 'Energy.Active.Import.Register', phase: 'L1' },
        { value: 'abc', format: 'SignedData' },
        { value: '-5' },
        { value: '42', measurand: 'Energy.Active.Import.Register', unit: 'kWh' },
      ]),
    ).toBe(42_000n);
    expect(energyRegisterWh([{ value: '7200', measurand: 'Power.Active.Import' }])).toBeUndefined();
  });

  it('property: a kWh reading is the same register as its Wh spelling, to the Wh', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), (wh) => {
        const kwh = `${wh / 1000n}.${(wh % 1000n).toString().padStart(3, '0')}`;
        expect(energyRegisterWh([{ value: kwh, unit: 'kWh' }])).toBe(wh);
        expect(energyRegisterWh([{ value: wh.toString() }])).toBe(wh);
      }),
    );
  });
});
