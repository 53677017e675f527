import type { Connector } from './options';

/** One MeterValues entry: the register in Wh and the power drawn (none unless Charging). */
export function meterValue(c: Connector, powerKw: number, at: Date) {
  return [
    {
      timestamp: at.toISOString(),
      sampledValue: [
        {
          value: String(Math.round(c.meterWh)),
          context: 'Sample.Periodic',
          measurand: 'Energy.Active.Import.Register',
          unit: 'Wh',
        },
        {
          value: String(c.status === 'Charging' ? powerKw * 1000 : 0),
          measurand: 'Power.Active.Import',
          unit: 'W',
        },
      ],
    },
  ];
}
