import type { OcppCommand } from './queries';

/**
 * Every command the API sends (OCPP 1.6J, central system → charge point), with what it does: a
 * Record, so a command the API adds fails the type check here until it is described.
 */
export const COMMAND_HINTS: Record<OcppCommand, string> = {
  RemoteStartTransaction: 'Start charging for an id tag.',
  RemoteStopTransaction: 'Stop a running transaction.',
  UnlockConnector: 'Release the cable from a connector.',
  ChangeAvailability: 'Take a connector, or the charger, in or out of service.',
  Reset: 'Restart the charger; running sessions end.',
  GetConfiguration: "Read the charger's configuration keys.",
  ChangeConfiguration: 'Set one configuration key.',
  TriggerMessage: 'Ask the charger to send a message now.',
  ClearCache: "Empty the charger's authorization cache.",
  ReserveNow: 'Reserve a connector for an id tag.',
  CancelReservation: 'Cancel a reservation.',
  SendLocalList: 'Send the local authorization list.',
  GetLocalListVersion: "Read the local authorization list's version.",
  SetChargingProfile: 'Limit power with a charging profile.',
  ClearChargingProfile: 'Remove charging profiles.',
  GetCompositeSchedule: 'Read the power schedule a connector will follow.',
  UpdateFirmware: 'Install firmware from a URL.',
  GetDiagnostics: 'Upload diagnostics to a URL.',
  DataTransfer: 'A vendor-specific message.',
};
export const COMMANDS = Object.keys(COMMAND_HINTS) as OcppCommand[];

export interface InputSpec {
  name: string;
  label: string;
  kind: 'text' | 'int' | 'select';
  options?: readonly string[];
  required?: boolean;
  min?: number;
  help?: string;
}
export type Values = Record<string, string>;

const int = (v: string | undefined) => (v && /^\d{1,9}$/.test(v.trim()) ? Number(v) : undefined);

/** The commands an operator sends most, as forms; the rest take the payload as JSON. */
export const FORMS: Partial<
  Record<OcppCommand, { inputs: InputSpec[]; payload: (v: Values) => object }>
> = {
  RemoteStartTransaction: {
    inputs: [
      {
        name: 'idTag',
        label: 'Id tag',
        kind: 'text',
        required: true,
        help: 'Who charges (up to 20 characters).',
      },
      {
        name: 'connectorId',
        label: 'Connector (optional)',
        kind: 'int',
        min: 1,
        help: 'Empty: the charger picks a free one.',
      },
    ],
    payload: (v) => ({
      idTag: v.idTag?.trim(),
      ...(int(v.connectorId) ? { connectorId: int(v.connectorId) } : {}),
    }),
  },
  RemoteStopTransaction: {
    inputs: [
      { name: 'transactionId', label: 'Transaction id', kind: 'int', required: true, min: 0 },
    ],
    payload: (v) => ({ transactionId: int(v.transactionId) }),
  },
  UnlockConnector: {
    inputs: [{ name: 'connectorId', label: 'Connector', kind: 'int', required: true, min: 1 }],
    payload: (v) => ({ connectorId: int(v.connectorId) }),
  },
  ChangeAvailability: {
    inputs: [
      {
        name: 'connectorId',
        label: 'Connector',
        kind: 'int',
        required: true,
        min: 0,
        help: '0: the whole charger.',
      },
      { name: 'type', label: 'Make it', kind: 'select', options: ['Operative', 'Inoperative'] },
    ],
    payload: (v) => ({ connectorId: int(v.connectorId), type: v.type ?? 'Operative' }),
  },
  Reset: {
    inputs: [
      {
        name: 'type',
        label: 'Kind of reset',
        kind: 'select',
        options: ['Soft', 'Hard'],
        help: 'Running sessions end.',
      },
    ],
    payload: (v) => ({ type: v.type ?? 'Soft' }),
  },
  GetConfiguration: {
    inputs: [
      {
        name: 'key',
        label: 'Keys (optional)',
        kind: 'text',
        help: 'Comma-separated; empty: every key.',
      },
    ],
    payload: (v) => {
      const keys = (v.key ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      return keys.length ? { key: keys } : {};
    },
  },
  ChangeConfiguration: {
    inputs: [
      { name: 'key', label: 'Key', kind: 'text', required: true },
      { name: 'value', label: 'Value', kind: 'text', required: true },
    ],
    payload: (v) => ({ key: v.key?.trim(), value: v.value ?? '' }),
  },
  TriggerMessage: {
    inputs: [
      {
        name: 'requestedMessage',
        label: 'Message',
        kind: 'select',
        options: [
          'StatusNotification',
          'Heartbeat',
          'BootNotification',
          'MeterValues',
          'DiagnosticsStatusNotification',
          'FirmwareStatusNotification',
        ],
      },
      { name: 'connectorId', label: 'Connector (optional)', kind: 'int', min: 1 },
    ],
    payload: (v) => ({
      requestedMessage: v.requestedMessage ?? 'StatusNotification',
      ...(int(v.connectorId) ? { connectorId: int(v.connectorId) } : {}),
    }),
  },
  ClearCache: { inputs: [], payload: () => ({}) },
  GetLocalListVersion: { inputs: [], payload: () => ({}) },
};

/** What is missing or wrong in a form, in words; undefined when it can be sent. */
export function formProblem(inputs: InputSpec[], v: Values): string | undefined {
  for (const i of inputs) {
    const text = (v[i.name] ?? '').trim();
    if (i.required && !text) return `${i.label} is needed.`;
    if (i.kind === 'int' && text && (int(text) === undefined || int(text)! < (i.min ?? 0)))
      return `${i.label}: a whole number from ${i.min ?? 0}.`;
  }
  return undefined;
}

export function jsonPayload(text: string): object | string {
  try {
    const v: unknown = JSON.parse(text || '{}');
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
    return 'The payload must be a JSON object: { … }.';
  } catch {
    return 'The payload is not valid JSON.';
  }
}
