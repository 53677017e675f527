import type { SimulatorOptions } from './options';

type Params = Record<string, unknown>;
type On = (action: string, fn: (p: Params) => Record<string, unknown>) => void;

/** The simulated charger's configuration keys (OCPP 1.6 §9.1), as GetConfiguration lists them. */
export type ConfigurationKeys = Map<string, { value: string; readonly: boolean }>;

export function defaultConfiguration(opts: SimulatorOptions): ConfigurationKeys {
  return new Map([
    ['HeartbeatInterval', { value: '300', readonly: false }],
    ['MeterValueSampleInterval', { value: String(opts.meterIntervalMs / 1000), readonly: false }],
    ['MeterValuesSampledData', { value: 'Energy.Active.Import.Register', readonly: true }],
    ['NumberOfConnectors', { value: String(opts.connectors), readonly: true }],
    ['AuthorizeRemoteTxRequests', { value: 'false', readonly: true }],
  ]);
}

/**
 * GetConfiguration and ChangeConfiguration: read-only keys are Rejected, unknown ones
 * NotSupported; a new HeartbeatInterval takes effect at once (`heartbeatChanged`).
 */
export function handleConfiguration(
  on: On,
  config: ConfigurationKeys,
  heartbeatChanged: (seconds: number) => void,
): void {
  on('GetConfiguration', (p) => {
    const keys = Array.isArray(p.key) ? (p.key as string[]) : [...config.keys()];
    return {
      configurationKey: keys
        .filter((k) => config.has(k))
        .map((key) => ({ key, ...config.get(key)! })),
      unknownKey: keys.filter((k) => !config.has(k)),
    };
  });

  on('ChangeConfiguration', (p) => {
    const entry = config.get(String(p.key));
    if (!entry) return { status: 'NotSupported' };
    if (entry.readonly) return { status: 'Rejected' };
    entry.value = String(p.value);
    if (p.key === 'HeartbeatInterval' && Number(p.value) > 0) heartbeatChanged(Number(p.value));
    return { status: 'Accepted' };
  });
}
