import {
  Alert,
  Box,
  Button,
  Field,
  Input,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../../api/errors';
import { useChargerCommand, type CommandAnswer, type OcppCommand } from './queries';

/**
 * Every command the API sends (OCPP 1.6J, central system → charge point), with what it does: a
 * Record, so a command the API adds fails the type check here until it is described.
 */
const COMMAND_HINTS: Record<OcppCommand, string> = {
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

interface InputSpec {
  name: string;
  label: string;
  kind: 'text' | 'int' | 'select';
  options?: readonly string[];
  required?: boolean;
  min?: number;
  help?: string;
}
type Values = Record<string, string>;

const int = (v: string | undefined) => (v && /^\d{1,9}$/.test(v.trim()) ? Number(v) : undefined);

/** The commands an operator sends most, as forms; the rest take the payload as JSON. */
const FORMS: Partial<Record<OcppCommand, { inputs: InputSpec[]; payload: (v: Values) => object }>> =
  {
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
function formProblem(inputs: InputSpec[], v: Values): string | undefined {
  for (const i of inputs) {
    const text = (v[i.name] ?? '').trim();
    if (i.required && !text) return `${i.label} is needed.`;
    if (i.kind === 'int' && text && (int(text) === undefined || int(text)! < (i.min ?? 0)))
      return `${i.label}: a whole number from ${i.min ?? 0}.`;
  }
  return undefined;
}

function jsonPayload(text: string): object | string {
  try {
    const v: unknown = JSON.parse(text || '{}');
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
    return 'The payload must be a JSON object: { … }.';
  } catch {
    return 'The payload is not valid JSON.';
  }
}

const CALL_ERRORS: Record<string, string> = {
  NotImplemented: 'The charger does not implement this command.',
  NotSupported: 'The charger does not support this.',
  InternalError: 'The charger had an internal error carrying it out.',
  ProtocolError: 'The charger found the message incomplete.',
  SecurityError: 'The charger refused it for security reasons.',
  FormationViolation: 'The charger could not read the message.',
  FormatViolation: 'The charger could not read the message.',
  PropertyConstraintViolation: 'The charger refused a value in the payload.',
  OccurenceConstraintViolation: 'The charger found a field missing or repeated.',
  OccurrenceConstraintViolation: 'The charger found a field missing or repeated.',
  TypeConstraintViolation: 'The charger found a field of the wrong type.',
  GenericError: 'The charger refused it.',
};

/** Why a command got no answer, in words: offline, no answer in time, gone mid-call, refused here. */
export function describeCommandError(err: unknown): string {
  const code = err instanceof ApiError ? err.body?.code : undefined;
  switch (code) {
    case 'charger_offline':
      return 'The charger is offline: it is not connected to Tender, so nothing was sent.';
    case 'charger_timeout':
      return 'The charger did not answer within 30 seconds. It may still carry the command out.';
    case 'charger_disconnected':
      return 'The charger disconnected before it answered. It may or may not have carried it out.';
    case undefined:
    default:
      return describeError(err);
  }
}

function Answer({ answer }: { answer: CommandAnswer }) {
  if (answer.error)
    return (
      <Alert.Root status="warning" data-testid="command-answer" data-outcome="call-error">
        <Alert.Indicator />
        <Alert.Content minW={0}>
          <Alert.Title>{CALL_ERRORS[answer.error.code] ?? 'The charger refused it.'}</Alert.Title>
          <Alert.Description overflowWrap="anywhere">
            {answer.action}: {answer.error.code}
            {answer.error.description ? ` — ${answer.error.description}` : ''}
          </Alert.Description>
        </Alert.Content>
      </Alert.Root>
    );
  const result = answer.result ?? {};
  const status = typeof result.status === 'string' ? result.status : undefined;
  return (
    <Stack gap={3} data-testid="command-answer" data-outcome="result">
      <Alert.Root status={status && status !== 'Accepted' ? 'info' : 'success'}>
        <Alert.Indicator />
        <Alert.Title>
          {status
            ? `The charger answered ${answer.action}: ${status}.`
            : `The charger answered ${answer.action}.`}
        </Alert.Title>
      </Alert.Root>
      {answer.action === 'GetConfiguration' && <Configuration result={result} />}
      <details>
        <Box as="summary" cursor="pointer" color="teal.700">
          The answer as JSON
        </Box>
        <Box
          as="pre"
          bg="gray.900"
          color="gray.50"
          p={3}
          mt={1}
          borderRadius="md"
          fontSize="sm"
          overflow="auto"
          maxH="sm"
        >
          {JSON.stringify(result, null, 2)}
        </Box>
      </details>
    </Stack>
  );
}

interface ConfigKey {
  key: string;
  value?: string;
  readonly: boolean;
}

function Configuration({ result }: { result: Record<string, unknown> }) {
  const keys = (
    Array.isArray(result.configurationKey) ? result.configurationKey : []
  ) as ConfigKey[];
  const unknown = (Array.isArray(result.unknownKey) ? result.unknownKey : []) as string[];
  return (
    <Stack gap={2}>
      {keys.length > 0 && (
        <Table.ScrollArea
          borderWidth="1px"
          borderRadius="md"
          tabIndex={0}
          role="region"
          aria-label="Configuration"
        >
          <Table.Root size="sm">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>Key</Table.ColumnHeader>
                <Table.ColumnHeader>Value</Table.ColumnHeader>
                <Table.ColumnHeader>Can change</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {keys.map((k) => (
                <Table.Row key={k.key} data-testid="config-key">
                  <Table.Cell>{k.key}</Table.Cell>
                  <Table.Cell overflowWrap="anywhere">{k.value ?? '—'}</Table.Cell>
                  <Table.Cell>{k.readonly ? 'No' : 'Yes'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        </Table.ScrollArea>
      )}
      {unknown.length > 0 && <Text>Keys the charger does not know: {unknown.join(', ')}.</Text>}
    </Stack>
  );
}

function CommandInputs({
  inputs,
  values,
  onChange,
}: {
  inputs: InputSpec[];
  values: Values;
  onChange: (v: Values) => void;
}) {
  if (inputs.length === 0) return <Text color="fg.muted">This command takes nothing more.</Text>;
  return (
    <SimpleGrid columns={{ base: 1, sm: 2 }} gap={3}>
      {inputs.map((i) => (
        <Field.Root key={i.name} required={i.required}>
          <Field.Label>{i.label}</Field.Label>
          {i.kind === 'select' ? (
            <NativeSelect.Root>
              <NativeSelect.Field
                value={values[i.name] ?? i.options![0]}
                onChange={(e) => onChange({ ...values, [i.name]: e.target.value })}
              >
                {i.options!.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
          ) : (
            <Input
              value={values[i.name] ?? ''}
              inputMode={i.kind === 'int' ? 'numeric' : 'text'}
              onChange={(e) => onChange({ ...values, [i.name]: e.target.value })}
            />
          )}
          {i.help && <Field.HelperText>{i.help}</Field.HelperText>}
        </Field.Root>
      ))}
    </SimpleGrid>
  );
}

/** Pick a command, fill it in, send it, read the charger's answer (or why there is none). */
export function CommandPanel({ chargerId, online }: { chargerId: string; online: boolean }) {
  const [action, setAction] = useState<OcppCommand>('GetConfiguration');
  const [values, setValues] = useState<Values>({});
  const [json, setJson] = useState('{}');
  const [problem, setProblem] = useState<string>();
  const send = useChargerCommand(chargerId);
  const form = FORMS[action];
  const pick = (a: OcppCommand) => {
    setAction(a);
    setValues({});
    setJson('{}');
    setProblem(undefined);
    send.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wrong = form ? formProblem(form.inputs, values) : undefined;
    const payload = form ? form.payload(values) : jsonPayload(json);
    const why = wrong ?? (typeof payload === 'string' ? payload : undefined);
    setProblem(why);
    if (!why) send.mutate({ action, payload: payload as Record<string, unknown> });
  };
  return (
    <Stack gap={4}>
      <Stack asChild gap={3}>
        <form onSubmit={submit} noValidate aria-label="Send a command">
          <Field.Root>
            <Field.Label>Command</Field.Label>
            <NativeSelect.Root>
              <NativeSelect.Field
                value={action}
                onChange={(e) => pick(e.target.value as OcppCommand)}
              >
                {COMMANDS.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
            <Field.HelperText>{COMMAND_HINTS[action]}</Field.HelperText>
          </Field.Root>
          {form ? (
            <CommandInputs inputs={form.inputs} values={values} onChange={setValues} />
          ) : (
            <Field.Root>
              <Field.Label>Payload (JSON)</Field.Label>
              <Textarea
                value={json}
                onChange={(e) => setJson(e.target.value)}
                fontFamily="mono"
                rows={5}
                spellCheck={false}
              />
              <Field.HelperText>
                As OCPP 1.6 defines {action}.req; Tender checks it against the schema before
                sending.
              </Field.HelperText>
            </Field.Root>
          )}
          {problem && (
            <Text color="red.700" role="alert">
              {problem}
            </Text>
          )}
          {!online && (
            <Text fontSize="sm" color="fg.muted">
              The charger is offline now: a command cannot reach it until it connects.
            </Text>
          )}
          <Button type="submit" colorPalette="teal" alignSelf="start" loading={send.isPending}>
            Send {action}
          </Button>
        </form>
      </Stack>
      <Box aria-live="polite">
        {send.isError && (
          <Alert.Root status="error" data-testid="command-answer" data-outcome="failed">
            <Alert.Indicator />
            <Alert.Title>{describeCommandError(send.error)}</Alert.Title>
          </Alert.Root>
        )}
        {send.isSuccess && <Answer answer={send.data} />}
      </Box>
    </Stack>
  );
}
