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
import {
  COMMAND_HINTS,
  COMMANDS,
  FORMS,
  formProblem,
  jsonPayload,
  type InputSpec,
  type Values,
} from './command-forms';
import { useChargerCommand, type CommandAnswer, type OcppCommand } from './queries';

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
