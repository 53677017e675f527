import { Alert, Button, Code, Field, Flex, Input, Link, Stack, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { api, call } from '../../api/client';
import { ErrorState } from '../../shell/page';
import { TariffField } from './area';
import { useChargingChange, type Charger, type ChargerChange, type Station } from './queries';

// Registering a charger and changing its credentials: the OCPP identity it connects with, and the
// optional HTTP Basic password, which the server keeps as a hash only.

const OCPP_ID = /^[A-Za-z0-9._:-]{1,48}$/;
const PASSWORD = /^[\x21-\x7e]{16,40}$/;

export const ocppIdProblem = (id: string) =>
  OCPP_ID.test(id) ? undefined : 'Up to 48 letters, digits and . _ : - (no spaces).';
export const passwordProblem = (p: string) =>
  p === '' || PASSWORD.test(p)
    ? undefined
    : '16 to 40 characters: letters, digits and punctuation, no spaces.';

/** 24 random characters the charger can store (printable ASCII without quotes or spaces). */
export function newChargerPassword(): string {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.~!*';
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return [...bytes].map((b) => chars[b % chars.length]).join('');
}

/** Where the charger connects: this server's OCPP endpoint with its identity. */
export const ocppUrl = (ocppId: string) =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ocpp/${encodeURIComponent(ocppId)}`;

function PasswordField({
  value,
  onChange,
  label,
  help,
}: {
  value: string;
  onChange: (p: string) => void;
  label: string;
  help: string;
}) {
  const problem = passwordProblem(value);
  return (
    <Field.Root invalid={!!problem}>
      <Field.Label>{label}</Field.Label>
      <Flex gap={2} w="full">
        <Input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          fontFamily="mono"
        />
        <Button variant="outline" onClick={() => onChange(newChargerPassword())}>
          Generate
        </Button>
      </Flex>
      {problem ? (
        <Field.ErrorText>{problem}</Field.ErrorText>
      ) : (
        <Field.HelperText>{help}</Field.HelperText>
      )}
    </Field.Root>
  );
}

/** Shown once, right after it was set: Tender keeps only a hash of it. */
function PasswordOnce({ ocppId, password }: { ocppId: string; password?: string }) {
  return (
    <Alert.Root status="success" role="status">
      <Alert.Indicator />
      <Alert.Content gap={1} minW={0}>
        <Alert.Title>Set this in the charger now.</Alert.Title>
        <Alert.Description overflowWrap="anywhere">
          {/* One run of text: the description lays its children out as separate lines. */}
          <Text as="span">
            It connects to <Code>{ocppUrl(ocppId)}</Code>
            {password ? (
              <>
                {' '}
                with the password <Code data-testid="new-password">{password}</Code>. The password
                is shown only this once: Tender stores a hash of it, never the password.
              </>
            ) : (
              ' without a password.'
            )}
          </Text>
        </Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}

/** A new charger at the station; its connectors are added on its card or reported by it. */
export function AddCharger({ station }: { station: Station }) {
  const [ocppId, setOcppId] = useState('');
  const [password, setPassword] = useState('');
  const [tariffId, setTariffId] = useState('');
  const [created, setCreated] = useState<{ charger: Charger; password?: string }>();
  const idProblem = ocppId === '' ? undefined : ocppIdProblem(ocppId);
  const ready = ocppId !== '' && !idProblem && !passwordProblem(password);
  const add = useChargingChange(() =>
    call(() =>
      api.POST('/api/v1/chargers', {
        body: {
          stationId: station.id,
          ocppId,
          ...(password ? { password } : {}),
          ...(tariffId ? { tariffId } : {}),
        },
      }),
    ),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready)
      add.mutate(undefined, {
        onSuccess: (charger) => {
          setCreated({ charger, ...(password ? { password } : {}) });
          setOcppId('');
          setPassword('');
          setTariffId('');
        },
      });
  };
  return (
    <Stack asChild gap={3}>
      <form onSubmit={submit} noValidate aria-label="Add a charger">
        {add.isError && <ErrorState error={add.error} />}
        {created && (
          <Stack gap={2}>
            <Text>
              Charger{' '}
              <Link asChild color="teal.700">
                <RouterLink to={`/charging/chargers/${created.charger.id}`}>
                  {created.charger.ocppId}
                </RouterLink>
              </Link>{' '}
              registered.
            </Text>
            <PasswordOnce ocppId={created.charger.ocppId} password={created.password} />
          </Stack>
        )}
        <Field.Root required invalid={!!idProblem}>
          <Field.Label>Charge point id</Field.Label>
          <Input
            value={ocppId}
            maxLength={48}
            placeholder="CP-0001"
            onChange={(e) => setOcppId(e.target.value.trim())}
            autoComplete="off"
          />
          {idProblem ? (
            <Field.ErrorText>{idProblem}</Field.ErrorText>
          ) : (
            <Field.HelperText>The identity the charger connects with (OCPP 1.6).</Field.HelperText>
          )}
        </Field.Root>
        <PasswordField
          label="Password (optional)"
          value={password}
          onChange={setPassword}
          help="With one, the charger must sign in with it (HTTP Basic). Shown once, after saving."
        />
        <TariffField
          companyId={station.companyId}
          value={tariffId}
          onChange={setTariffId}
          none="The station's tariff"
        />
        <Button
          type="submit"
          colorPalette="teal"
          alignSelf="start"
          loading={add.isPending}
          disabled={!ready}
        >
          Add charger
        </Button>
      </form>
    </Stack>
  );
}

/** Identity, password and tariff of a charger; a new identity or password disconnects it. */
export function ChargerSettings({ charger }: { charger: Charger }) {
  const [ocppId, setOcppId] = useState(charger.ocppId);
  const [password, setPassword] = useState('');
  const [tariffId, setTariffId] = useState(charger.tariffId ?? '');
  const [saved, setSaved] = useState<{ ocppId: string; password?: string }>();
  const idProblem = ocppIdProblem(ocppId);
  const save = useChargingChange((change: ChargerChange) => patch(charger.id, change));
  const change = {
    ...(ocppId !== charger.ocppId ? { ocppId } : {}),
    ...(password ? { password } : {}),
    ...(tariffId !== (charger.tariffId ?? '') ? { tariffId: tariffId || null } : {}),
  };
  const ready = !idProblem && !passwordProblem(password) && Object.keys(change).length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready)
      save.mutate(change, {
        onSuccess: (c) => {
          setSaved({ ocppId: c.ocppId, ...(password ? { password } : {}) });
          setPassword('');
        },
      });
  };
  return (
    <Stack gap={3}>
      {save.isError && <ErrorState error={save.error} />}
      {saved && <PasswordOnce ocppId={saved.ocppId} password={saved.password} />}
      <Stack asChild gap={3}>
        <form onSubmit={submit} noValidate aria-label="Charger settings">
          <Field.Root required invalid={!!idProblem}>
            <Field.Label>Charge point id</Field.Label>
            <Input
              value={ocppId}
              maxLength={48}
              onChange={(e) => setOcppId(e.target.value.trim())}
            />
            {idProblem && <Field.ErrorText>{idProblem}</Field.ErrorText>}
          </Field.Root>
          <PasswordField
            label={charger.hasPassword ? 'New password' : 'Password'}
            value={password}
            onChange={setPassword}
            help={
              charger.hasPassword
                ? 'It has a password (never shown). Leave empty to keep it.'
                : 'It connects without a password now. Set one to require it.'
            }
          />
          <TariffField
            companyId={charger.companyId}
            value={tariffId}
            onChange={setTariffId}
            none="The station's tariff"
          />
          <Text fontSize="sm" color="fg.muted">
            A new id or password disconnects the charger until it connects with them.
          </Text>
          <Button
            type="submit"
            colorPalette="teal"
            alignSelf="start"
            loading={save.isPending}
            disabled={!ready}
          >
            Save settings
          </Button>
        </form>
      </Stack>
      {charger.hasPassword && (
        <Button
          variant="outline"
          alignSelf="start"
          size="sm"
          loading={save.isPending && save.variables?.password === null}
          onClick={() => save.mutate({ password: null }, { onSuccess: () => setSaved(undefined) })}
        >
          Remove the password
        </Button>
      )}
    </Stack>
  );
}

const patch = (id: string, body: ChargerChange) =>
  call(() => api.PATCH('/api/v1/chargers/{id}', { params: { path: { id } }, body }));
